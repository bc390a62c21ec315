import { join } from 'node:path';
import { Peer } from '../../../src/protocol/peer.js';
import type { Transport } from '../../../src/protocol/transport.js';
import { StdioServerTransport } from '../../../src/transports/stdio-server-transport.js';
import { listenWebSocket, type WebSocketListener } from '../../../src/transports/websocket-transport.js';
import { AuditLog } from '../audit/audit-log.js';
import { openDockerBackend } from '../docker/docker-backend.js';
import { loadTenants } from '../config/load-tenants.js';
import type { ExecutorOptions } from '../config/parse-cli-args.js';
import { FaultSet } from '../faults/fault-registry.js';
import { Authenticator } from '../guard/authenticator.js';
import { RateLimiter } from '../guard/rate-limiter.js';
import { ExecutorLog } from '../log/executor-log.js';
import { Redactor } from '../redaction/redactor.js';
import { MemoryCgroupHost, type MemoryCgroupSupport } from '../sandbox/memory-cgroup-host.js';
import { ensurePyodideSnapshot } from '../sandbox/pyodide-snapshot.js';
import { resolveRuntimePaths } from '../sandbox/runtime-paths.js';
import { Sandbox } from '../sandbox/sandbox.js';
import { profileFor, type SandboxProfile } from '../sandbox/sandbox-profile.js';
import { WarmPool } from '../sandbox/warm-pool.js';
import { defaultPolicy } from './default-policy.js';
import { initializeResult } from './capabilities.js';
import { ExecutorService } from './executor-service.js';
import { makePrivateDirs } from './private-dirs.js';
import { crashOnMalformedFrames } from '../faults/fragile-parser.js';
import { serveConnection } from './serve-connection.js';

/** A running executor; `stopped` settles once everything it acquired is released. */
export interface RunningExecutor {
  stopped: Promise<void>;
  /** The WebSocket port, when listening. */
  port?: number;
  stop(): Promise<void>;
}

/**
 * Composition root. Steps: 1. runtimes, private folders, tenants, audit log; 2. the Pyodide
 * snapshot (awaited before serving) and the warm pool; 3. the service; 4. the transport(s). Stopping,
 * by shutdown, end of stdin or a signal, releases sandboxes, sockets and folders.
 */
export async function startExecutor(options: ExecutorOptions, env: NodeJS.ProcessEnv): Promise<RunningExecutor> {
  // 1.
  const paths = resolveRuntimePaths();
  const dirs = makePrivateDirs();
  const faults = new FaultSet(options.faults);
  const tenants = loadTenants(options.tenantsFile, env);
  const redactor = new Redactor(Authenticator.secretsOf(tenants), !faults.has('no-redaction'));
  const log = new ExecutorLog(redactor);
  if (tenants.size === 0)
    log.warn('no tenants configured (--tenants or GAUNTLET_TENANTS): every request will be refused');
  if (faults.names.length) log.warn(`DELIBERATELY WEAKENED by faults: ${faults.names.join(', ')}`);
  const audit = AuditLog.open(
    options.auditLog ?? join(dirs.root, 'audit.jsonl'),
    !faults.has('no-audit'),
    faults.has('audit-writable'),
  );

  // 2.
  const denoEnv = { DENO_DIR: dirs.deno, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' };
  let snapshot: Promise<string> | undefined;
  const snapshotFile = () => (snapshot ??= ensurePyodideSnapshot(paths, options.cacheDir, denoEnv));
  let counter = 0;
  // Under no-memory-cap the sandboxes get no cgroup (the claims stay the same: that is the weakness).
  const memory: MemoryCgroupSupport =
    options.backend.kind === 'deno'
      ? MemoryCgroupHost.open(options.cgroupRoot)
      : { kind: 'soft', reason: 'the Docker backend caps containers instead' };
  if (memory.kind === 'soft' && options.backend.kind === 'deno')
    log.warn(`memory is only watched, not capped by the kernel: ${memory.reason}`);
  const cgroups = memory.kind === 'hard' && !faults.has('no-memory-cap') ? memory.host : undefined;
  const factory = async (profile: SandboxProfile) =>
    Sandbox.start({
      id: `sb-${++counter}`,
      profile,
      paths,
      controlDir: dirs.control,
      workRoot: dirs.work,
      snapshot: profile.family === 'python' ? await snapshotFile() : undefined,
      denoDir: dirs.deno,
      auditLog: audit.path,
      faults,
      readyDeadlineMs: profile.family === 'python' ? 60_000 : 20_000,
      ...(cgroups ? { cgroups } : {}),
    });
  // The Docker backend replaces the Deno sandboxes with containers; the rest is shared.
  const docker =
    options.backend.kind === 'docker'
      ? await openDockerBackend(options.backend.image, faults, log).catch(
          (error: unknown) => (dirs.remove(), Promise.reject(error)),
        )
      : undefined;
  const warm = (['js', 'python'] as const)
    .filter((f) => options.warm[f] > 0)
    .map((family) => ({
      profile: profileFor(family === 'js' ? 'javascript' : 'python', defaultPolicy()),
      size: options.warm[family],
      atStart: options.warmAtStart.includes(family),
    }));
  const pool = new WarmPool(docker?.factory ?? factory, {
    warm,
    adaptiveProfiles: 4,
    onError: (error) => log.error('a warm sandbox failed to start', error),
  });

  // Serve only once a Python sandbox can start: on a cold cache, making the snapshot takes seconds,
  // which the first Python executions would otherwise spend past their callers' deadlines.
  if (!docker)
    await snapshotFile().catch((error: unknown) =>
      log.error('could not make the Pyodide snapshot: Python sandboxes will not start', error),
    );

  // 3.
  const service = new ExecutorService({
    faults,
    authenticator: new Authenticator(tenants),
    rateLimiter: new RateLimiter(options.rateLimit),
    audit,
    pool,
    redactor,
    log,
    sandboxDir: paths.sandboxDir,
    ...(docker ? { support: docker.support, releaseBackend: () => docker.close() } : {}),
  });
  // Both backends share the rate limiter, so both declare its rate.
  const rateLimit = { ...options.rateLimit, scope: 'tenant' as const };
  const info = docker
    ? { ...docker.info, capabilities: { ...docker.info.capabilities, rateLimit } }
    : initializeResult(paths, memory, rateLimit);

  // 4.
  let listener: WebSocketListener | undefined;
  let release!: () => void;
  const stopped = new Promise<void>((resolve) => (release = resolve));
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await service.shutdown();
      if (memory.kind === 'hard') await memory.host.close();
      await listener?.close();
      dirs.remove();
      release();
    })());
  const serve = (transport: Transport) => {
    const peer = new Peer(transport, { role: 'executor', idPrefix: 'x' });
    if (faults.has('fragile-parser')) crashOnMalformedFrames(transport);
    serveConnection(peer, service, info, () => void stop());
    return peer;
  };
  if (options.transport.kind === 'stdio') {
    const peer = serve(new StdioServerTransport());
    peer.onClose(() => void stop());
    await peer.start();
  } else {
    listener = await listenWebSocket(
      { host: options.transport.host, port: options.transport.port },
      (transport) => void serve(transport).start(),
    );
    log.info(`listening on ws://${options.transport.host}:${listener.port}`);
  }
  return { stopped, stop, ...(listener ? { port: listener.port } : {}) };
}
