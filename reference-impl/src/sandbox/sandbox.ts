import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../../../src/errors/harness-error.js';
import { ControlSocket, type SandboxMessage } from './control-socket.js';
import { denoCommand, type DenoCommandInput } from './deno-command.js';
import { readMemory, type MemoryReading } from './memory-probe.js';
import type { SandboxExit, SandboxHandle } from './sandbox-handle.js';
import type { SandboxProfile } from './sandbox-profile.js';

export type { SandboxExit } from './sandbox-handle.js';

export interface SandboxStartOptions extends Omit<DenoCommandInput, 'socket' | 'workDir'> {
  id: string;
  /** Folder of control sockets, private to the executor. */
  controlDir: string;
  /** Folder in which the sandbox's private directory is made. */
  workRoot: string;
  readyDeadlineMs: number;
}

const STDERR_TAIL_BYTES = 8192;

/**
 * One Deno process running the bootstrap, with its control socket, its private directory and
 * raw stdout and stderr. It stays in the executor's process group: Deno without --allow-run has no
 * children of its own, and whoever kills the executor's group (the harness does) takes every
 * sandbox with it, so a busy-looping sandbox never outlives a SIGKILLed executor.
 * Single use: an execution (or a session) owns it until it is killed.
 */
export class Sandbox implements SandboxHandle {
  /** Where user output goes; the execution that owns the sandbox sets these. */
  onStdout: (chunk: Buffer) => void = () => undefined;
  onStderr: (chunk: Buffer) => void = () => undefined;
  onMessage: (message: SandboxMessage) => void = () => undefined;
  onExit: (exit: SandboxExit) => void = () => undefined;
  /** Resident memory when the sandbox became ready: the runtime's own share. */
  baselineRss = 0;
  #stderrTail = Buffer.alloc(0);
  #exit: SandboxExit | undefined;
  readonly #exited: Promise<SandboxExit>;
  #killed = false;

  private constructor(
    readonly id: string,
    readonly profile: SandboxProfile,
    readonly workDir: string | undefined,
    private readonly child: ChildProcess,
    private readonly control: ControlSocket,
    private readonly socketPath: string,
  ) {
    this.#exited = new Promise((resolve) =>
      child.once('close', (code, signal) => {
        this.#exit = { code, signal };
        this.control.close();
        this.onExit(this.#exit);
        resolve(this.#exit);
      }),
    );
    child.stdout!.on('data', (chunk: Buffer) => this.onStdout(chunk));
    child.stderr!.on('data', (chunk: Buffer) => {
      this.#stderrTail = Buffer.concat([this.#stderrTail, chunk]).subarray(-STDERR_TAIL_BYTES);
      this.onStderr(chunk);
    });
    control.onMessage = (message) => this.onMessage(message);
    control.onBroken = () => void this.kill();
  }

  /**
   * Starts a sandbox and resolves once its bootstrap has connected, dropped its permissions and
   * said ready. Steps: 1. private directory and control socket; 2. spawn Deno; 3. await ready.
   */
  static async start(options: SandboxStartOptions): Promise<Sandbox> {
    // 1.
    const socketPath = join(options.controlDir, `${options.id}.sock`);
    const workDir = options.profile.directory ? join(options.workRoot, options.id) : undefined;
    if (workDir) mkdirSync(workDir, { mode: 0o700 });
    const control = await ControlSocket.listen(socketPath);
    // 2.
    const command = denoCommand({ ...options, socket: socketPath, workDir });
    const child = spawn(command.file, command.args, { cwd: workDir ?? options.workRoot, env: command.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.on('error', () => undefined);
    const sandbox = new Sandbox(options.id, options.profile, workDir, child, control, socketPath);
    // 3.
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), options.readyDeadlineMs);
      sandbox.onMessage = (message) => {
        if (message.t !== 'ready') return;
        clearTimeout(timer);
        resolve(true);
      };
      sandbox.onExit = () => {
        clearTimeout(timer);
        resolve(false);
      };
    });
    sandbox.onMessage = () => undefined;
    sandbox.onExit = () => undefined;
    if (!ready) {
      const tail = sandbox.stderrTail;
      await sandbox.kill();
      throw new HarnessError(HarnessErrorCode.ExecutorStartFailed, `the sandbox did not become ready: ${tail.slice(-1000)}`, options.id);
    }
    sandbox.baselineRss = sandbox.memory()?.rss ?? 0;
    return sandbox;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Set once the process has exited. */
  get exit(): SandboxExit | undefined {
    return this.#exit;
  }

  /** The last bytes the process wrote to stderr, whoever was listening. */
  get stderrTail(): string {
    return this.#stderrTail.toString('utf8');
  }

  send(message: object): void {
    this.control.send(message);
  }

  memory(): MemoryReading | undefined {
    return this.child.pid === undefined || this.#exit ? undefined : readMemory(this.child.pid);
  }

  /** Kills the process, waits for the pipes to drain, removes the socket and directory. */
  async kill(): Promise<void> {
    if (!this.#killed) {
      this.#killed = true;
      if (!this.#exit && this.child.pid !== undefined) {
        this.child.kill('SIGKILL');
      }
    }
    await Promise.race([this.#exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    this.control.close();
    rmSync(this.socketPath, { force: true });
    if (this.workDir) rmSync(this.workDir, { recursive: true, force: true });
  }
}
