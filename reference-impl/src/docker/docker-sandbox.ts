import { randomBytes } from 'node:crypto';
import { Writable, type Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { Language } from '../../../src/protocol/generated/types.js';
import { ownerLabels } from '../../../src/docker/docker-container-owner.js';
import { trackContainer, untrackContainer } from '../../../src/docker/docker-container-tracker.js';
import { removeContainer } from '../../../src/docker/docker-remove-container.js';
import type { SandboxMessage } from '../sandbox/control-socket.js';
import type { SandboxExit, SandboxHandle } from '../sandbox/sandbox-handle.js';
import type { SandboxProfile } from '../sandbox/sandbox-profile.js';
import { classifyExit } from './classify-exit.js';
import { CONTAINER_LAUNCHER } from './container-launcher.js';
import type { ExecutionContainerConfig } from './execution-container-config.js';
import { oomKillCount } from './oom-kill-count.js';

export interface DockerSandboxOptions {
  id: string;
  profile: SandboxProfile;
  docker: Docker;
  /** The runtime image: python3, node and bash (docker/runtime.Dockerfile). */
  image: string;
  /** Labels the container with this executor's run, so the reaper can find leftovers. */
  runId: string;
  config: ExecutionContainerConfig;
  startDeadlineMs: number;
}

interface RunMessage {
  seq: number;
  language: Language;
  code: string;
  env: Record<string, string>;
  allowSubprocesses: boolean;
  fence: string;
}

const STDERR_TAIL_BYTES = 8192;

/**
 * One hardened container serving one execution or one session. It idles (`sleep infinity`
 * under Docker's init) until a run arrives; each run is a `docker exec` of the launcher, which
 * gets the code on stdin. Limits: the executor's own timer kills the container on timeout; the
 * kernel enforces memory, and its OOM killer is told apart by the memory cgroup's oom_kill count.
 */
export class DockerSandbox implements SandboxHandle {
  onStdout: (chunk: Buffer) => void = () => undefined;
  onStderr: (chunk: Buffer) => void = () => undefined;
  onMessage: (message: SandboxMessage) => void = () => undefined;
  onExit: (exit: SandboxExit) => void = () => undefined;
  baselineRss = 0;
  readonly reportsStart = true;
  readonly workDir = undefined;
  #exit: SandboxExit | undefined;
  #stderrTail = Buffer.alloc(0);
  #killed: Promise<void> | undefined;
  #markRemoved!: (gone: boolean) => void;
  /**
   * Settles once the engine has removed the container (true) or gave up within its deadline
   * (false: it stays tracked, so the exit handler or the next start's reaper removes it).
   */
  readonly removed = new Promise<boolean>((resolve) => (this.#markRemoved = resolve));
  /** Settles when the running exec's output stream has ended. */
  #drained: Promise<void> = Promise.resolve();

  private constructor(
    readonly id: string,
    readonly profile: SandboxProfile,
    private readonly container: Docker.Container,
    private readonly user: string,
  ) {}

  /** Creates and starts the container; it is tracked, so even a crash of the executor removes it. */
  static async start(options: DockerSandboxOptions): Promise<DockerSandbox> {
    const signal = AbortSignal.timeout(options.startDeadlineMs);
    const { hostConfig, user, containerUser } = options.config;
    const container = await options.docker.createContainer({
      name: `gauntlet-exec-${options.id}-${randomBytes(4).toString('hex')}`,
      Image: options.image,
      Entrypoint: [],
      Cmd: ['sleep', 'infinity'],
      User: containerUser,
      WorkingDir: '/',
      Env: [],
      Labels: { ...ownerLabels(options.runId), 'dev.gauntlet.role': 'execution' },
      NetworkDisabled: hostConfig.NetworkMode === 'none',
      HostConfig: hostConfig,
      abortSignal: signal,
    } as Docker.ContainerCreateOptions);
    const sandbox = new DockerSandbox(options.id, options.profile, container, user);
    trackContainer(container.id, () => sandbox.kill());
    try {
      await container.start({ abortSignal: signal });
    } catch (error) {
      await sandbox.kill();
      throw error;
    }
    return sandbox;
  }

  get exit(): SandboxExit | undefined {
    return this.#exit;
  }

  get stderrTail(): string {
    return this.#stderrTail.toString('utf8');
  }

  send(message: object): void {
    const m = message as Partial<RunMessage> & { t?: unknown };
    if (m.t === 'run') void this.#run(m as RunMessage);
  }

  /** The kernel enforces memory (the container's cgroup); nothing to watch. */
  memory(): undefined {
    return undefined;
  }

  /**
   * Stops the code at once (SIGKILL to the container, so a timeout is answered on time), then
   * removes the container in the background (see `removed`); it stays tracked until it is gone,
   * so even an executor that exits meanwhile removes it.
   */
  kill(): Promise<void> {
    this.#killed ??= (async () => {
      await this.container
        .kill({ signal: 'SIGKILL', abortSignal: AbortSignal.timeout(5000) } as object)
        .catch(() => undefined);
      // What the code wrote before the kill is still on its way from the engine: let it arrive.
      await Promise.race([this.#drained, new Promise((resolve) => setTimeout(resolve, 1000))]);
      this.#ended({ code: null, signal: 'SIGKILL' });
      void removeContainer(this.container).then((gone) => {
        if (gone) untrackContainer(this.container.id);
        this.#markRemoved(gone);
      });
    })();
    return this.#killed;
  }

  /** One run: exec the launcher, feed it the request, stream the output, then fence and report. */
  async #run(run: RunMessage): Promise<void> {
    let tail = Buffer.alloc(0);
    try {
      // 1. The OOM count before, to tell the OOM killer from anything else that kills the code.
      const oomBefore = oomKillCount(this.container.id);
      const exec = await this.container.exec({
        Cmd: ['python3', '-I', '-c', CONTAINER_LAUNCHER],
        User: this.user,
        Env: [],
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
      });
      const stream = (await exec.start({ hijack: true, stdin: true })) as unknown as Duplex;
      const ended = new Promise<void>((resolve) =>
        stream
          .once('end', resolve)
          .once('close', resolve)
          .once('error', () => resolve()),
      );
      this.#drained = ended;
      // 2. stdout and stderr arrive multiplexed; both go to the run as they come.
      const sink = (deliver: (chunk: Buffer) => void) =>
        new Writable({ write: (chunk: Buffer, _encoding, done) => (deliver(chunk), done()) });
      // The launcher's first stderr bytes are the start token: the code starts now.
      const start = Buffer.from(`${run.fence}:start`);
      let head: Buffer | undefined = Buffer.alloc(0);
      this.container.modem.demuxStream(
        stream,
        sink((chunk) => this.onStdout(chunk)),
        sink((raw) => {
          let chunk = raw;
          if (head) {
            head = Buffer.concat([head, chunk]);
            if (head.length < start.length && start.subarray(0, head.length).equals(head)) return;
            chunk = head.subarray(0, start.length).equals(start) ? head.subarray(start.length) : head;
            if (chunk !== head) this.onMessage({ t: 'started', seq: run.seq });
            head = undefined;
            if (chunk.length === 0) return;
          }
          tail = Buffer.concat([tail, chunk]).subarray(-STDERR_TAIL_BYTES);
          this.#stderrTail = Buffer.concat([this.#stderrTail, chunk]).subarray(-STDERR_TAIL_BYTES);
          this.onStderr(chunk);
        }),
      );
      stream.end(
        JSON.stringify({
          language: run.language,
          code: run.code,
          env: run.env,
          allowSubprocesses: run.allowSubprocesses,
          start: start.toString(),
        }),
      );
      await ended;
      // 3. The exit status; a SIGKILL with a grown OOM count (or no count to read) is the OOM killer.
      const { ExitCode } = await exec.inspect();
      const code = ExitCode ?? -1;
      if (this.#exit) return;
      const oomAfter = oomKillCount(this.container.id);
      if (code === 137 && (oomAfter === undefined || oomAfter > (oomBefore ?? 0)))
        return this.#ended({ code, signal: 'SIGKILL', oomKilled: true });
      const fence = Buffer.from(run.fence);
      this.onStdout(fence);
      this.onStderr(fence);
      this.onMessage({ t: 'done', seq: run.seq, ...classifyExit(run.language, code, tail.toString('utf8')) });
    } catch {
      // The engine failed us or the container is gone: the run's owner sees the sandbox die.
      if (!this.#exit) void this.kill();
    }
  }

  #ended(exit: SandboxExit): void {
    if (this.#exit) return;
    this.#exit = exit;
    this.onExit(exit);
  }
}
