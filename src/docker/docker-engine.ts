import type Docker from 'dockerode';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { importOptional } from '../packages/import-optional.js';

/** The command that installs (when missing) and starts a local engine the way CI does. */
export const DOCKER_ENGINE_START_COMMAND = 'sudo bash docker/start-engine.sh';

export interface DockerEngineOptions {
  /** The engine's socket; by default DOCKER_HOST or /var/run/docker.sock, as the docker CLI. */
  socketPath?: string;
  /** How long the engine may take to answer a ping. */
  deadlineMs?: number;
}

/**
 * Connects to the Docker engine and proves it answers. Without an engine this is harness
 * breakage, never a finding: it fails loudly with the command that starts one. dockerode is an
 * optional package (its ssh2 dependency compiles native code), loaded only here.
 */
export async function connectDockerEngine(options: DockerEngineOptions = {}): Promise<Docker> {
  const { default: DockerClient } = await importOptional<{ default: typeof Docker }>('dockerode');
  const docker = options.socketPath ? new DockerClient({ socketPath: options.socketPath }) : new DockerClient();
  const deadlineMs = options.deadlineMs ?? 10_000;
  try {
    // dockerode's ping takes an abort signal; its type declarations only lag behind.
    const ping = docker.ping.bind(docker) as unknown as (options: { abortSignal: AbortSignal }) => Promise<unknown>;
    await ping({ abortSignal: AbortSignal.timeout(deadlineMs) });
    return docker;
  } catch (error) {
    const where = options.socketPath ?? process.env['DOCKER_HOST'] ?? '/var/run/docker.sock';
    throw new HarnessError(
      HarnessErrorCode.ExecutorStartFailed,
      `no Docker engine answered within ${deadlineMs} ms (${(error as Error).message}); start ` +
        `one with: ${DOCKER_ENGINE_START_COMMAND}`,
      where,
      { cause: error },
    );
  }
}
