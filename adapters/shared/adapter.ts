import type {
  Capabilities,
  ExecutionError,
  ExecutorInfo,
  Language,
  LanguageInfo,
  Policy,
} from '../../src/protocol/generated/types.js';
import type { OutputSink } from './output-sink.js';

/** One execution handed to an adapter: already authenticated and checked against its capabilities. */
export interface Job {
  executionId: string;
  language: Language;
  code: string;
  policy: Policy;
  stdout: OutputSink;
  stderr: OutputSink;
  /** Aborts when an output cap is passed in kill mode: an adapter that can stop the code does. */
  outputKill: AbortSignal;
}

/**
 * What running the code gave: a value (absent for undefined, or JSON text already serialised by
 * the sandbox), or an error the code caused or the sandbox reported.
 */
export type RunOutcome =
  { kind: 'ok'; value?: unknown } | { kind: 'ok-json'; json?: string } | { kind: 'error'; error: ExecutionError };

/**
 * A third-party sandbox behind the protocol. The shared server does everything else (framing,
 * tenants, policy checks, output caps, result shape); an adapter only says what it is, what it
 * can enforce, and how it runs code.
 */
export interface Adapter {
  info: ExecutorInfo;
  languages: [LanguageInfo, ...LanguageInfo[]];
  capabilities: Capabilities;
  /**
   * Why this adapter cannot run anything on this machine, or undefined when it can. Asked once
   * before initialize is answered; a reason is stated in initialize and every execute fails
   * with it, so an unavailable sandbox never runs code unsandboxed.
   */
  unavailable?(): Promise<string | undefined>;
  run(job: Job): Promise<RunOutcome>;
}
