import { statSync } from 'node:fs';
import type Docker from 'dockerode';
import { hardenedHostConfig, SANDBOX_USER } from '../../../src/docker/docker-hardened-host-config.js';
import type { FaultSet } from '../faults/fault-registry.js';
import type { SandboxProfile } from '../sandbox/sandbox-profile.js';

/** The users and HostConfig of one execution container. */
export interface ExecutionContainerConfig {
  /** Who runs the code (each run is a `docker exec` as this user). */
  user: string;
  /** Who runs the container's idle init process; the code's user unless a fault needs otherwise. */
  containerUser: string;
  hostConfig: Docker.HostConfig;
}

const MiB = 1024 * 1024;
/** What the runtime itself needs on top of the code's budget: node's heap and code, python's. */
const RUNTIME_MEMORY: Record<SandboxProfile['family'], number> = { js: 64 * MiB, python: 32 * MiB };
const DOCKER_SOCKET = '/var/run/docker.sock';

/**
 * The hardened container of a profile (see hardenedHostConfig), then the docker-* faults, each a
 * misconfiguration seen in real Docker runners. Capabilities, privileged mode, host paths and
 * the host PID namespace only give a process power when it runs as root, so those faults run the
 * code as root too, as an image without a USER line does (reading another root process's
 * /proc/PID/environ also takes CAP_SYS_PTRACE, so the host-PID fault adds it, as debug sidecars do).
 */
export function executionContainerConfig(profile: SandboxProfile, faults: FaultSet): ExecutionContainerConfig {
  // 1. Hardened: memory = the code's budget plus the runtime's own, no work dir without a filesystem.
  const hostConfig = hardenedHostConfig({ memoryBytes: profile.heapMiB * MiB + RUNTIME_MEMORY[profile.family] });
  if (!profile.directory) delete hostConfig.Tmpfs;
  let user = SANDBOX_USER;
  let containerUser: string | undefined;
  const asRoot = () => (user = '0:0');
  // 2. Deliberate weaknesses, for calibration only.
  if (faults.has('docker-root-user')) asRoot();
  if (faults.has('docker-privileged')) {
    asRoot();
    // As `docker run --privileged` would: without no-new-privileges, which would keep an exec'd
    // root process from gaining any capability.
    hostConfig.Privileged = true;
    hostConfig.SecurityOpt = [];
    delete hostConfig.CapDrop;
    // Docker 20.10 (Debian's docker.io) gives a privileged container's root init every capability
    // the kernel knows, without asking whether the engine holds it; where the host withholds one
    // (CI sandboxes drop CAP_SYS_RESOURCE) runc cannot start it: "unable to apply caps". The idle
    // init therefore runs unprivileged; the code's exec as root still gets every capability the
    // engine holds, all devices and no seccomp.
    containerUser = SANDBOX_USER;
  }
  if (faults.has('docker-cap-sys-admin')) {
    asRoot();
    hostConfig.CapAdd = ['SYS_ADMIN'];
  }
  if (faults.has('docker-network-host')) hostConfig.NetworkMode = 'host';
  if (faults.has('docker-socket')) {
    hostConfig.Binds = [...(hostConfig.Binds ?? []), `${DOCKER_SOCKET}:${DOCKER_SOCKET}`];
    hostConfig.GroupAdd = [String(statSync(DOCKER_SOCKET).gid)];
  }
  if (faults.has('docker-host-pid')) {
    asRoot();
    hostConfig.PidMode = 'host';
    hostConfig.CapAdd = [...(hostConfig.CapAdd ?? []), 'SYS_PTRACE'];
  }
  if (faults.has('docker-host-mount')) {
    asRoot();
    hostConfig.Binds = [...(hostConfig.Binds ?? []), '/tmp:/host/tmp'];
  }
  if (faults.has('docker-writable-rootfs')) hostConfig.ReadonlyRootfs = false;
  if (faults.has('docker-new-privileges'))
    hostConfig.SecurityOpt = hostConfig.SecurityOpt?.filter((option: string) => option !== 'no-new-privileges');
  if (faults.has('docker-no-disk-cap')) {
    const unsized = Object.entries(hostConfig.Tmpfs ?? {}).map(([path, options]) => [
      path,
      options.replace(/,size=\d+/, ''),
    ]);
    hostConfig.Tmpfs = Object.fromEntries(unsized);
    hostConfig.Ulimits = hostConfig.Ulimits?.filter((limit) => limit.Name !== 'fsize');
  }
  if (faults.has('docker-no-pids-cap')) delete hostConfig.PidsLimit;
  return { user, containerUser: containerUser ?? user, hostConfig };
}
