import { CgroupContainment } from './cgroup-containment.js';
import { trackContainment, untrackContainment } from './containment-tracker.js';
import type { ProcessContainment } from './process-containment.js';
import { ProcessGroupContainment } from './process-group-containment.js';

/**
 * A containment for one executor: a cgroup where this host allows one (Linux with a writable
 * cgroup hierarchy, as root or with delegation), else its process group. Set
 * GAUNTLET_CONTAINMENT=process-group to opt out of cgroups. Every containment is tracked until
 * released, so SIGINT, SIGTERM, SIGHUP and process exit kill what it holds.
 */
export function containProcess(): ProcessContainment {
  const cgroup = process.env['GAUNTLET_CONTAINMENT'] === 'process-group' ? undefined : CgroupContainment.create();
  const containment: ProcessContainment = cgroup ?? new ProcessGroupContainment();
  trackContainment(containment);
  const release = containment.release.bind(containment);
  containment.release = async (deadlineMs) => {
    try {
      await release(deadlineMs);
    } finally {
      untrackContainment(containment);
    }
  };
  return containment;
}
