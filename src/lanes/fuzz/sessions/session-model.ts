import type { Principal } from '../../../protocol/generated/types.js';
import type { FuzzContext } from '../fuzz-context.js';
import type { FuzzVerdict } from '../fuzz-verdict.js';

/** The two tenants of a sequence: the run's attacker and victim. */
export type TenantName = 'attacker' | 'victim';
/** Where a session keeps a value: a global variable or a file in its directory. */
export type Storage = 'global' | 'file';

/** What the harness believes about one session slot. */
export interface ModelSession {
  owner: TenantName;
  live: boolean;
  values: Map<string, string>;
}

/** The model: every slot ever created in this sequence, live or destroyed. */
export interface SessionModel {
  slots: Map<number, ModelSession>;
  maxPerTenant: number;
}

/** An answer as it must look the same for a foreign and an unknown session: code, message, data. */
export type RefusalShape = string;

/** The real system: the executor, the ids the slots got, and the first contradiction seen. */
export interface SessionReal {
  context: FuzzContext;
  ids: Map<number, string>;
  /** The refusal each tenant gets for a session id that never existed, by method. */
  unknown: Record<TenantName, { execute: RefusalShape; destroy: RefusalShape }>;
  contradiction?: Exclude<FuzzVerdict, { kind: 'held' }>;
}

/** Thrown to end a command sequence at its first contradiction (held in `real.contradiction`). */
export class Contradiction extends Error {}

export function principalOf(real: SessionReal, tenant: TenantName): Principal {
  return real.context.tenants[tenant];
}

export function liveCount(model: SessionModel, tenant: TenantName): number {
  return [...model.slots.values()].filter((s) => s.live && s.owner === tenant).length;
}
