import { HarnessError, HarnessErrorCode } from '../../../src/errors/harness-error.js';
import type { InitializeResult } from '../../../src/protocol/generated/types.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';
import { connectDockerEngine } from '../../../src/docker/docker-engine.js';
import { GauntletImage } from '../../../src/docker/docker-images.js';
import { reapLeftoverContainers } from '../../../src/docker/docker-reap-leftover-containers.js';
import type { FaultSet } from '../faults/fault-registry.js';
import type { BackendSupport } from '../guard/check-policy.js';
import type { ExecutorLog } from '../log/executor-log.js';
import { EXECUTOR_VERSION } from '../server/capabilities.js';
import { MAX_SESSIONS_PER_TENANT, maximums } from '../server/limits.js';
import type { SandboxFactory } from '../sandbox/warm-pool.js';
import { DockerSandbox } from './docker-sandbox.js';
import { executionContainerConfig } from './execution-container-config.js';

/** The runtime image the Docker backend uses unless told otherwise. */
export const DEFAULT_RUNTIME_IMAGE = GauntletImage.runtime;

/** What the executor needs of its Docker backend. */
export interface DockerBackend {
  factory: SandboxFactory;
  info: InitializeResult;
  support: BackendSupport;
  /** Kills every container still alive and resolves once all are removed, or after the deadline. */
  close(deadlineMs?: number): Promise<void>;
}

const SUPPORT: BackendSupport = {
  languages: ['javascript', 'python', 'shell'],
  canAllowSubprocesses: true,
  tools: false,
  networkAllowlist: false,
  lowersSessionMemory: false,
};

/**
 * Opens the Docker backend. Steps: 1. the engine (a missing engine fails the start, loudly);
 * 2. containers left behind by executors that died (only those: a live executor's containers
 * are kept); 3. the runtime image, which must exist (it is built offline, never pulled).
 */
export async function openDockerBackend(image: string, faults: FaultSet, log: ExecutorLog): Promise<DockerBackend> {
  // 1.
  const docker = await connectDockerEngine();
  // 2.
  const reaped = await reapLeftoverContainers({ docker });
  if (reaped.removedContainers.length)
    log.info(`removed ${reaped.removedContainers.length} containers left behind by executors that died`);
  // 3.
  const found = await docker
    .getImage(image)
    .inspect()
    .then(
      () => true,
      () => false,
    );
  if (!found)
    throw new HarnessError(
      HarnessErrorCode.ExecutorStartFailed,
      `the runtime image ${image} is missing; build it offline with: bash docker/build-images.sh runtime`,
      image,
    );
  const runId = `executor-${process.pid}`;
  let counter = 0;
  // Every container not yet removed: a killed one is removed in the background, and shutdown waits for it.
  const unremoved = new Set<DockerSandbox>();
  const factory: SandboxFactory = async (profile) => {
    const sandbox = await DockerSandbox.start({
      id: `c${++counter}`,
      profile,
      docker,
      image,
      runId,
      config: executionContainerConfig(profile, faults),
      startDeadlineMs: 30_000,
    });
    unremoved.add(sandbox);
    void sandbox.removed.then(() => unremoved.delete(sandbox));
    return sandbox;
  };
  const close = async (deadlineMs = 15_000) => {
    let timer: NodeJS.Timeout | undefined;
    const all = Promise.all([...unremoved].map(async (sandbox) => (await sandbox.kill(), sandbox.removed)));
    await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, deadlineMs)))]);
    clearTimeout(timer);
  };
  return { factory, info: dockerInitializeResult(image), support: SUPPORT, close };
}

/** What the Docker backend claims: container isolation, native runtimes, no tools and no network. */
function dockerInitializeResult(image: string): InitializeResult {
  const runtime = (name: string) => `${name} in ${image}`;
  return {
    protocolVersion: PROTOCOL_VERSION,
    executorInfo: {
      name: 'gauntlet-reference-executor',
      version: EXECUTOR_VERSION,
      isolation: 'container',
      description:
        'Docker backend: each execution or session runs in its own hardened container (non-root, ' +
        'no capabilities, no network, read-only root) with native python3, node and bash.',
    },
    languages: [
      { id: 'javascript', version: 'ES2023', runtime: runtime('node 20') },
      { id: 'python', version: '3', runtime: runtime('python3') },
      { id: 'shell', version: 'bash 5', runtime: runtime('bash') },
    ],
    capabilities: {
      limits: { wallTime: 'hard', memory: 'hard', output: 'hard', toolTime: 'none' },
      network: ['none'],
      filesystem: ['none', 'ephemeral', 'session'],
      outputModes: ['truncate', 'kill'],
      subprocesses: { canDeny: true, canAllow: true },
      sessions: { supported: true, maxPerTenant: MAX_SESSIONS_PER_TENANT },
      tools: { supported: false, languages: [] },
      audit: { supported: true, hashChain: true },
      redaction: {
        supported: true,
        encodings: ['base64', 'hex', 'url'],
        credentialShapes: ['aws-access-key', 'github-token', 'stripe-key', 'jwt', 'pem-private-key'],
        minSecretLength: 8,
      },
      cancel: true,
      maximums,
    },
  };
}
