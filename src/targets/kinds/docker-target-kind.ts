import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { DockerTarget as DockerTargetConfig, Tenants } from '../../config/generated/types.js';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import { reapLeftoverContainers } from '../../docker/docker-reap-leftover-containers.js';
import { DockerTransport } from '../../docker/docker-transport.js';
import type { TargetKind } from '../target-kind.js';
import type { TargetSpec } from '../target.js';

/** Image references as the engine accepts them: name[:tag][@digest], with registry and path. */
const IMAGE = /^[a-z0-9][a-z0-9._\-/:@]{0,511}$/i;
/** Every container of this harness process carries this run id (with its owner), for the reaper. */
const RUN_ID = `run-${process.pid}-${randomBytes(4).toString('hex')}`;
let reaped: Promise<unknown> | undefined;

/**
 * `docker:IMAGE`: Gauntlet starts the executor image with dockerode and speaks the protocol over
 * the container's attached stdio. Steps of every connection: 1. once per process, remove the
 * containers that harnesses which died left behind (never a live run's); 2. a container with the
 * env canary and tenants in its environment and the canary folder mounted read-only at the same
 * path, so file canaries sit in the executor's own file system. Containers are labelled and
 * tracked: removed after the run, after Ctrl-C, and at the next start if the harness was killed.
 */
export const dockerTargetKind: TargetKind = {
  name: 'docker',
  syntax: 'docker:IMAGE',
  description:
    'start an executor image with the local Docker engine and speak stdio to it (no network; labelled, always removed)',
  matches: (spec) => spec.startsWith('docker:'),
  resolve(spec, { tenants }) {
    const image = spec.slice('docker:'.length);
    if (!IMAGE.test(image))
      throw new HarnessError(
        HarnessErrorCode.ConfigInvalid,
        `"${image}" is not an image reference; use docker:NAME[:TAG], e.g. docker:gauntlet/reference-executor:local`,
        '--target',
      );
    return { name: spec, spec: dockerConnectTarget({ transport: 'docker', image }, tenants) };
  },
  configTransport: 'docker',
  fromConfig(config, { tenants }) {
    if (config.transport !== 'docker')
      throw new HarnessError(HarnessErrorCode.Internal, `not a docker target: ${config.transport}`);
    return dockerConnectTarget(config, tenants);
  },
};

/** The connect target of a docker target from the config or from `docker:IMAGE`. */
export function dockerConnectTarget(config: DockerTargetConfig, tenants?: Tenants): TargetSpec {
  // The folder file canaries are planted in: readable by the executor's user, mounted read-only.
  const fileDir = mkdtempSync(join(tmpdir(), 'gauntlet-docker-canaries-'));
  chmodSync(fileDir, 0o755);
  process.once('exit', () => rmSync(fileDir, { recursive: true, force: true }));
  const hostConfig = { ...(config.hostConfig ?? {}) } as { Binds?: string[] } & Record<string, unknown>;
  hostConfig.Binds = [...(hostConfig.Binds ?? []), `${fileDir}:${fileDir}:ro`];
  return {
    transport: 'docker',
    description: `docker:${config.image}`,
    startedByGauntlet: true,
    sameHost: true,
    canaries: { ...config.canaries, fileDir },
    ...((tenants ?? config.tenants) ? { tenants: tenants ?? config.tenants } : {}),
    ...(config.policy ? { policy: config.policy } : {}),
    async connect(env) {
      // 1.
      reaped ??= reapLeftoverContainers().catch(() => undefined);
      await reaped;
      // 2.
      let sink: (text: string) => void = () => undefined;
      const decoder = new StringDecoder('utf8');
      const transport = new DockerTransport({
        runId: RUN_ID,
        target: {
          image: config.image,
          ...(config.command ? { command: config.command } : {}),
          ...(config.user ? { user: config.user } : {}),
          env: { ...(config.env as Record<string, string> | undefined), ...env },
          hostConfig,
        },
        onStderr: (chunk) => sink(decoder.write(chunk)),
      });
      return { transport, kill: () => void transport.close(), pipeLog: (to) => (sink = to) };
    },
  };
}
