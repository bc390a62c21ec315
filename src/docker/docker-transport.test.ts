import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHarnessError } from '../errors/harness-error.js';
import { Peer } from '../protocol/peer.js';
import { executeParams } from '../testing/protocol-fixtures.js';
import { DockerLabel } from './docker-container-owner.js';
import { connectDockerEngine } from './docker-engine.js';
import { hardenedHostConfig, SANDBOX_USER } from './docker-hardened-host-config.js';
import { buildGauntletImages, GauntletImage } from './docker-images.js';
import { releaseTrackedContainers } from './docker-container-tracker.js';
import { DockerTransport, type DockerTransportOptions } from './docker-transport.js';

// The echo fixture, compiled into the reference executor image's copy of dist/.
const IMAGE = GauntletImage['reference-executor'];
const ECHO = ['node', '/opt/gauntlet/dist/src/testing/fixtures/echo-executor.js'];
const runId = `test-${randomBytes(4).toString('hex')}`;
let docker: Docker;

/** Every container this file's run created that the engine still knows. */
async function containersOfRun(): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: [`${DockerLabel.run}=${runId}`] } });
}

/** Starts a container (the echo fixture unless told otherwise), runs `use`, and closes it whatever happens. */
async function withContainer<T>(
  options: Partial<DockerTransportOptions>,
  use: (t: DockerTransport) => Promise<T>,
): Promise<T> {
  const transport = new DockerTransport({
    runId,
    docker,
    target: { image: IMAGE, entrypoint: ECHO, command: [] },
    ...options,
  });
  await transport.start();
  try {
    return await use(transport);
  } finally {
    await transport.close();
  }
}

/** Starts the echo fixture behind a harness-side Peer, runs `use`, and closes both. */
async function withPeer<T>(use: (peer: Peer, transport: DockerTransport) => Promise<T>): Promise<T> {
  const transport = new DockerTransport({ runId, docker, target: { image: IMAGE, entrypoint: ECHO, command: [] } });
  const peer = new Peer(transport, { role: 'harness', defaultDeadlineMs: 10_000 });
  peer.setRequestHandler('tool/call', async (params) => ({ value: `tool saw ${String(params.arguments['q'])}` }));
  await peer.start();
  try {
    return await use(peer, transport);
  } finally {
    await peer.close();
  }
}

/** Runs a shell script in a container, without the protocol, and returns what it printed on stderr. */
async function shellOutput(script: string, options: Partial<DockerTransportOptions> = {}): Promise<string> {
  const target = {
    image: GauntletImage.runtime,
    entrypoint: ['sh', '-c', `exec 1>&2; ${script}`],
    command: [],
    ...options.target,
  };
  return withContainer({ ...options, target }, async (transport) => {
    await new Promise<void>((resolve) => (transport.onclose = () => resolve()));
    return transport.stderr.text();
  });
}

