import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { settlesWithin } from '../transports/settles-within.js';
import { StdioFramedTransport, type StdioFramedOptions } from '../transports/stdio-framed-transport.js';
import { attachStdio } from './docker-attach-stdio.js';
import { putContainerFiles, type ContainerFile } from './docker-container-files.js';
import { ownerLabels } from './docker-container-owner.js';
import { trackContainer, untrackContainer } from './docker-container-tracker.js';
import { connectDockerEngine } from './docker-engine.js';
import { imageWithFiles } from './docker-image-with-files.js';
import { removeContainer } from './docker-remove-container.js';
import { dockerCreateOptions, type DockerTarget } from './docker-target.js';
import { writeFrame } from '../transports/stream-framing.js';

export interface DockerTransportOptions extends StdioFramedOptions {
  target: DockerTarget;
  /** Labels the container (dev.gauntlet.run), so a run's leftovers can be told apart. */
  runId: string;
  /** Files planted in the container before it starts, such as file canaries. */
  files?: readonly ContainerFile[];
  /** An engine connection to share; by default one is opened and pinged. */
  docker?: Docker;
  /** How long close() waits for the executor to exit after its stdin closes, before killing it. */
  closeGraceMs?: number;
  /** Deadline for creating, preparing and starting the container. */
  startDeadlineMs?: number;
}

/** How the container ended, from the engine: the executor's exit code and the OOM killer's word. */
export interface ContainerExit {
  statusCode: number | null;
  oomKilled: boolean;
}

/**
 * Starts an executor image and speaks the protocol over the container's stdio, one frame per
 * line, exactly like StdioClientTransport over a child process. stderr is the executor's log:
 * captured with a bound. Every container is labelled with its run and owner and tracked until
 * removed, so Ctrl-C, a crash or a kill of the harness does not leave it behind.
 */
export class DockerTransport extends StdioFramedTransport {
  #docker: Docker | undefined;
  #container: Docker.Container | undefined;
  #derivedImage: string | undefined;
  #stream: Duplex | undefined;
  #exit: ContainerExit | undefined;
  #exited: Promise<void> | undefined;
  #release: Promise<void> | undefined;
  readonly #stopWatching = new AbortController();

  constructor(private readonly options: DockerTransportOptions) {
    super(options);
  }

  /** The container's id, once created. */
  get containerId(): string | undefined {
    return this.#container?.id;
  }

  /** How the container ended, once it has. */
  get exit(): ContainerExit | undefined {
    return this.#exit;
  }

