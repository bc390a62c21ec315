import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HarnessError, HarnessErrorCode } from '../../../src/errors/harness-error.js';
import { faultRegistry, isFaultName, type FaultName } from '../faults/fault-registry.js';
import type { RateLimit } from '../guard/rate-limiter.js';
import type { RuntimeFamily } from '../sandbox/sandbox-profile.js';

/** How the executor was asked to run. */
export interface ExecutorOptions {
  transport: { kind: 'stdio' } | { kind: 'websocket'; host: string; port: number };
  tenantsFile?: string;
  auditLog?: string;
  faults: FaultName[];
  /** What isolates the code: Deno processes (default) or Docker containers from a runtime image. */
  backend: { kind: 'deno' } | { kind: 'docker'; image: string };
  warm: Record<RuntimeFamily, number>;
  /** Families named by --warm: warmed at start. The others warm from their first request on. */
  warmAtStart: RuntimeFamily[];
  rateLimit: RateLimit;
  cacheDir: string;
  /** The cgroup folder under which each sandbox gets its memory cgroup (default: the executor's own). */
  cgroupRoot?: string;
  help: boolean;
}

export const USAGE = `Usage: gauntlet-executor (--stdio | --listen 127.0.0.1:PORT) [options]
  --tenants FILE      JSON object of tenant id -> token (default: env GAUNTLET_TENANTS)
  --audit-log PATH    append-only audit log (default: in the executor's private temp dir)
  --warm LANG=N       warm sandboxes for the default profile, started at once (without it:
                      javascript=2, python=1, from the language's first request on)
  --rate-limit B/R    per-tenant token bucket: burst B, R per second (default 100/50)
  --cache-dir DIR     where the Pyodide snapshot is cached (default ~/.cache/gauntlet)
  --cgroup-root DIR   cgroup (v2, or v1 memory) folder for the sandboxes' memory cgroups
                      (default: the executor's own memory cgroup); without one, memory is soft
  --backend KIND      deno (default) or docker: one hardened container per execution or session
  --docker-image IMG  runtime image of the docker backend (default gauntlet/runtime:bookworm)
  --fault NAME        switch on a deliberate weakness (repeatable; see README)
`;

/** Parses the command line; throws CONFIG_INVALID with the usage on mistakes. */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ExecutorOptions {
  const fail = (message: string): never => {
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, `${message}\n${USAGE}`, 'argv');
  };
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        stdio: { type: 'boolean' },
        listen: { type: 'string' },
        tenants: { type: 'string' },
        'audit-log': { type: 'string' },
        warm: { type: 'string', multiple: true },
        'rate-limit': { type: 'string' },
        'cache-dir': { type: 'string' },
        'cgroup-root': { type: 'string' },
        fault: { type: 'string', multiple: true },
        backend: { type: 'string' },
        'docker-image': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const faults = (values.fault ?? []).map((name) => (isFaultName(name) ? name : fail(`unknown fault ${name}`)));
  const warm: Record<RuntimeFamily, number> = { js: 2, python: 1 };
  const warmAtStart: RuntimeFamily[] = [];
  for (const spec of values.warm ?? []) {
    const match =
      /^(javascript|python)=(\d{1,2})$/.exec(spec) ?? fail(`--warm takes javascript=N or python=N, not ${spec}`);
    const family = match[1] === 'python' ? 'python' : 'js';
    warm[family] = Number(match[2]);
    warmAtStart.push(family);
  }
  const rate =
    /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(values['rate-limit'] ?? '100/50') ?? fail('--rate-limit takes BURST/PER_SECOND');
  // A docker-* fault weakens containers, so it implies the Docker backend.
  const dockerFault = faults.some((name) => faultRegistry.some((f) => f.name === name && 'backend' in f));
  const kind = values.backend ?? (dockerFault ? 'docker' : 'deno');
  if (dockerFault && kind !== 'docker')
    fail('docker-* faults weaken the Docker backend: use them with --backend docker');
  if (kind !== 'deno' && kind !== 'docker') fail(`--backend takes deno or docker, not ${kind}`);
  if (values['docker-image'] && kind !== 'docker') fail('--docker-image needs --backend docker');
  const backend: ExecutorOptions['backend'] =
    kind === 'docker' ? { kind, image: values['docker-image'] ?? 'gauntlet/runtime:bookworm' } : { kind: 'deno' };
  let transport: ExecutorOptions['transport'] = { kind: 'stdio' };
  if (values.listen) {
    const listen =
      /^(127\.0\.0\.1|localhost|\[::1\]):(\d{1,5})$/.exec(values.listen) ?? fail('--listen takes a loopback HOST:PORT');
    transport = { kind: 'websocket', host: listen[1]!.replace(/^\[|\]$/g, ''), port: Number(listen[2]) };
  } else if (!values.stdio && !values.help) fail('say --stdio or --listen HOST:PORT');
  return {
    transport,
    ...(values.tenants ? { tenantsFile: values.tenants } : {}),
    ...(values['audit-log'] ? { auditLog: values['audit-log'] } : {}),
    faults,
    backend,
    warm,
    warmAtStart,
    rateLimit: { burst: Number(rate[1]), perSecond: Number(rate[2]) },
    cacheDir: values['cache-dir'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'gauntlet'),
    ...(values['cgroup-root'] ? { cgroupRoot: values['cgroup-root'] } : {}),
    help: values.help === true,
  };
}
