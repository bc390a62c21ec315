import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../../../src/errors/harness-error.js';
import { ControlSocket, type SandboxMessage } from './control-socket.js';
import { denoCommand, type DenoCommandInput } from './deno-command.js';
import type { MemoryCgroup } from './memory-cgroup.js';
import type { MemoryCgroupHost } from './memory-cgroup-host.js';
import { MemoryStallWatch } from './memory-stall-watch.js';
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
  /** Where the sandbox's memory cgroup is made; without one the cap is only watched. */
  cgroups?: MemoryCgroupHost;
}

const STDERR_TAIL_BYTES = 8192;
const MiB = 1024 * 1024;
/** How often a running sandbox's memory cgroup is looked at for a stall at its cap. */
const STALL_POLL_MS = 100;
/** Moves the shell into the cgroup named by $0, then execs the sandbox command in its place. */
const ENTER_CGROUP = 'echo $$ > "$0" && exec "$@"';

/**
 * One Deno process running the bootstrap, with its control socket, its private directory and
 * raw stdout and stderr. It stays in the executor's process group: Deno without --allow-run has no
 * children of its own, and whoever kills the executor's group (the harness does) takes every
 * sandbox with it, so a busy-looping sandbox never outlives a SIGKILLed executor.
 * With a cgroup host, the process runs in its own memory cgroup from its first instruction: the
 * kernel caps what it holds at its runtime's share plus the execution's cap, and its OOM killer,
 * not a poll, stops code that allocates past it.
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
  /**
   * The bootstrap says `started` just before the code runs, so a loaded machine's delivery delay
   * is not the code's time.
   */
  readonly reportsStart = true;
  /** kill() sends SIGKILL before its first await; a killed process runs no more code. */
  readonly stopsOnKill = true;
  #stderrTail = Buffer.alloc(0);
  #exit: SandboxExit | undefined;
  readonly #exited: Promise<SandboxExit>;
  #killed = false;
  /** What the cgroup held when the sandbox became ready: the runtime's own share. */
  #baselineCharge = 0;
  /** Looks for a stall at the memory cap while code runs (see MemoryStallWatch). */
  #stallTimer: NodeJS.Timeout | undefined;
  #memoryStalled = false;
  #cgroupRemoved: Promise<boolean> = Promise.resolve(true);

  private constructor(
    readonly id: string,
    readonly profile: SandboxProfile,
    readonly workDir: string | undefined,
    private readonly child: ChildProcess,
    private readonly control: ControlSocket,
    private readonly socketPath: string,
    private readonly cgroup: MemoryCgroup | undefined,
  ) {
    this.#exited = new Promise((resolve) =>
      child.once('close', (code, signal) => {
        // The cgroup tells the OOM killer apart from every other SIGKILL; read it before it goes.
        const cgroup = this.cgroup;
        const oomKilled = cgroup !== undefined && signal === 'SIGKILL' && cgroup.oomKills() > 0;
        const memoryStalled = !oomKilled && signal === 'SIGKILL' && this.#memoryStalled;
        const peak = cgroup?.peak();
        clearInterval(this.#stallTimer);
        this.#exit = {
          code,
          signal,
          ...(oomKilled ? { oomKilled } : {}),
          ...(memoryStalled ? { memoryStalled } : {}),
          ...(peak !== undefined ? { memoryPeakBytes: Math.max(0, peak - this.#baselineCharge) } : {}),
        };
        if (cgroup) this.#cgroupRemoved = cgroup.remove();
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
    let cgroup: MemoryCgroup | undefined;
    try {
      cgroup = options.cgroups?.create(options.id);
    } catch (error) {
      control.close();
      rmSync(socketPath, { force: true });
      if (workDir) rmSync(workDir, { recursive: true, force: true });
      throw new HarnessError(
        HarnessErrorCode.ExecutorStartFailed,
        `the sandbox's memory cgroup could not be made: ${error instanceof Error ? error.message : String(error)}`,
        options.id,
        { cause: error },
      );
    }
    // 2. Through a shell that enters the cgroup first, so no page of Deno's escapes it.
    const command = denoCommand({ ...options, socket: socketPath, workDir });
    const [file, args] = cgroup
      ? ['/bin/sh', ['-c', ENTER_CGROUP, cgroup.procsFile, command.file, ...command.args]]
      : [command.file, command.args];
    const child = spawn(file, args, {
      cwd: workDir ?? options.workRoot,
      env: command.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.on('error', () => undefined);
    const sandbox = new Sandbox(options.id, options.profile, workDir, child, control, socketPath, cgroup);
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
      throw new HarnessError(
        HarnessErrorCode.ExecutorStartFailed,
        `the sandbox did not become ready: ${tail.slice(-1000)}`,
        options.id,
      );
    }
    sandbox.baselineRss = sandbox.memory()?.rss ?? 0;
    // The runtime's share leaves out file pages: the kernel takes them back under the cap, and
    // their room would be the code's on top of it.
    sandbox.#baselineCharge = cgroup ? Math.max(0, cgroup.usage() - cgroup.fileCache()) : 0;
    // Until an execution sets its own cap, the profile's bounds what the sandbox may hold.
    if (sandbox.limitMemory(options.profile.heapMiB * MiB) !== undefined) {
      await sandbox.kill();
      throw new HarnessError(
        HarnessErrorCode.ExecutorStartFailed,
        'the kernel refused the memory limit of a new sandbox',
        options.id,
      );
    }
    // The peak is the code's from here: start-up's file pages, now reclaimed to fit the limit, are not.
    cgroup?.resetPeak();
    return sandbox;
  }

  /**
   * Caps what the code may hold at `bytes` beyond the runtime's own share, in the kernel. Returns
   * undefined when the cap is in place (or there is no cgroup to set it in), else the bytes held
   * beyond the runtime's share that kept the kernel from lowering the limit that far.
   */
  limitMemory(bytes: number): number | undefined {
    if (!this.cgroup) return undefined;
    try {
      this.cgroup.setLimit(this.#baselineCharge + bytes);
      return undefined;
    } catch {
      return Math.max(bytes + 1, this.cgroup.usage() - this.#baselineCharge);
    }
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
    if ((message as { t?: unknown }).t === 'run') this.#watchForStall();
  }

  /** While code runs under a kernel cap, kills the sandbox if it stalls at that cap. */
  #watchForStall(): void {
    const cgroup = this.cgroup;
    if (!cgroup || this.#stallTimer || this.#exit) return;
    const watch = new MemoryStallWatch();
    this.#stallTimer = setInterval(() => {
      if (this.#exit || !watch.observe(cgroup.pressure())) return;
      clearInterval(this.#stallTimer);
      this.#memoryStalled = true;
      this.child.kill('SIGKILL');
    }, STALL_POLL_MS);
    this.#stallTimer.unref();
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
    await (this.#exit ? this.#cgroupRemoved : this.cgroup?.remove());
    this.control.close();
    rmSync(this.socketPath, { force: true });
    if (this.workDir) rmSync(this.workDir, { recursive: true, force: true });
  }
}
