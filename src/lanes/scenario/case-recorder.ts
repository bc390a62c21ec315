import { ViolationTally } from '../../runner/violation-tally.js';
import type { ExecutorConnection, ExecutorLogEntry, ToolCallSeen } from '../../targets/executor-connection.js';

/** Log bytes kept per case: beyond it the log is counted, not stored. */
const MAX_LOG_CHARS = 1024 * 1024;
const MAX_TOOL_CALLS = 200;

/**
 * Records what an executor connection emits while one case holds it: its log, its tool calls, its protocol violations.
 */
export class CaseRecorder {
  readonly log: ExecutorLogEntry[] = [];
  readonly toolCalls: ToolCallSeen[] = [];
  readonly violations = new ViolationTally();
  #chars = 0;
  readonly #stop: Array<() => void>;

  constructor(connection: ExecutorConnection) {
    this.#stop = [
      connection.onLog((entry) => {
        if (this.#chars >= MAX_LOG_CHARS) return;
        const text = entry.text.slice(0, MAX_LOG_CHARS - this.#chars);
        this.#chars += text.length;
        this.log.push({ at: entry.at, text });
      }),
      connection.onToolCall((call) => {
        if (this.toolCalls.length < MAX_TOOL_CALLS) this.toolCalls.push(call);
      }),
      connection.onViolation((violation) => this.violations.add(violation)),
    ];
  }

  /** Stops recording. */
  stop(): void {
    for (const stop of this.#stop) stop();
  }
}