describe('DockerTransport', () => {
  beforeAll(async () => {
    // A missing engine fails here, loudly, with the command that starts one; nothing skips.
    docker = await connectDockerEngine();
    await buildGauntletImages(['reference-executor']);
  }, 15 * 60_000);

  afterAll(async () => {
    // Nothing of this run may outlive it.
    expect(await containersOfRun()).toEqual([]);
  });

  it('round-trips requests in both directions with an executor in a container', async () => {
    await withPeer(async (peer) => {
      const init = await peer.request('initialize', {
        protocolVersion: '1.0',
        harnessInfo: { name: 'test', version: '0' },
      });
      expect(init.executorInfo.name).toBe('echo-fixture');
      const echoed = await peer.request('execute', executeParams('echo:hello'));
      expect(echoed.stdout.text).toBe('hello');
      const called = await peer.request('execute', executeParams('call-tool:word'));
      expect(called.status === 'ok' && called.result).toBe('tool saw word');
      const many = await Promise.all(
        Array.from({ length: 200 }, (_, i) => peer.request('execute', executeParams(`echo:${i}`))),
      );
      expect(many.map((a) => a.stdout.text)).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
    });
  });

  it('reports the exit code and the stderr tail when the executor dies', async () => {
    await withPeer(async (peer, transport) => {
      const error = await peer.request('execute', executeParams('die')).catch((e: unknown) => e);
      expect(isHarnessError(error, 'TRANSPORT_CLOSED')).toBe(true);
      expect(String(error)).toMatch(/container exited with code 3.*dying on purpose/s);
      expect(transport.exit).toEqual({ statusCode: 3, oomKilled: false });
      expect(transport.stderr.text()).toBe('dying on purpose\n');
    });
  });

  it('keeps a bounded head of a flood of stderr and counts the rest', async () => {
    const log = await withContainer(
      {
        stderrLimitBytes: 1000,
        target: {
          image: GauntletImage.runtime,
          entrypoint: ['sh', '-c', 'head -c 5000000 /dev/zero | tr "\\0" x >&2'],
          command: [],
        },
      },
      async (transport) => {
        await new Promise<void>((resolve) => (transport.onclose = () => resolve()));
        return transport.stderr;
      },
    );
    expect(log.text()).toBe('x'.repeat(1000));
    expect(log.totalBytes).toBe(5_000_000);
    expect(log.truncated).toBe(true);
  });

  it('removes the container on close, also one that ignores its closed stdin', async () => {
    for (const target of [
      { image: IMAGE, entrypoint: ECHO, command: [] },
      { image: GauntletImage.runtime, entrypoint: ['sleep', '300'], command: [] },
    ]) {
      const transport = new DockerTransport({ runId, docker, target, closeGraceMs: 500 });
      await transport.start();
      const id = transport.containerId!;
      expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
      await transport.close();
      await expect(docker.getContainer(id).inspect()).rejects.toMatchObject({ statusCode: 404 });
    }
    expect(await containersOfRun()).toEqual([]);
  });

  it('ends waiting requests at once when the tracker removes the container (Ctrl-C), not at deadlines', async () => {
    const transport = new DockerTransport({
      runId,
      docker,
      target: { image: GauntletImage.runtime, entrypoint: ['sleep', '300'], command: [] },
    });
    const peer = new Peer(transport, { role: 'harness', defaultDeadlineMs: 60_000 });
    await peer.start();
    try {
      const started = performance.now();
      const waiting = peer.request('execute', executeParams('echo:never')).catch((e: unknown) => e);
      await releaseTrackedContainers();
      const error = await waiting;
      expect(isHarnessError(error, 'TRANSPORT_CLOSED'), String(error)).toBe(true);
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(await containersOfRun()).toEqual([]);
    } finally {
      await peer.close();
    }
  });

  it('plants env and file canaries inside the container, and nowhere in the harness', async () => {
    const token = `gauntlet-canary-${randomBytes(8).toString('hex')}`;
    const path = `/etc/gauntlet/${token}.txt`;
    const planted = {
      target: { image: GauntletImage.runtime, env: { GAUNTLET_CANARY: token } },
      files: [{ path, content: token }],
    };
    const inside = await shellOutput(`echo "env=$GAUNTLET_CANARY"; echo "file=$(cat ${path})"`, planted);
    expect(inside).toBe(`env=${token}\nfile=${token}\n`);
    // The harness neither holds the token in its environment nor has the file on its disk.
    expect(Object.values(process.env).some((value) => value?.includes(token))).toBe(false);
    expect(existsSync(path)).toBe(false);
  });

  it('plants file canaries in a read-only container through a throwaway image, removed on close', async () => {
    const token = randomBytes(8).toString('hex');
    const before = await docker.listImages({ filters: { label: [`${DockerLabel.run}=${runId}`] } });
    const options = {
      target: { image: GauntletImage.runtime, user: SANDBOX_USER, hostConfig: hardenedHostConfig() },
      files: [{ path: '/home/sandbox/.secret', content: token, mode: 0o600, uid: 10001, gid: 10001 }],
    };
    const inside = await shellOutput(
      'cat /home/sandbox/.secret; touch /home/sandbox/x 2>/dev/null || echo " read-only"',
      options,
    );
    expect(inside).toBe(`${token} read-only\n`);
    expect(await docker.listImages({ filters: { label: [`${DockerLabel.run}=${runId}`] } })).toEqual(before);
  });

  it('fails to start an image that does not exist, with a harness error and nothing left behind', async () => {
    const transport = new DockerTransport({ runId, docker, target: { image: 'gauntlet/does-not-exist:never' } });
    const error = await transport.start().catch((e: unknown) => e);
    expect(isHarnessError(error, 'EXECUTOR_START_FAILED')).toBe(true);
    expect(String(error)).toMatch(/gauntlet\/does-not-exist:never.*could not start a container/);
    expect(await containersOfRun()).toEqual([]);
  });
});
