import type { CanaryKind } from '../scenarios/generated/types.js';
import type { Canary } from './canary.js';
import { envCanary } from './env-canary.js';
import { fileCanary } from './file-canary.js';
import { hostCanary } from './host-canary.js';
import { listenerCanary } from './listener-canary.js';
import { processCanary } from './process-canary.js';
import { secretCanary } from './secret-canary.js';
import { slowToolCanary } from './slow-tool-canary.js';
import { tenantCanary } from './tenant-canary.js';
import { toolResultCanary } from './tool-result-canary.js';

/** Every canary, by the name scenarios use in `canaries`. */
export const canaryRegistry: Readonly<Record<CanaryKind, Canary>> = {
  env: envCanary,
  file: fileCanary,
  listener: listenerCanary,
  'tool-result': toolResultCanary,
  tenant: tenantCanary,
  secret: secretCanary,
  'slow-tool': slowToolCanary,
  process: processCanary,
  host: hostCanary,
};