  /** The engine's view of the container, for observations such as describeContainerHardening. */
  inspect(): Promise<Docker.ContainerInspectInfo> {
    if (!this.#container) return Promise.reject(new Error('the container is not created yet'));
    return this.#container.inspect({ abortSignal: AbortSignal.timeout(10_000) });
  }

  async start(): Promise<void> {
    if (this.#container) throw new Error('already started');
    const { target, files = [] } = this.options;
    const signal = AbortSignal.timeout(this.options.startDeadlineMs ?? 60_000);
    try {
      // 1. The engine, and the labels that let the reaper find what this run leaves behind.
      const docker = (this.#docker = this.options.docker ?? (await connectDockerEngine()));
      const create = dockerCreateOptions(target, ownerLabels(this.options.runId));
      // 2. A read-only root refuses archives, so its files are baked into a throwaway image.
      const bake = files.length > 0 && target.hostConfig?.ReadonlyRootfs === true;
      if (bake) create.Image = this.#derivedImage = await imageWithFiles(docker, create, files, signal);
      // 3. Create, and track at once: from here on, every exit path removes the container.
      const runId = this.options.runId.replace(/[^a-zA-Z0-9_.-]/g, '-').slice(0, 40);
      const name = `gauntlet-${runId}-${randomBytes(4).toString('hex')}`;
      this.#container = await docker.createContainer({ ...create, name, abortSignal: signal });
      trackContainer(this.#container.id, () => this.#releaseOnce());
      if (!bake) await putContainerFiles(this.#container, files, signal);
      // 4. Attach before start, so not a byte of early output is lost; then start.
      this.#stream = await attachStdio(this.#container, {
        maxMessageBytes: this.maxBytes,
        onFrame: (frame) => this.onmessage?.(frame),
        onFrameError: (error) => this.onframeerror?.(error),
        onStderr: (chunk) => this.captureStderr(chunk),
        signal,
      });
      await this.#container.start({ abortSignal: signal });
      this.#exited = this.#watchExit(this.#container, this.#stream);
    } catch (error) {
      await this.#releaseOnce();
      throw new HarnessError(
        HarnessErrorCode.ExecutorStartFailed,
        `could not start a container: ${(error as Error).message}`,
        target.image,
        { cause: error },
      );
    }
  }

  send(frame: string): Promise<void> {
    if (!this.#stream || this.closed) return Promise.reject(new Error('transport is not open'));
    return writeFrame(this.#stream, frame, this.maxBytes);
  }

  async close(): Promise<void> {
    const container = this.#container;
    if (!container) return;
    try {
      if (this.#exited && !this.closed) {
        // 1. Closing stdin asks a well-behaved executor to exit.
        this.#stream?.end();
        if (!(await settlesWithin(this.#exited, this.options.closeGraceMs ?? 2000))) {
          // 2. Then it is stopped, politely and then not.
          await container.kill({ signal: 'SIGTERM', abortSignal: AbortSignal.timeout(5000) }).catch(() => undefined);
          if (!(await settlesWithin(this.#exited, 1000)))
            await container.kill({ signal: 'SIGKILL', abortSignal: AbortSignal.timeout(5000) }).catch(() => undefined);
          await settlesWithin(this.#exited, 2000);
        }
      }
    } finally {
      // 3. Whatever happened, the container and any image made for it are removed.
      await this.#releaseOnce();
      this.finish({ reason: 'container removed' });
    }
  }

  /** Waits for the container to end, then for its last output, then reports the close. */
  async #watchExit(container: Docker.Container, stream: Duplex): Promise<void> {
    const ended = new Promise<void>((resolve) => stream.once('close', resolve).once('end', resolve));
    try {
      const waited = (await container.wait({ abortSignal: this.#stopWatching.signal })) as { StatusCode: number };
      const state = await container.inspect({ abortSignal: AbortSignal.timeout(10_000) }).then(
        (info) => info.State,
        () => undefined,
      );
      this.#exit = { statusCode: waited.StatusCode, oomKilled: state?.OOMKilled === true };
      await settlesWithin(ended, 2000);
      const oom = this.#exit.oomKilled ? ', killed for lack of memory' : '';
      this.finish({
        reason: `container exited with code ${waited.StatusCode}${oom}`,
        exitCode: waited.StatusCode,
        stderrTail: this.stderr.tailText(),
      });
    } catch (error) {
      // Aborted by close(), which reports the end itself; anything else means the engine failed us.
      if (!this.#stopWatching.signal.aborted)
        this.finish({ reason: `lost the container: ${(error as Error).message}`, stderrTail: this.stderr.tailText() });
    }
  }

  #releaseOnce(): Promise<void> {
    this.#release ??= (async () => {
      this.#stopWatching.abort();
      this.#stream?.destroy();
      const container = this.#container;
      if (container) {
        // One that could not be removed stays tracked: the exit handler tries once more.
        if (await removeContainer(container)) untrackContainer(container.id);
      }
      if (this.#derivedImage && this.#docker) {
        await this.#docker
          .getImage(this.#derivedImage)
          .remove({ force: true, abortSignal: AbortSignal.timeout(10_000) } as object)
          .catch(() => undefined);
      }
      // Released without close() (the tracker on Ctrl-C): the watch above was stopped, so this is
      // the only report of the end, and requests waiting on an answer must learn of it now rather
      // than at their deadlines.
      this.finish({ reason: 'container removed', stderrTail: this.stderr.tailText() });
    })();
    return this.#release;
  }
}
