import { makeFinding } from './make-finding.js';
import type { OracleFor } from './oracle.js';

/**
 * Audit reads return only entries of the tenant whose token the request carried, whatever
 * tenant the request claimed to be: reading another tenant's trail is spoofing that tenant.
 */
export const auditScoped: OracleFor<'audit-scoped'> = {
  name: 'audit-scoped',
  description: "audit reads never return another tenant's entries",
  requires: ['audit'],
  judge(observation) {
    return observation.steps.flatMap((step) => {
      const { answer } = step;
      if (answer.kind !== 'audit') return [];
      const foreign = answer.entries.filter((entry) => entry.tenantId !== answer.credentialsTenantId);
      if (foreign.length === 0) return [];
      const tenants = [...new Set(foreign.map((e) => e.tenantId))].join(', ');
      return [
        makeFinding(
          'audit-scoped',
          `step ${step.id} proved the credentials of ${answer.credentialsTenantId} but got ` +
            `${foreign.length} audit entries of ${tenants}`,
          step.startedAt + step.elapsedMs,
          {
            channel: 'audit',
            step: step.id,
            expected: `entries of ${answer.credentialsTenantId} only`,
            observed: `entries of ${tenants}`,
            excerpt: JSON.stringify(foreign[0]),
          },
        ),
      ];
    });
  },
};
