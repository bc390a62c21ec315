import { randomBytes } from 'node:crypto';
import type { Language, Policy } from '../../../src/protocol/generated/types.js';
import type { SandboxHandle as Sandbox } from '../sandbox/sandbox-handle.js';
import type { ToolBroker } from '../tools/tool-broker.js';
import type { ExecutionStop, RunDone } from './execution-stop.js';
import { OutputCapture } from './output-capture.js';

export interface RunRequest {
  sandbox: Sandbox;
  /** Distinguishes this run from earlier runs of a session's sandbox. */
  seq: number;
  language: Language;
  code: string;
  policy: Policy;
  broker: ToolBroker;
  signal: AbortSignal;
  /**
   * callOwnership: refuse tool calls tagged with an earlier run (off under late-tool-calls); kill: kill the sandbox
   * on a stop (off under abandon-on-stop); outputInBytes: count output caps in bytes (off under output-cap-chars);
   * killAtOnce: kill without waiting for the output to go quiet (off under stop-awaits-drain).
   */
  enforce: {
    wallTime: boolean;
    memory: boolean;
    output: boolean;
    callOwnership: boolean;
    kill: boolean;
    outputInBytes: boolean;
    killAtOnce: boolean;
  };
}

/** What a run left behind, before redaction and typing. */
export interface RunRecord {
  stop: ExecutionStop;
  stdout: OutputCapture;
  stderr: OutputCapture;
  wallMs: number;
  peakMemoryBytes: number;
}

const MEMORY_POLL_MS = 20;
/** How long to wait for the fences once the run said done (its output is already in the pipes). */
const FENCE_DEADLINE_MS = 1000;
/** How long a sandbox that reports the code's start may take to start it. */
const START_DEADLINE_MS = 30_000;
const V8_OOM = /out of memory|heap limit|Allocation failed/i;
/**
 * stop-awaits-drain only: how long the output must be quiet, and the longest wait, before the kill.
 * Quiet means seconds, not a scheduling hiccup: a writer that a loaded machine pauses is still writing.
 */
const QUIET_MS = 2000;
const DRAIN_WAIT_MS = 60_000;

/**
 * Runs one piece of code in a sandbox and watches it. Steps: 1. route the sandbox's output,
 * messages and exit to this run; 2. arm the wall clock, the memory watch (a kernel cap, where the
 * sandbox has one, stops fast allocation the watch would miss) and cancellation; 3. send the
 * code; 4. on the first stop, disarm everything, kill the sandbox unless the run simply
 * finished, and wait for the output to drain. Output written before a kill is kept.
 */
