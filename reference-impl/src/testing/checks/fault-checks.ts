import type { FaultName } from '../../faults/fault-registry.js';

/**
 * For the faults no scenario calibration shows yet, the checks they must turn red;
 * `fault-table.test.ts` fails at run time on a check that stays green. Faults added since are
 * shown by scenarios (`scenarios/fault-coverage.test.ts` holds every fault to one or the other).
 */
export const faultChecks = {
  'env-leak': ['env-canary'],
  'open-network': ['network-unlisted'],
  'fs-escape': ['file-outside-read', 'file-outside-write'],
  'allow-subprocess': ['subprocess', 'input-validation'],
  'shared-state': ['session-state-isolation'],
  'session-leftovers': ['session-destroy-wipes'],
  'reuse-sandbox': ['one-shot-isolation'],
  'no-timeout': ['wall-time'],
  'no-memory-cap': ['memory-bomb', 'memory-bomb-external'],
  'no-output-cap': ['output-truncate', 'output-kill'],
  'no-redaction': ['redaction'],
  'leaky-errors': ['session-indistinguishable'],
  'no-tenant-check': ['session-indistinguishable', 'authentication'],
  'no-rate-limit': ['rate-limit'],
  'no-audit': ['audit-chain'],
  'audit-in-sandbox': ['audit-out-of-reach'],
  'tool-no-validation': ['tool-validation'],
  'fragile-parser': ['malformed-frames'],
  'no-maximum-check': ['input-validation'],
  'late-tool-calls': ['tool-after-end'],
  'no-tool-timeout': ['tool-timeout'],
  'tool-any-name': ['tool-offered-only'],
  'audit-writable': ['audit-out-of-reach'],
  'docker-root-user': ['container-non-root'],
  'docker-privileged': ['container-non-root', 'container-no-capabilities'],
  'docker-cap-sys-admin': ['container-no-capabilities'],
  'docker-network-host': ['container-no-host-network'],
  'docker-socket': ['container-no-docker-socket'],
  'docker-host-pid': ['container-no-host-pid'],
  'docker-host-mount': ['container-no-host-mount'],
  'docker-runtime-env': ['runtime-env-refused'],
  'docker-writable-rootfs': ['container-read-only-root'],
  'output-cap-chars': ['output-cap-bytes'],
  'docker-no-disk-cap': ['container-disk-cap'],
  'no-fd-cap': ['descriptor-cap'],
  'allow-ffi': ['native-library-refused'],
} as const satisfies Partial<Record<FaultName, readonly string[]>>;
