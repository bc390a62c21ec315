import type Docker from 'dockerode';

/**
 * An executor image and how to run it: what a `docker:IMAGE` target resolves to. Everything
 * besides the image is optional; what is left out comes from the image itself.
 */
export interface DockerTarget {
  image: string;
  /** Replaces the image's ENTRYPOINT. */
  entrypoint?: string[];
  /** Replaces the image's CMD (the arguments of the entrypoint). */
  command?: string[];
  /** Added to the image's ENV. Env canaries for the executor's own container go here. */
  env?: Record<string, string>;
  /** `uid:gid` or a user name; by default the image's USER. */
  user?: string;
  workingDir?: string;
  /**
   * Passed to the engine as given, so a configuration can harden the container (see
   * hardenedHostConfig) or deliberately weaken it. NetworkMode is `none` unless set here.
   */
  hostConfig?: Docker.HostConfig;
}

/**
 * The engine's create options for a target: stdio attached and not a TTY (so stdout and stderr
 * arrive multiplexed and stay apart), stdin closed when the harness hangs up, and no network
 * unless the target asks for one.
 */
export function dockerCreateOptions(
  target: DockerTarget,
  labels: Record<string, string>,
  image = target.image,
): Docker.ContainerCreateOptions {
  const hostConfig: Docker.HostConfig = { NetworkMode: 'none', ...target.hostConfig };
  return {
    Image: image,
    ...(target.entrypoint ? { Entrypoint: target.entrypoint } : {}),
    ...(target.command ? { Cmd: target.command } : {}),
    Env: Object.entries(target.env ?? {}).map(([name, value]) => `${name}=${value}`),
    ...(target.user !== undefined ? { User: target.user } : {}),
    ...(target.workingDir !== undefined ? { WorkingDir: target.workingDir } : {}),
    Labels: labels,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    OpenStdin: true,
    StdinOnce: true,
    Tty: false,
    NetworkDisabled: hostConfig.NetworkMode === 'none',
    HostConfig: hostConfig,
  };
}
