/**
 * Deliberate weaknesses, switched on one by one with `--fault NAME`, never by default. They exist
 * to prove that Gauntlet's checks can fail: each must turn at least one scenario or fuzz property
 * red (`scenarios/fault-coverage.test.ts`). To add one, add an entry here and name it in the
 * `calibration.failsWith` of a scenario that observes it, writing that scenario if none does.
 */
export interface Fault {
  name: string;
  /** What the executor does differently. */
  description: string;
  /** The protection the fault switches off, as the README names it. */
  weakens: 'isolation' | 'limits' | 'redaction' | 'audit' | 'tenancy' | 'tools' | 'robustness' | 'validation';
  /** The backend the fault weakens, when not the default (Deno): `--backend docker`. */
  backend?: 'docker';
}

export const faultRegistry = [
  {
    name: 'env-leak',
    weakens: 'isolation',
    description: "Sandboxes inherit the executor's environment and get --allow-env; Deno.env is the real one.",
  },
  { name: 'open-network', weakens: 'isolation', description: 'Sandboxes get an unrestricted --allow-net.' },
  {
    name: 'fs-escape',
    weakens: 'isolation',
    description: 'Sandboxes get --allow-read and --allow-write for the whole file system.',
  },
  {
    name: 'allow-subprocess',
    weakens: 'isolation',
    description: 'Sandboxes get --allow-run, and allowSubprocesses: true is accepted.',
  },
  {
    name: 'shared-state',
    weakens: 'isolation',
    description: 'Sessions with the same profile share one sandbox, whatever their tenant.',
  },
  {
    name: 'session-leftovers',
    weakens: 'isolation',
    description: 'Destroying a session forgets its id but leaves its sandbox running and its directory on the disk.',
  },
  {
    name: 'reuse-sandbox',
    weakens: 'isolation',
    description: 'One-shot sandboxes return to the warm pool after use, so state bleeds into later executions.',
  },
  { name: 'no-timeout', weakens: 'limits', description: 'The wall-time budget is not enforced.' },
  {
    name: 'no-memory-cap',
    weakens: 'limits',
    description: 'Neither the V8 heap cap, the memory cgroup nor the resident-memory watch is applied.',
  },
  { name: 'no-output-cap', weakens: 'limits', description: 'stdout, stderr and result caps are not applied.' },
  { name: 'no-redaction', weakens: 'redaction', description: 'Nothing is redacted.' },
  {
    name: 'leaky-errors',
    weakens: 'tenancy',
    description: "Errors say too much: another tenant's session is named as such, and stacks keep executor frames.",
  },
  {
    name: 'no-tenant-check',
    weakens: 'tenancy',
    description: 'Tokens are not checked and sessions are not scoped to their tenant.',
  },
  { name: 'no-rate-limit', weakens: 'tenancy', description: 'Tenants are not rate-limited.' },
  {
    name: 'foreign-id-slow',
    weakens: 'tenancy',
    description:
      "execute loads an existing session's record (80 ms) before checking its tenant: another tenant's session id " +
      'is refused in the same words as an unknown one, but measurably later.',
  },
  {
    name: 'foreign-cancel',
    weakens: 'tenancy',
    description: "execute/cancel finds a running execution by its id in every tenant, so a tenant can stop another's.",
  },
  {
    name: 'abandon-on-stop',
    weakens: 'limits',
    description:
      'A timed-out, cancelled or killed execution is answered, but its sandbox process is left running until shutdown.',
  },
  {
    name: 'cancel-ignored',
    weakens: 'limits',
    description: 'execute/cancel answers cancelled: true but leaves the execution running to its end.',
  },
  { name: 'no-audit', weakens: 'audit', description: 'No audit entry is written.' },
  { name: 'audit-in-sandbox', weakens: 'audit', description: 'Sandboxes may read and write the audit log file.' },
  {
    name: 'audit-refusals-partial',
    weakens: 'audit',
    description: 'Refused executions are audited only when refused for an unknown or foreign session (-32002).',
  },
  {
    name: 'audit-outcomes-partial',
    weakens: 'audit',
    description: 'Executions that end cancelled or with a validation error get no audit entry.',
  },
  {
    name: 'fragile-parser',
    weakens: 'robustness',
    description:
      'A frame that is not JSON or not UTF-8 throws out of the frame handler: the executor crashes. ' +
      'Shown by fuzz/protocol-robustness.',
  },
  {
    name: 'no-maximum-check',
    weakens: 'validation',
    description:
      'Code and policy values above the advertised maximums are accepted and run as given. ' +
      'Shown by fuzz/input-validation.',
  },
  {
    name: 'tool-no-validation',
    weakens: 'tools',
    description: 'Tool arguments reach the harness without being checked against the input schema.',
  },
  {
    name: 'late-tool-calls',
    weakens: 'tools',
    description: 'Tool calls made after their execution ended are passed on as calls of the running execution.',
  },
  {
    name: 'no-tool-timeout',
    weakens: 'tools',
    description: 'A tool call waits as long as the wall time allows; its own timeout is ignored.',
  },
  {
    name: 'tool-any-name',
    weakens: 'tools',
    description: 'Calls to tools the policy does not offer reach the harness instead of being refused in the executor.',
  },
  {
    name: 'audit-writable',
    weakens: 'audit',
    description:
      'Sandboxes may read and write the audit log file, and audit/query serves what the file holds ' +
      '(no copy the code cannot touch).',
  },
  {
    name: 'docker-root-user',
    weakens: 'isolation',
    backend: 'docker',
    description: 'Docker backend: the code runs as root (uid 0) in its container, capabilities still dropped.',
  },
  {
    name: 'docker-privileged',
    weakens: 'isolation',
    backend: 'docker',
    description: 'Docker backend: containers run --privileged (every capability and device, no seccomp), as root.',
  },
  {
    name: 'docker-cap-sys-admin',
    weakens: 'isolation',
    backend: 'docker',
    description: 'Docker backend: containers get CAP_SYS_ADMIN added back, as root.',
  },
  {
    name: 'docker-network-host',
    weakens: 'isolation',
    backend: 'docker',
    description: "Docker backend: containers share the host's network namespace (NetworkMode host).",
  },
  {
    name: 'docker-socket',
    weakens: 'isolation',
    backend: 'docker',
    description: "Docker backend: the engine's socket is mounted into containers and the sandbox user is in its group.",
  },
  {
    name: 'docker-host-pid',
    weakens: 'isolation',
    backend: 'docker',
    description: "Docker backend: containers share the host's PID namespace, as root with CAP_SYS_PTRACE.",
  },
  {
    name: 'docker-host-mount',
    weakens: 'isolation',
    backend: 'docker',
    description: "Docker backend: the host's /tmp is bind-mounted at /host/tmp, as root.",
  },
  {
    name: 'docker-runtime-env',
    weakens: 'validation',
    backend: 'docker',
    description:
      'Docker backend: policy env names a runtime reads at start (NODE_OPTIONS, BASH_ENV, LD_PRELOAD, ' +
      'PYTHON*, DENO_*) are not refused, so node and bash load files the code planted.',
  },
  {
    name: 'docker-writable-rootfs',
    weakens: 'isolation',
    backend: 'docker',
    description:
      "Docker backend: the container's root file system is writable (no --read-only), " +
      'so code writes world-writable image paths such as /var/tmp.',
  },
  {
    name: 'docker-no-disk-cap',
    weakens: 'limits',
    backend: 'docker',
    description:
      'Docker backend: no file-size ulimit and work dirs on tmpfs without a size, so code fills them up to its memory.',
  },
  {
    name: 'allow-ffi',
    weakens: 'isolation',
    description: 'Sandboxes get --allow-ffi: Deno.dlopen loads native libraries, whose calls no permission checks.',
  },
  {
    name: 'no-fd-cap',
    weakens: 'limits',
    description:
      "Sandbox processes inherit the executor's descriptor limit instead of their own (no prlimit --nofile).",
  },
  {
    name: 'output-cap-chars',
    weakens: 'limits',
    description:
      'Truncated stdout and stderr keep the first cap characters rather than bytes, ' +
      'so multi-byte text passes the byte cap.',
  },
  {
    name: 'env-shell-expansion',
    weakens: 'validation',
    description:
      'Policy env values are expanded by a host shell before the sandbox gets them, ' +
      'so $(…), backticks and ; in a request run on the host.',
  },
  {
    name: 'docker-no-pids-cap',
    weakens: 'limits',
    backend: 'docker',
    description:
      'Docker backend: containers get no pids limit, so code that may start processes starts as many as it likes.',
  },
  {
    name: 'stop-awaits-drain',
    weakens: 'limits',
    description:
      'A stopped execution is killed only once its output has been quiet for 2 s (at most 60 s), ' +
      'so code that keeps writing outlives its stop.',
  },
  {
    name: 'session-busy-ignored',
    weakens: 'isolation',
    description:
      'A second execution in a busy session is not refused: both are handed to the session sandbox at once, ' +
      "which runs the first while the second captures the sandbox's output.",
  },
  {
    name: 'docker-new-privileges',
    weakens: 'isolation',
    backend: 'docker',
    description:
      'Docker backend: no no-new-privileges, so a setuid-root binary of the image raises the code to euid 0.',
  },
  {
    name: 'session-policy-ceiling',
    weakens: 'limits',
    description:
      "An execution in a session runs under the session's policy; of the execution's tighter policy only tools apply.",
  },
  {
    name: 'allow-sys',
    weakens: 'isolation',
    description:
      'Sandboxes get --allow-sys: Deno.hostname, osRelease, networkInterfaces and the like answer with the host.',
  },
] as const satisfies readonly Fault[];

export type FaultName = (typeof faultRegistry)[number]['name'];

/** The faults switched on for one executor process. */
export class FaultSet {
  readonly #on: ReadonlySet<FaultName>;

  constructor(names: readonly FaultName[] = []) {
    this.#on = new Set(names);
  }

  has(name: FaultName): boolean {
    return this.#on.has(name);
  }

  get names(): FaultName[] {
    return [...this.#on];
  }
}

/** Narrows a command-line word to a fault name. */
export function isFaultName(name: string): name is FaultName {
  return faultRegistry.some((fault) => fault.name === name);
}
