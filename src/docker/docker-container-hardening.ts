import type Docker from 'dockerode';

/** A mount of the container as the engine reports it. */
export interface ContainerMount {
  type: string;
  source: string;
  destination: string;
  readWrite: boolean;
}

/**
 * The effective isolation settings of a container, read from the engine (docker inspect)
 * rather than from inside the container, so the harness observes them itself instead of
 * believing the executor. Null limits mean unlimited.
 */
export interface ContainerHardening {
  /** Config.User as the engine runs it; empty means the image's default, which is root. */
  user: string;
  runsAsRoot: boolean;
  privileged: boolean;
  /** Capability names upper-cased without the CAP_ prefix, e.g. SYS_ADMIN, ALL. */
  capAdd: string[];
  capDrop: string[];
  readonlyRootfs: boolean;
  networkMode: string;
  /** `host` shares the host's PID namespace. */
  pidMode: string;
  ipcMode: string;
  pidsLimit: number | null;
  memoryBytes: number | null;
  /** -1 (unlimited swap) is reported as null. */
  memorySwapBytes: number | null;
  /** Memory is limited and MemorySwap equals it, so the limit cannot be dodged by swapping. */
  swapDisabled: boolean;
  nanoCpus: number | null;
  securityOpt: string[];
  noNewPrivileges: boolean;
  /** `custom` is a profile given inline; privileged containers run without one whatever this says. */
  seccomp: 'default' | 'unconfined' | 'custom';
  tmpfs: Record<string, string>;
  ulimits: Array<{ name: string; soft: number; hard: number }>;
  mounts: ContainerMount[];
  /** Bind mounts: host paths visible inside. */
  hostPathMounts: ContainerMount[];
  /** The engine's socket (or a folder holding it) is mounted: whoever reaches it owns the host. */
  dockerSocketMounted: boolean;
}

const SOCKET_FOLDERS = new Set(['/', '/run', '/var/run', '/run/docker', '/var/run/docker']);

/** Reads the effective hardening facts out of `container.inspect()`. */
export function describeContainerHardening(inspect: Docker.ContainerInspectInfo): ContainerHardening {
  const host = inspect.HostConfig;
  const user = inspect.Config.User ?? '';
  const securityOpt = (host.SecurityOpt as string[] | null | undefined) ?? [];
  const memory = positive(host.Memory);
  const swap = host.MemorySwap === -1 ? null : positive(host.MemorySwap);
  const mounts = (inspect.Mounts ?? []).map((m) => ({
    type: m.Type,
    source: m.Source,
    destination: m.Destination,
    readWrite: m.RW,
  }));
  return {
    user,
    runsAsRoot: /^(|0|root)(:.*)?$/.test(user),
    privileged: host.Privileged === true,
    capAdd: capabilities(host.CapAdd),
    capDrop: capabilities(host.CapDrop),
    readonlyRootfs: host.ReadonlyRootfs === true,
    networkMode: host.NetworkMode ?? 'default',
    pidMode: host.PidMode ?? '',
    ipcMode: host.IpcMode ?? '',
    pidsLimit: positive(host.PidsLimit),
    memoryBytes: memory,
    memorySwapBytes: swap,
    swapDisabled: memory !== null && swap === memory,
    nanoCpus: positive(host.NanoCpus),
    securityOpt,
    noNewPrivileges: securityOpt.some((o) => /^no-new-privileges([=:]true)?$/.test(o)),
    seccomp: seccompOf(securityOpt),
    tmpfs: host.Tmpfs ?? {},
    ulimits: (host.Ulimits ?? []).map((u) => ({ name: u.Name ?? '', soft: u.Soft ?? 0, hard: u.Hard ?? 0 })),
    mounts,
    hostPathMounts: mounts.filter((m) => m.type === 'bind'),
    dockerSocketMounted: mounts.some(
      (m) =>
        /docker\.sock$/.test(m.source) ||
        /docker\.sock$/.test(m.destination) ||
        (m.type === 'bind' && SOCKET_FOLDERS.has(m.source.replace(/\/+$/, '') || '/')),
    ),
  };
}

function capabilities(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((c) => String(c).toUpperCase().replace(/^CAP_/, ''));
}

function positive(value: number | null | undefined): number | null {
  return typeof value === 'number' && value > 0 ? value : null;
}

function seccompOf(securityOpt: readonly string[]): ContainerHardening['seccomp'] {
  const option = securityOpt.find((o) => o.startsWith('seccomp=') || o.startsWith('seccomp:'));
  if (!option) return 'default';
  return option.slice('seccomp='.length) === 'unconfined' ? 'unconfined' : 'custom';
}
