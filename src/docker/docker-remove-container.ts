import type Docker from 'dockerode';

/**
 * Removes a container and its anonymous volumes, killing it first if it runs, within a
 * deadline. Resolves true when it is gone (also when it was gone already), false when the
 * engine did not manage in time; it never throws, because it runs on cleanup paths.
 */
export async function removeContainer(container: Docker.Container, deadlineMs = 10_000): Promise<boolean> {
  // dockerode's remove takes an abort signal; its type declarations only lag behind.
  const options = {
    force: true,
    v: true,
    abortSignal: AbortSignal.timeout(deadlineMs),
  } as Docker.ContainerRemoveOptions;
  try {
    await container.remove(options);
    return true;
  } catch (error) {
    return (error as { statusCode?: number }).statusCode === 404;
  }
}
