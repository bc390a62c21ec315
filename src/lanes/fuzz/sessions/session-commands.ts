import fc from 'fast-check';
import { ErrorCodes } from '../../../protocol/generated/error-codes.js';
import type { Policy } from '../../../protocol/generated/types.js';
import { askExecutor, describeAnswer, type Answer } from '../ask-executor.js';
import { observeExecution } from '../fuzz-execution.js';
import { broken } from '../fuzz-verdict.js';
import { dialectOf, payloadLanguage } from '../payloads/payload-language.js';
import { loadCode, storeCode, swapGlobalCode } from '../payloads/session-code.js';
import {
  Contradiction,
  liveCount,
  principalOf,
  type SessionModel,
  type SessionReal,
  type Storage,
  type TenantName,
} from './session-model.js';

/** A command as data: what regression files store and `decodeCommand` turns back into a command. */
export type SessionOp =
  | { op: 'create'; tenant: TenantName; slot: number }
  | { op: 'set'; actor: TenantName; slot: number; key: string; value: string; storage: Storage }
  | { op: 'get'; actor: TenantName; slot: number; key: string; storage: Storage }
  | { op: 'destroy'; actor: TenantName; slot: number }
  | { op: 'one-shot'; tenant: TenantName; key: string; value: string };

const TENANTS: TenantName[] = ['attacker', 'victim'];
const SLOTS = 3;
const KEYS = ['k0', 'k1'];

/** The policy of every session and of the executions in it: the run's, with a session directory. */
export function sessionPolicy(base: Policy): Policy {
  return { ...base, filesystem: 'session', wallTimeMs: Math.min(base.wallTimeMs, 5000) };
}

/**
 * The refusal's code, message and data with the session id blanked and audit ids counted (each
 * request has its own): what must not differ between a foreign or destroyed session and an unknown one.
 */
export function refusalShape(answer: Answer<unknown>, sessionId: string): string {
  if (answer.kind !== 'rpc-error') return describeAnswer(answer);
  const data = answer.data as { auditIds?: unknown } | undefined;
  const comparable =
    data && Array.isArray(data.auditIds) ? { ...data, auditIds: `${data.auditIds.length} id(s)` } : (data ?? null);
  return JSON.stringify([answer.code, answer.message, comparable]).split(sessionId).join('<id>');
}

function fail(real: SessionReal, message: string, expected: string, observed: string): never {
  real.contradiction = broken(message, { expected, observed }) as SessionReal['contradiction'];
  throw new Contradiction(message);
}

/** Runs code in a slot's session as `actor`; the model decides what must come back. */
async function inSession(
  model: SessionModel,
  real: SessionReal,
  op: { actor: TenantName; slot: number },
  code: string,
  what: string,
): Promise<{ owned: boolean; answer: Answer<unknown>; result?: unknown }> {
  const session = model.slots.get(op.slot)!;
  const sessionId = real.ids.get(op.slot)!;
  const observed = await observeExecution(real.context, {
    principal: principalOf(real, op.actor),
    language: payloadLanguage(real.context),
    code,
    sessionId,
    policy: sessionPolicy(real.context.basePolicy),
  });
  const { answer } = observed;
  const owned = session.live && session.owner === op.actor;
  if (!owned) {
    const why = session.live ? `${op.actor} used ${session.owner}'s session` : `${op.actor} used a destroyed session`;
    const shape = refusalShape(answer, sessionId);
    if (
      answer.kind !== 'rpc-error' ||
      answer.code !== ErrorCodes.SessionNotFound ||
      shape !== real.unknown[op.actor].execute
    ) {
      fail(
        real,
        `${why} to ${what}, and the answer differed from the one for a session that does not exist`,
        `as for an unknown session: ${real.unknown[op.actor].execute}`,
        describeAnswer(answer),
      );
    }
    return { owned, answer };
  }
  if (answer.kind !== 'result' || answer.result.status !== 'ok')
    fail(real, `${op.actor} could not ${what} in its own session`, 'a result with status ok', describeAnswer(answer));
  return { owned, answer, result: answer.result.result };
}

