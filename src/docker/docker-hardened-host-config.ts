import type Docker from 'dockerode';

/** The unprivileged uid:gid of the runtime image's `sandbox` user (docker/runtime.Dockerfile). */
export const SANDBOX_USER = '10001:10001';

/** The limits of a hardened container; every field has a conservative default. */
export interface HardeningLimits {
  memoryBytes: number;
  /** CPU time in units of 1e-9 CPUs: 1e9 is one whole CPU. */
  nanoCpus: number;
  /** Most processes and threads at once (a fork bomb stops here). */
  pidsLimit: number;
  /** The writable work dir: a tmpfs, since the root filesystem is read-only. */
  workDir: string;
  workDirBytes: number;
  /** Most open files. */
  nofile: number;
  /** Largest file the container may write. */
  fsizeBytes: number;
}

/** The limits a hardened container gets unless the caller sets them. */
export const HARDENING_DEFAULTS: Readonly<HardeningLimits> = {
  memoryBytes: 256 * 1024 * 1024,
  nanoCpus: 1e9,
  pidsLimit: 64,
  workDir: '/work',
  workDirBytes: 64 * 1024 * 1024,
  nofile: 256,
  fsizeBytes: 16 * 1024 * 1024,
};

/**
 * The HostConfig of a hardened container: no capabilities, no new
 * privileges, Docker's default seccomp profile (never `seccomp=unconfined`), a pids limit,
 * memory without swap, a CPU share, a read-only root with tmpfs work dirs (noexec: dropped
 * binaries do not run), no network, private IPC, an init that reaps zombies, and ulimits.
 * Run it with `User: SANDBOX_USER`; a HostConfig cannot set the user.
 */
export function hardenedHostConfig(limits: Partial<HardeningLimits> = {}): Docker.HostConfig {
  const l = { ...HARDENING_DEFAULTS, ...limits };
  const [uid, gid] = SANDBOX_USER.split(':');
  const tmpfs = (bytes: number) => `rw,nosuid,nodev,noexec,size=${bytes},uid=${uid},gid=${gid},mode=0700`;
  return {
    NetworkMode: 'none',
    CapDrop: ['ALL'],
    SecurityOpt: ['no-new-privileges'],
    Privileged: false,
    PidsLimit: l.pidsLimit,
    Memory: l.memoryBytes,
    MemorySwap: l.memoryBytes,
    NanoCpus: l.nanoCpus,
    ReadonlyRootfs: true,
    Tmpfs: { [l.workDir]: tmpfs(l.workDirBytes), '/tmp': tmpfs(l.workDirBytes) },
    IpcMode: 'private',
    Init: true,
    Ulimits: [
      { Name: 'nofile', Soft: l.nofile, Hard: l.nofile },
      { Name: 'fsize', Soft: l.fsizeBytes, Hard: l.fsizeBytes },
    ],
  };
}
