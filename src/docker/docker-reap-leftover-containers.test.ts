import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { beforeAll, describe, expect, it } from 'vitest';
import { DockerLabel } from './docker-container-owner.js';
import { connectDockerEngine } from './docker-engine.js';
import { buildGauntletImages, GauntletImage } from './docker-images.js';
import { reapLeftoverContainers } from './docker-reap-leftover-containers.js';
import { DockerTransport } from './docker-transport.js';

const transportModule = join(import.meta.dirname, '../../dist/src/docker/docker-transport.js');
let docker: Docker;

/**
 * A harness process of its own: it starts a container that ignores its stdin (so only cleanup
 * can end it), prints the container id, and waits to be interrupted or killed.
 */
async function harnessWithContainer(runId: string): Promise<{ child: ChildProcess; id: string }> {
  const script = `
    const { DockerTransport } = await import(process.argv[1]);
    const transport = new DockerTransport({
      runId: process.argv[2],
      target: { image: process.argv[3], entrypoint: ['sleep', '300'], command: [] },
    });
    await transport.start();
    process.stdout.write(transport.containerId + '\\n');
    setInterval(() => undefined, 1000);`;
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', script, transportModule, runId, GauntletImage.runtime],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  return { child, id: line.toString().trim() };
}

async function exists(id: string): Promise<boolean> {
  return docker
    .getContainer(id)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

describe('reapLeftoverContainers and the signal cleanup', () => {
  beforeAll(async () => {
    docker = await connectDockerEngine();
    await buildGauntletImages(['runtime']);
  }, 15 * 60_000);

  it('removes the container of a harness that was killed, and keeps those of live harnesses', async () => {
    const runId = `reap-${randomBytes(4).toString('hex')}`;
    const { child, id } = await harnessWithContainer(runId);
    const mine = new DockerTransport({
      runId,
      docker,
      target: { image: GauntletImage.runtime, entrypoint: ['sleep', '300'], command: [] },
    });
    await mine.start();
    try {
      // 1. SIGKILL leaves no chance to clean up: the container outlives its harness.
      child.kill('SIGKILL');
      await once(child, 'exit');
      expect(await exists(id)).toBe(true);
      // 2. The next start reaps it, and only it: this process's container stays.
      const report = await reapLeftoverContainers({ docker });
      expect(report.removedContainers).toContain(id);
      expect(report.removedContainers).not.toContain(mine.containerId);
      expect(await exists(id)).toBe(false);
      expect(await exists(mine.containerId!)).toBe(true);
    } finally {
      await mine.close();
    }
  });

  it('removes the containers of a harness interrupted with Ctrl-C before it exits', async () => {
    const { child, id } = await harnessWithContainer(`sigint-${randomBytes(4).toString('hex')}`);
    child.kill('SIGINT');
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    // Cleaned up without any reaper, then the signal took its default course.
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' });
    expect(await exists(id)).toBe(false);
  });

  it('leaves containers without Gauntlet labels alone', async () => {
    const stranger = await docker.createContainer({
      Image: GauntletImage.runtime,
      Cmd: ['true'],
      HostConfig: { NetworkMode: 'none' },
    });
    try {
      await reapLeftoverContainers({ docker });
      expect(await exists(stranger.id)).toBe(true);
    } finally {
      await stranger.remove({ force: true });
    }
  });

  it('reaps a labelled container whose owner labels are unreadable', async () => {
    const orphan = await docker.createContainer({
      Image: GauntletImage.runtime,
      Cmd: ['true'],
      Labels: { [DockerLabel.run]: 'orphan' },
      HostConfig: { NetworkMode: 'none' },
    });
    const report = await reapLeftoverContainers({ docker });
    expect(report.removedContainers).toContain(orphan.id);
  });
});
