import { spawn, type ChildProcess } from 'node:child_process';
import { resolveExecutable } from './resolve-executable.js';
import { containProcess } from './contain-process.js';
import type { ContainmentKind, ProcessContainment } from './process-containment.js';
import { settlesWithin } from './settles-within.js';
import { StdioFramedTransport, type StdioFramedOptions } from './stdio-framed-transport.js';
import { readFrames, writeFrame, writeRawFrame } from './stream-framing.js';

export interface StdioClientOptions extends StdioFramedOptions {
  command: string;
  args?: readonly string[];
  /** The complete environment of the process. Nothing is inherited unless the caller passes it. */
  env?: Record<string, string>;
  cwd?: string;
  /** How long close() waits for a polite exit before SIGTERM, then SIGKILL. */
  closeGraceMs?: number;
}

/**
 * Spawns an executor and speaks the protocol over its stdin and stdout, one frame per line.
 * stderr is the executor's free-form log: captured with a bound and streamed to a callback.
 * The process leads its own process group and, where the host allows, runs in a cgroup of its
 * own (see {@link containProcess}): close() and kill() stop everything it started, descendants
 * that left the group included.
 */
export class StdioClientTransport extends StdioFramedTransport {
  #child: ChildProcess | undefined;
  #exited: Promise<void> | undefined;
  #containment: ProcessContainment | undefined;

  constructor(private readonly options: StdioClientOptions) {
    super(options);
  }

  /** Process id of the executor, once started. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Which guarantee the executor's descendants get, once started. */
  get containment(): ContainmentKind | undefined {
    return this.#containment?.kind;
  }

  start(): Promise<void> {
    if (this.#child) return Promise.reject(new Error('already started'));
    let executable: string;
    try {
      executable = resolveExecutable(
        this.options.command,
        this.options.env?.['PATH'] ?? process.env['PATH'],
        this.options.cwd,
      );
    } catch (error) {
      this.finish({ reason: `could not start ${this.options.command}: ${(error as Error).message}` });
      return Promise.reject(error as Error);
    }
    const containment = containProcess();
    this.#containment = containment;
    const { command, args } = containment.wrap(executable, this.options.args ?? []);
    const child = spawn(command, args, {
      cwd: this.options.cwd,
      env: this.options.env ?? {},
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    this.#child = child;
    this.#exited = new Promise((resolve) => child.once('close', () => resolve()));
    readFrames(
      child.stdout!,
      this.maxBytes,
      (f) => this.onmessage?.(f),
      (e) => this.onframeerror?.(e),
    );
    child.stderr!.on('data', (chunk: Buffer) => this.captureStderr(chunk));
    // EPIPE on a dead child surfaces through close; nothing else to do with it.
    child.stdin!.on('error', () => undefined);
    child.once('close', (code, signal) => {
      this.finish({
        reason: signal ? `process killed by ${signal}` : `process exited with code ${code}`,
        exitCode: code,
        signal,
        stderrTail: this.stderr.tailText(),
      });
    });
    return new Promise((resolve, reject) => {
      child.once('spawn', () => {
        if (child.pid !== undefined) containment.adopt(child.pid);
        resolve();
      });
      child.once('error', (error) => {
        void containment.release();
        this.finish({ reason: `could not start ${this.options.command}: ${error.message}` });
        reject(error);
      });
    });
  }

  send(frame: string): Promise<void> {
    const stdin = this.#child?.stdin;
    if (!stdin || this.closed) return Promise.reject(new Error('transport is not open'));
    return writeFrame(stdin, frame, this.maxBytes);
  }

  sendBytes(bytes: Uint8Array): Promise<void> {
    const stdin = this.#child?.stdin;
    if (!stdin || this.closed || stdin.destroyed || stdin.writableEnded)
      return Promise.reject(new Error('transport is not open'));
    return writeRawFrame(stdin, bytes);
  }

  /**
   * Stops the executor and everything it started: 1. stdin closes (a polite executor exits),
   * 2. its process group gets SIGTERM, then SIGKILL, 3. whatever is left in its containment
   * (children it left behind, daemons in other sessions) is killed, exited or not.
   */
  async close(): Promise<void> {
    const child = this.#child;
    if (!child || !this.#exited) return;
    try {
      child.stdin?.end();
      const grace = this.options.closeGraceMs ?? 2000;
      if (await settlesWithin(this.#exited, grace)) return;
      killGroup(child, 'SIGTERM');
      if (await settlesWithin(this.#exited, 1000)) return;
      killGroup(child, 'SIGKILL');
      await settlesWithin(this.#exited, 2000);
    } finally {
      await this.#containment?.release();
    }
  }

  /** Kills the executor and everything it started at once, as when the executor is hung. */
  kill(): void {
    if (this.#child) killGroup(this.#child, 'SIGKILL');
    this.#containment?.killAll();
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}
