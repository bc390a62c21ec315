import type { SandboxMessage } from './control-socket.js';
import type { SandboxProfile } from './sandbox-profile.js';

/** How a sandbox ended. */
export interface SandboxExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The kernel's OOM killer ended it (read from the container's memory cgroup, never guessed). */
  oomKilled?: boolean;
  /**
   * The executor killed it for standing at its memory cap while the kernel evicted and re-read
   * the runtime's own pages, which ends in no OOM kill (read from the cgroup; see MemoryStallWatch).
   */
  memoryStalled?: boolean;
  /** The most the sandbox's memory cgroup held beyond the runtime's own share, when it has one. */
  memoryPeakBytes?: number;
}

/**
 * What the executor needs of a sandbox, whatever isolates it: a Deno process (Sandbox) or a
 * container (DockerSandbox). It takes `{t: 'run', ...}` messages, streams the code's raw output
 * followed by the run's fence on both streams, and answers `{t: 'done', ...}`.
 */
export interface SandboxHandle {
  readonly id: string;
  readonly profile: SandboxProfile;
  /** A host folder the executor wipes between a session's ephemeral runs, if it has one. */
  readonly workDir: string | undefined;
  onStdout: (chunk: Buffer) => void;
  onStderr: (chunk: Buffer) => void;
  onMessage: (message: SandboxMessage) => void;
  onExit: (exit: SandboxExit) => void;
  /** Resident memory of the runtime itself, subtracted from readings. */
  baselineRss: number;
  /**
   * Sends `{t: 'started', seq}` when the code itself starts (after a container's exec and the
   * runtime's start-up), so the wall-time budget counts the code's time only, as the protocol says.
   */
  readonly reportsStart?: boolean;
  /**
   * True when kill() has stopped the code by the time it returns (a SIGKILL sent synchronously):
   * an execution may then be answered while the rest of the release (the process's exit, its
   * cgroup and folder) goes on.
   */
  readonly stopsOnKill?: boolean;
  readonly exit: SandboxExit | undefined;
  readonly stderrTail: string;
  send(message: object): void;
  /** A memory reading to enforce the cap by watching, or undefined when the kernel enforces it. */
  memory(): { rss: number } | undefined;
  /**
   * Sets the kernel's cap on what the code may hold to `bytes`, where the sandbox has such a cap
   * it can change. Undefined when set; else the bytes held that keep it from being lowered so far.
   */
  limitMemory?(bytes: number): number | undefined;
  /** Stops it and releases everything it holds; safe to call twice. */
  kill(): Promise<void>;
}