class Create implements fc.AsyncCommand<SessionModel, SessionReal> {
  constructor(readonly op: Extract<SessionOp, { op: 'create' }>) {}
  check(model: SessionModel) {
    return !model.slots.has(this.op.slot) && liveCount(model, this.op.tenant) < model.maxPerTenant;
  }
  async run(model: SessionModel, real: SessionReal) {
    const answer = await askExecutor(
      await real.context.connection(),
      'session/create',
      {
        principal: principalOf(real, this.op.tenant),
        language: payloadLanguage(real.context),
        policy: sessionPolicy(real.context.basePolicy),
      },
      30_000,
      real.context.signal,
    );
    if (answer.kind !== 'result')
      fail(real, `${this.op.tenant} could not create a session`, 'a session id', describeAnswer(answer));
    real.ids.set(this.op.slot, answer.result.sessionId);
    model.slots.set(this.op.slot, { owner: this.op.tenant, live: true, values: new Map() });
  }
  toString() {
    return `create(${this.op.tenant}, #${this.op.slot})`;
  }
}

class SetValue implements fc.AsyncCommand<SessionModel, SessionReal> {
  constructor(readonly op: Extract<SessionOp, { op: 'set' }>) {}
  check(model: SessionModel) {
    return model.slots.has(this.op.slot);
  }
  async run(model: SessionModel, real: SessionReal) {
    const { owned, result } = await inSession(
      model,
      real,
      this.op,
      storeCode(dialectOf(payloadLanguage(real.context)), this.op.key, this.op.value, this.op.storage),
      `set ${this.op.key}`,
    );
    if (!owned) return;
    if (result !== 'set')
      fail(
        real,
        `${this.op.actor}'s code to set ${this.op.key} did not run as written`,
        '"set"',
        JSON.stringify(result) ?? 'no result',
      );
    model.slots.get(this.op.slot)!.values.set(`${this.op.storage}:${this.op.key}`, this.op.value);
  }
  toString() {
    return `set(${this.op.actor}, #${this.op.slot}, ${this.op.storage} ${this.op.key}=${this.op.value})`;
  }
}

class GetValue implements fc.AsyncCommand<SessionModel, SessionReal> {
  constructor(readonly op: Extract<SessionOp, { op: 'get' }>) {}
  check(model: SessionModel) {
    return model.slots.has(this.op.slot);
  }
  async run(model: SessionModel, real: SessionReal) {
    const { owned, result } = await inSession(
      model,
      real,
      this.op,
      loadCode(dialectOf(payloadLanguage(real.context)), this.op.key, this.op.storage),
      `get ${this.op.key}`,
    );
    if (!owned) return;
    const expected = model.slots.get(this.op.slot)!.values.get(`${this.op.storage}:${this.op.key}`) ?? null;
    if (!Array.isArray(result) || result.length !== 1)
      fail(
        real,
        `${this.op.actor}'s code to get ${this.op.key} did not run as written`,
        `[${JSON.stringify(expected)}]`,
        JSON.stringify(result) ?? 'no result',
      );
    if (result[0] !== expected)
      fail(
        real,
        `${this.op.actor} read ${this.op.storage} ${this.op.key} in session #${this.op.slot} and ` +
          `got what the model says is not there`,
        JSON.stringify(expected),
        JSON.stringify(result[0]),
      );
  }
  toString() {
    return `get(${this.op.actor}, #${this.op.slot}, ${this.op.storage} ${this.op.key})`;
  }
}

class Destroy implements fc.AsyncCommand<SessionModel, SessionReal> {
  constructor(readonly op: Extract<SessionOp, { op: 'destroy' }>) {}
  check(model: SessionModel) {
    return model.slots.has(this.op.slot);
  }
  async run(model: SessionModel, real: SessionReal) {
    const session = model.slots.get(this.op.slot)!;
    const sessionId = real.ids.get(this.op.slot)!;
    const answer = await askExecutor(
      await real.context.connection(),
      'session/destroy',
      { principal: principalOf(real, this.op.actor), sessionId },
      30_000,
      real.context.signal,
    );
    if (session.live && session.owner === this.op.actor) {
      if (answer.kind !== 'result' || !answer.result.destroyed)
        fail(real, `${this.op.actor} could not destroy its own session`, '{ destroyed: true }', describeAnswer(answer));
      session.live = false;
      return;
    }
    if (
      answer.kind !== 'rpc-error' ||
      answer.code !== ErrorCodes.SessionNotFound ||
      refusalShape(answer, sessionId) !== real.unknown[this.op.actor].destroy
    ) {
      fail(
        real,
        `${this.op.actor} destroyed ${session.live ? `${session.owner}'s` : 'a destroyed'} session, ` +
          `and the answer differed from the one for a session that does not exist`,
        real.unknown[this.op.actor].destroy,
        describeAnswer(answer),
      );
    }
  }
  toString() {
    return `destroy(${this.op.actor}, #${this.op.slot})`;
  }
}

