import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageInfo } from '../../config/package-root.js';
import { loadScenarios } from '../../scenarios/load-scenarios.js';

const corpus = loadScenarios(join(packageInfo().root, 'scenarios'));
/** The container-escape scenarios: those that apply only to executors with container isolation. */
const containerScenarios = corpus.scenarios.filter((s) =>
  s.scenario.requires?.capabilities?.includes('container-isolation'),
);
const slug = (id: string) => id.split('.').at(-1)!;

/**
 * The container-escape scenarios. Running them is scenarios/calibration.test.ts's job,
 * with the real planner and runner: every one passes against the reference executor's hardened
 * Docker backend, and fails against each docker-* fault its calibration names. This file pins
 * what that calibration must contain, so a weakened container config cannot quietly drop out.
 */
describe('container-escape scenarios', () => {
  it('cover the container weaknesses a hardened runner must not have', () => {
    expect(containerScenarios.map((s) => slug(s.scenario.id)).sort()).toEqual(
      expect.arrayContaining([
        'added-capabilities',
        'cgroup-release-agent',
        'docker-socket',
        'host-network',
        'host-path-mount',
        'host-pid-namespace',
        'no-new-privileges',
        'proc-sys-write',
        'running-as-root',
      ]),
    );
  });

  it('are calibrated against each weakened container config: privileged, SYS_ADMIN, shared network, root', () => {
    const failingUnder = (fault: string) =>
      containerScenarios
        .filter((s) => s.scenario.calibration.failsWith.some((w) => w.fault === fault))
        .map((s) => slug(s.scenario.id))
        .sort();
    expect(failingUnder('docker-privileged')).toEqual([
      'added-capabilities',
      'cgroup-release-agent',
      'no-new-privileges',
      'proc-sys-write',
      'running-as-root',
    ]);
    expect(failingUnder('docker-cap-sys-admin')).toEqual([
      'added-capabilities',
      'cgroup-release-agent',
      'running-as-root',
    ]);
    // dockerd runs with --bridge=none, so the network a weakened container shares is the host's.
    expect(failingUnder('docker-network-host')).toEqual(['host-network']);
    expect(failingUnder('docker-root-user')).toEqual(['running-as-root']);
    expect(failingUnder('docker-new-privileges')).toEqual(['no-new-privileges']);
  });
});
