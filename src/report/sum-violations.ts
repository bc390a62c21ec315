import type { ProtocolViolations } from './generated/types.js';

/** How many violations a report keeps as evidence per attempt or run. */
export const VIOLATIONS_KEPT = 20;

/**
 * Protocol violations of several attempts or shards added up: counts summed by kind, the first
 * kept ones in order (at most {@link VIOLATIONS_KEPT}). Undefined when there are none.
 */
export function sumViolations(list: ReadonlyArray<ProtocolViolations | undefined>): ProtocolViolations | undefined {
  const present = list.filter((v): v is ProtocolViolations => v !== undefined);
  if (present.length === 0) return undefined;
  const byKind: Record<string, number> = {};
  for (const v of present)
    for (const [kind, count] of Object.entries(v.byKind)) byKind[kind] = (byKind[kind] ?? 0) + (count ?? 0);
  return {
    total: present.reduce((sum, v) => sum + v.total, 0),
    byKind,
    first: present.flatMap((v) => v.first).slice(0, VIOLATIONS_KEPT),
  };
}