export function runInSandbox(request: RunRequest): Promise<RunRecord> {
  const { sandbox, policy, enforce, broker } = request;
  const fence = randomBytes(16).toString('hex');
  const unlimited = Number.MAX_SAFE_INTEGER;
  const stdout = new OutputCapture(
    enforce.output ? policy.output.stdoutBytes : unlimited,
    Buffer.from(fence),
    enforce.outputInBytes,
  );
  const stderr = new OutputCapture(
    enforce.output ? policy.output.stderrBytes : unlimited,
    Buffer.from(fence),
    enforce.outputInBytes,
  );
  const killOnExceed = enforce.output && policy.output.onExceed === 'kill';
  let started = performance.now();
  let peak = 0;
  let lastOutput = performance.now();

  return new Promise<RunRecord>((resolve) => {
    let stopped: ExecutionStop | undefined;
    let done: RunDone | undefined;
    const timers: NodeJS.Timeout[] = [];

    const stop = (why: ExecutionStop): void => {
      if (stopped) return;
      stopped = why;
      const wallMs = performance.now() - started;
      // 4. Disarm, then kill if a limit (not the run's own end) stopped it.
      for (const timer of timers) clearTimeout(timer);
      clearInterval(memoryWatch);
      request.signal.removeEventListener('abort', onAbort);
      broker.end();
      const finish = () => {
        sandbox.onStdout = sandbox.onStderr = () => undefined;
        // Between runs no execution owns the sandbox: a tool call then is refused, not left hanging.
        sandbox.onMessage = (message) => {
          if (message.t === 'tool')
            sandbox.send({
              t: 'tool-result',
              callId: String(message['callId']),
              status: 'refused',
              message: 'no execution is running',
            });
        };
        sandbox.onExit = () => undefined;
        resolve({ stop: why, stdout, stderr, wallMs, peakMemoryBytes: peak });
      };
      if (why.kind === 'done' || !enforce.kill) finish();
      else if (enforce.killAtOnce) void sandbox.kill().then(finish);
      else void quiet(performance.now()).then(() => sandbox.kill().then(finish));
    };

    // stop-awaits-drain: poll until no output came for QUIET_MS (or DRAIN_WAIT_MS went by).
    const quiet = async (since: number): Promise<void> => {
      while (performance.now() - lastOutput < QUIET_MS && performance.now() - since < DRAIN_WAIT_MS)
        await new Promise((resolve) => setTimeout(resolve, QUIET_MS / 20));
    };

    // 1.
    const checkFenced = () => {
      if (done && stdout.fenced && stderr.fenced) stop({ kind: 'done', done });
    };
    sandbox.onStdout = (chunk) => {
      lastOutput = performance.now();
      if (stdout.push(chunk) && killOnExceed) stop({ kind: 'output', stream: 'stdout', observed: stdout.bytes });
      checkFenced();
    };
    sandbox.onStderr = (chunk) => {
      lastOutput = performance.now();
      if (stderr.push(chunk) && killOnExceed) stop({ kind: 'output', stream: 'stderr', observed: stderr.bytes });
      checkFenced();
    };
    sandbox.onMessage = (message) => {
      if (message.t === 'tool') {
        const answerTo = message['run'] === request.seq || !enforce.callOwnership ? broker : undefined;
        const call = { callId: message['callId'], name: message['name'], args: message['args'] };
        if (answerTo) void answerTo.call(call).then((answer) => sandbox.send({ t: 'tool-result', ...answer }));
        else
          sandbox.send({
            t: 'tool-result',
            callId: String(call.callId),
            status: 'refused',
            message: 'the call does not belong to the running execution',
          });
      } else if (message.t === 'started' && message['seq'] === request.seq && sandbox.reportsStart) {
        armWallClock();
      } else if (message.t === 'done' && message['seq'] === request.seq && !done) {
        done = {
          ok: message['ok'] === true,
          ...(typeof message['json'] === 'string' ? { json: message['json'] } : {}),
          ...(message['error'] ? { error: message['error'] as RunDone['error'] } : {}),
        };
        timers.push(setTimeout(() => stop({ kind: 'done', done: done! }), FENCE_DEADLINE_MS));
        checkFenced();
      }
    };
    sandbox.onExit = (exit) => {
      if (done) stop({ kind: 'done', done });
      else
        stop({
          kind: 'crashed',
          exit,
          outOfMemory:
            exit.oomKilled === true ||
            exit.memoryStalled === true ||
            (exit.signal !== null && exit.signal !== 'SIGKILL' && V8_OOM.test(sandbox.stderrTail)),
        });
    };

    // 2.
    const armWallClock = () => {
      started = performance.now();
      if (enforce.wallTime)
        timers.push(
          setTimeout(
            () => stop({ kind: 'timeout', observedMs: Math.round(performance.now() - started) }),
            policy.wallTimeMs,
          ),
        );
    };
    // A sandbox that reports when the code starts gets the budget from then, and a bound on start-up.
    if (sandbox.reportsStart)
      timers.push(
        setTimeout(
          () => stop({ kind: 'timeout', observedMs: Math.round(performance.now() - started) }),
          policy.wallTimeMs + START_DEADLINE_MS,
        ),
      );
    else armWallClock();
    const memoryWatch = setInterval(() => {
      const reading = sandbox.memory();
      if (!reading) return;
      peak = Math.max(peak, reading.rss - sandbox.baselineRss);
      if (enforce.memory && reading.rss - sandbox.baselineRss > policy.memoryBytes)
        stop({ kind: 'memory', observed: reading.rss - sandbox.baselineRss });
    }, MEMORY_POLL_MS);
    const onAbort = () => stop({ kind: 'cancelled' });
    if (request.signal.aborted) return onAbort();
    request.signal.addEventListener('abort', onAbort, { once: true });
    if (sandbox.exit) return stop({ kind: 'crashed', exit: sandbox.exit, outOfMemory: false });
    // The kernel's cap, where the sandbox has one, is this execution's (a session may tighten it).
    const held = enforce.memory ? sandbox.limitMemory?.(policy.memoryBytes) : undefined;
    if (held !== undefined) return stop({ kind: 'memory', observed: held });

    // 3.
    sandbox.send({
      t: 'run',
      seq: request.seq,
      language: request.language,
      code: request.code,
      env: policy.env ?? {},
      allowSubprocesses: policy.allowSubprocesses,
      fence,
    });
  });
}
