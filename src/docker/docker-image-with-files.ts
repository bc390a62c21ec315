import type Docker from 'dockerode';
import { putContainerFiles, type ContainerFile } from './docker-container-files.js';

/**
 * Makes a throwaway image: `image` plus the files. A container with a read-only root filesystem
 * refuses archives, so its files are baked into the image it starts from instead. The image
 * carries `labels` (commit copies the helper container's), so the reaper finds it if the run
 * dies before removing it. Returns the image id; the caller removes it.
 */
export async function imageWithFiles(
  docker: Docker,
  base: Docker.ContainerCreateOptions,
  files: readonly ContainerFile[],
  signal?: AbortSignal,
): Promise<string> {
  // 1. A helper container that is never started; it keeps the target's entrypoint and command,
  //    which the committed image inherits, so the real container starts exactly as it would have.
  const helper = await docker.createContainer({
    Image: base.Image,
    ...(base.Entrypoint ? { Entrypoint: base.Entrypoint } : {}),
    ...(base.Cmd ? { Cmd: base.Cmd } : {}),
    Labels: base.Labels,
    NetworkDisabled: true,
    HostConfig: { NetworkMode: 'none' },
    ...(signal ? { abortSignal: signal } : {}),
  });
  try {
    // 2. The files into its writable layer, then that layer into an image.
    await putContainerFiles(helper, files, signal);
    const committed = (await helper.commit({ pause: false, ...(signal ? { abortSignal: signal } : {}) })) as {
      Id: string;
    };
    return committed.Id;
  } finally {
    // 3. The helper goes whatever happened.
    await helper.remove({ force: true, v: true }).catch(() => undefined);
  }
}
