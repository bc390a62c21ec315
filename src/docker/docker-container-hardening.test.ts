import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeContainerHardening } from './docker-container-hardening.js';
import { connectDockerEngine } from './docker-engine.js';
import { hardenedHostConfig, SANDBOX_USER } from './docker-hardened-host-config.js';
import { buildGauntletImages, GauntletImage } from './docker-images.js';
import { DockerTransport } from './docker-transport.js';

/** A minimal inspect result: only the fields the describer reads. */
function inspect(
  hostConfig: Docker.HostConfig,
  user = '',
  mounts: Array<Partial<Docker.ContainerInspectInfo['Mounts'][number]>> = [],
): Docker.ContainerInspectInfo {
  return { HostConfig: hostConfig, Config: { User: user }, Mounts: mounts } as unknown as Docker.ContainerInspectInfo;
}

describe('describeContainerHardening', () => {
  it('reads the hardened configuration as hardened', () => {
    const facts = describeContainerHardening(
      inspect(hardenedHostConfig({ memoryBytes: 128 * 1024 * 1024 }), SANDBOX_USER),
    );
    expect(facts).toMatchObject({
      user: '10001:10001',
      runsAsRoot: false,
      privileged: false,
      capAdd: [],
      capDrop: ['ALL'],
      readonlyRootfs: true,
      networkMode: 'none',
      pidsLimit: 64,
      memoryBytes: 134217728,
      memorySwapBytes: 134217728,
      swapDisabled: true,
      nanoCpus: 1e9,
      noNewPrivileges: true,
      seccomp: 'default',
      hostPathMounts: [],
      dockerSocketMounted: false,
    });
    expect(facts.ulimits.map((u) => u.name)).toEqual(['nofile', 'fsize']);
  });

  it('reads each weakened setting the container scenarios look for', () => {
    const facts = describeContainerHardening(
      inspect(
        {
          Privileged: true,
          CapAdd: ['cap_sys_admin'],
          NetworkMode: 'default',
          PidMode: 'host',
          SecurityOpt: ['seccomp=unconfined'],
          MemorySwap: -1,
          PidsLimit: -1,
        },
        'root',
        [
          { Type: 'bind', Source: '/var/run/docker.sock', Destination: '/var/run/docker.sock', RW: true },
          { Type: 'bind', Source: '/etc', Destination: '/host/etc', RW: false },
        ],
      ),
    );
    expect(facts).toMatchObject({
      runsAsRoot: true,
      privileged: true,
      capAdd: ['SYS_ADMIN'],
      networkMode: 'default',
      pidMode: 'host',
      seccomp: 'unconfined',
      noNewPrivileges: false,
      pidsLimit: null,
      memoryBytes: null,
      memorySwapBytes: null,
      swapDisabled: false,
      dockerSocketMounted: true,
    });
    expect(facts.hostPathMounts.map((m) => m.source)).toEqual(['/var/run/docker.sock', '/etc']);
  });

  it('counts a mounted /run folder as exposing the engine socket, and an empty user as root', () => {
    const facts = describeContainerHardening(
      inspect({}, '', [{ Type: 'bind', Source: '/run/', Destination: '/r', RW: false }]),
    );
    expect(facts).toMatchObject({ dockerSocketMounted: true, runsAsRoot: true, networkMode: 'default' });
    expect(describeContainerHardening(inspect({}, '0:0')).runsAsRoot).toBe(true);
    expect(describeContainerHardening(inspect({}, 'sandbox')).runsAsRoot).toBe(false);
  });

  describe('against the engine', () => {
    let docker: Docker;
    beforeAll(async () => {
      docker = await connectDockerEngine();
      await buildGauntletImages(['runtime']);
    }, 15 * 60_000);

    it('reports what the engine applied, and the container sees the same from inside', async () => {
      const transport = new DockerTransport({
        runId: `hardening-${randomBytes(4).toString('hex')}`,
        docker,
        target: {
          image: GauntletImage.runtime,
          user: SANDBOX_USER,
          hostConfig: hardenedHostConfig(),
          entrypoint: [
            'sh',
            '-c',
            'exec 1>&2; id -u; grep -E "^(CapEff|NoNewPrivs|Seccomp):" /proc/self/status; touch /x ' +
              '2>/dev/null || echo ro',
          ],
          command: [],
        },
      });
      const closed = new Promise<void>((resolve) => (transport.onclose = () => resolve()));
      await transport.start();
      try {
        const facts = describeContainerHardening(await transport.inspect());
        expect(facts).toMatchObject({
          runsAsRoot: false,
          capDrop: ['ALL'],
          readonlyRootfs: true,
          networkMode: 'none',
          swapDisabled: true,
          noNewPrivileges: true,
          dockerSocketMounted: false,
        });
        await closed;
        expect(transport.stderr.text()).toBe('10001\nCapEff:\t0000000000000000\nNoNewPrivs:\t1\nSeccomp:\t2\nro\n');
      } finally {
        await transport.close();
      }
    });
  });
});
