import type Docker from 'dockerode';
import { DockerLabel, isOwnerAlive, ownerFromLabels } from './docker-container-owner.js';
import { connectDockerEngine } from './docker-engine.js';
import { removeContainer } from './docker-remove-container.js';

/** What the reaper found. */
export interface ReapReport {
  removedContainers: string[];
  removedImages: string[];
  /** Gauntlet containers whose owner still runs (another run in parallel): left alone. */
  keptContainers: number;
}

export interface ReapOptions {
  docker?: Docker;
  /** Deadline for the whole sweep. */
  deadlineMs?: number;
}

/**
 * Removes the containers and throwaway images a Gauntlet process created and did not remove
 * because it died (SIGKILL, a crash, a power cut): every resource labelled dev.gauntlet.run
 * whose owner process is gone. Call it at every harness start. Resources of a run that is
 * still going, on this or another host, are kept; unlabelled ones are never touched.
 */
export async function reapLeftoverContainers(options: ReapOptions = {}): Promise<ReapReport> {
  const signal = AbortSignal.timeout(options.deadlineMs ?? 30_000);
  const docker = options.docker ?? (await connectDockerEngine());
  const filters = { label: [DockerLabel.run] };
  const report: ReapReport = { removedContainers: [], removedImages: [], keptContainers: 0 };
  // 1. Containers first: an image cannot go while a container uses it.
  for (const info of await docker.listContainers({ all: true, filters, abortSignal: signal })) {
    if (isLeftover(info.Labels)) {
      if (await removeContainer(docker.getContainer(info.Id))) report.removedContainers.push(info.Id);
    } else {
      report.keptContainers += 1;
    }
  }
  // 2. Then the images made to bake files into read-only containers.
  for (const info of await docker.listImages({ filters, abortSignal: signal })) {
    if (!isLeftover(info.Labels ?? undefined)) continue;
    const removed = await docker
      .getImage(info.Id)
      .remove({ force: true, abortSignal: signal } as object)
      .then(
        () => true,
        () => false,
      );
    if (removed) report.removedImages.push(info.Id);
  }
  return report;
}

/** A labelled resource without a readable owner is a leftover too: nobody can claim it. */
function isLeftover(labels: Record<string, string> | undefined): boolean {
  const owner = ownerFromLabels(labels);
  return owner === undefined || !isOwnerAlive(owner);
}
