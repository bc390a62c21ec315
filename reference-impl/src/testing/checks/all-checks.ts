import { auditChecks } from './audit-checks.js';
import { containerChecks } from './container-checks.js';
import { inputChecks } from './input-checks.js';
import { envCanaryCheck, fileReadCheck, fileWriteCheck, networkCheck, subprocessCheck } from './isolation-checks.js';
import { limitChecks } from './limit-checks.js';
import { redactionCheck } from './redaction-checks.js';
import type { SecurityCheck } from './security-check.js';
import { seedContainerChecks, seedSystemChecks } from './seed-system-checks.js';
import { tenancyChecks } from './tenancy-checks.js';
import { toolChecks } from './tool-checks.js';

/**
 * Every security check the reference executor must pass, one entry per policy dimension of
 * issue 3. The suite (`reference-passes-checks.test.ts`) runs them all against the reference;
 * the fault table (`fault-table.test.ts`) shows each fault turns at least one of them red.
 */
export const allChecks: readonly SecurityCheck[] = [
  envCanaryCheck,
  fileReadCheck,
  fileWriteCheck,
  networkCheck,
  subprocessCheck,
  ...limitChecks,
  redactionCheck,
  ...auditChecks,
  ...tenancyChecks,
  ...toolChecks,
  ...inputChecks,
  ...seedSystemChecks,
];

/** The check with this id; throws on an id no check has (a typo in the fault table). */
export function checkById(id: string): SecurityCheck {
  const check = [...allChecks, ...containerChecks, ...seedContainerChecks].find((c) => c.id === id);
  if (!check) throw new Error(`no security check has the id ${id}; known: ${allChecks.map((c) => c.id).join(', ')}`);
  return check;
}