class OneShot implements fc.AsyncCommand<SessionModel, SessionReal> {
  constructor(readonly op: Extract<SessionOp, { op: 'one-shot' }>) {}
  check() {
    return true;
  }
  async run(_model: SessionModel, real: SessionReal) {
    const language = payloadLanguage(real.context);
    const observed = await observeExecution(real.context, {
      principal: principalOf(real, this.op.tenant),
      language,
      code: swapGlobalCode(dialectOf(language), this.op.key, this.op.value),
      policy: real.context.basePolicy,
    });
    const { answer } = observed;
    if (answer.kind !== 'result' || answer.result.status !== 'ok')
      fail(
        real,
        `${this.op.tenant} could not run a one-shot execution`,
        'a result with status ok',
        describeAnswer(answer),
      );
    const before = answer.result.result;
    if (!Array.isArray(before) || before.length !== 1)
      fail(
        real,
        `a one-shot execution of ${this.op.tenant} did not run as written`,
        '[null]',
        JSON.stringify(before) ?? 'no result',
      );
    if (before[0] !== null)
      fail(
        real,
        `a one-shot execution of ${this.op.tenant} found state left by another execution`,
        'null',
        JSON.stringify(before[0]),
      );
  }
  toString() {
    return `oneShot(${this.op.tenant}, ${this.op.key}=${this.op.value})`;
  }
}

/** The command of an op. */
export function decodeCommand(op: SessionOp): fc.AsyncCommand<SessionModel, SessionReal> {
  switch (op.op) {
    case 'create':
      return new Create(op);
    case 'set':
      return new SetValue(op);
    case 'get':
      return new GetValue(op);
    case 'destroy':
      return new Destroy(op);
    case 'one-shot':
      return new OneShot(op);
  }
}

/** The op of a command, for regression files. */
export function encodeCommand(command: fc.AsyncCommand<SessionModel, SessionReal>): SessionOp {
  return (command as unknown as { op: SessionOp }).op;
}

const tenant = fc.constantFrom(...TENANTS);
const slot = fc.integer({ min: 0, max: SLOTS - 1 });
const key = fc.constantFrom(...KEYS);
const value = fc.integer({ min: 0, max: 999 }).map((n) => `v${n}`);
const storage = fc.constantFrom<Storage>('global', 'file');

/** Arbitraries of every command, creation and use weighted up so sessions exist to be used. */
export const sessionCommandArbitraries: Array<fc.Arbitrary<fc.AsyncCommand<SessionModel, SessionReal>>> = [
  fc.record({ op: fc.constant('create' as const), tenant, slot }).map(decodeCommand),
  fc.record({ op: fc.constant('create' as const), tenant, slot }).map(decodeCommand),
  fc.record({ op: fc.constant('set' as const), actor: tenant, slot, key, value, storage }).map(decodeCommand),
  fc.record({ op: fc.constant('set' as const), actor: tenant, slot, key, value, storage }).map(decodeCommand),
  fc.record({ op: fc.constant('get' as const), actor: tenant, slot, key, storage }).map(decodeCommand),
  fc.record({ op: fc.constant('get' as const), actor: tenant, slot, key, storage }).map(decodeCommand),
  fc.record({ op: fc.constant('destroy' as const), actor: tenant, slot }).map(decodeCommand),
  fc.record({ op: fc.constant('one-shot' as const), tenant, key, value }).map(decodeCommand),
];
