import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCodes } from '../../../../src/protocol/generated/error-codes.js';
import type { Language } from '../../../../src/protocol/generated/types.js';
import { isRpcError, type RpcError } from '../../../../src/protocol/rpc-error.js';
import { alice, bob, rita } from '../executor-under-test.js';
import {
  all,
  fail,
  inconclusive,
  isVerdict,
  pass,
  ran,
  rpcErrorOf,
  show,
  type CheckVerdict,
  type SecurityCheck,
} from './security-check.js';

const py = (lines: string[]) => lines.join('\n');
const wire = (error: RpcError) => JSON.stringify(error.toJson());
/** The wire form with fresh random values (audit entry ids) replaced by their count. */
const shape = (error: RpcError) =>
  JSON.stringify(error.toJson(), (key, value: unknown) =>
    key === 'auditIds' && Array.isArray(value) ? value.length : value,
  );

/**
 * Another tenant's session id is answered exactly like an id that never existed, for execute and
 * session/destroy: same code, same message, same data. Positive control: the owner can still use
 * the session afterwards, so it really existed (and was not destroyed by the other tenant).
 */
export const sessionIndistinguishableCheck: SecurityCheck = {
  id: 'session-indistinguishable',
  title: "another tenant's session cannot be told apart from an unknown id",
  languages: ['javascript'],
  async run({ executor }, language) {
    const sessionId = await executor.createSession(language);
    const unknownId = `s-${randomUUID()}`;
    const code = "console.log('PAYLOAD-RAN')";
    const asks = [
      (id: string) =>
        executor.execute(language, code, { principal: bob, sessionId: id, policy: { filesystem: 'session' } }),
      (id: string) => executor.peer.request('session/destroy', { principal: bob, sessionId: id }),
    ];
    for (const ask of asks) {
      const theirs = await rpcErrorOf(ask(sessionId));
      if (isVerdict(theirs)) return fail(`another tenant used the session: ${theirs.ok ? '' : theirs.why}`);
      const unknown = await rpcErrorOf(ask(unknownId));
      if (isVerdict(unknown)) return unknown;
      // The ids differ, so they are left out of the comparison should an answer repeat them.
      if (shape(theirs).split(sessionId).join('ID') !== shape(unknown).split(unknownId).join('ID'))
        return fail(`the answers differ: ${wire(theirs)} vs ${wire(unknown)}`);
      if (theirs.code !== ErrorCodes.SessionNotFound)
        return fail(`expected ${ErrorCodes.SessionNotFound}, got ${wire(theirs)}`);
    }
    const own = await executor.execute(language, code, { sessionId, policy: { filesystem: 'session' } });
    await executor.peer.request('session/destroy', { principal: alice, sessionId });
    return ran(own);
  },
};

/** A principal whose token belongs to another tenant is refused before anything runs. */
export const authenticationCheck: SecurityCheck = {
  id: 'authentication',
  title: "a request with another tenant's token is refused (-32005)",
  languages: ['javascript'],
  async run({ executor }, language) {
    const code = "console.log('PAYLOAD-RAN')";
    const refused = await rpcErrorOf(executor.execute(language, code, { principal: { ...alice, token: bob.token } }));
    if (isVerdict(refused)) return fail(`a borrowed token was accepted: ${refused.ok ? '' : refused.why}`);
    if (refused.code !== ErrorCodes.Unauthorized) return fail(`expected ${ErrorCodes.Unauthorized}: ${wire(refused)}`);
    return ran(await executor.execute(language, code));
  },
};

/**
 * A tenant that floods the executor is rate-limited (-32006). The requests are refused for a
 * policy above the maximum, so they cost nothing to run; they use their own tenant so that the
 * other checks keep their budget. Positive control: the first request was admitted and judged.
 */
export const rateLimitCheck: SecurityCheck = {
  id: 'rate-limit',
  title: 'each tenant is rate-limited (-32006)',
  languages: ['javascript'],
  async run({ executor }, language) {
    const tooLong = executor.info.capabilities.maximums.wallTimeMs + 1;
    const answers = await Promise.all(
      Array.from({ length: 300 }, () =>
        executor
          .execute(language, '', { principal: rita, policy: { wallTimeMs: tooLong } })
          .then(show, (e: unknown) => e),
      ),
    );
    const codes = answers.map((a) => (isRpcError(a) ? a.code : undefined));
    if (codes[0] !== ErrorCodes.InvalidParams)
      return fail(`the first request was not judged on its policy: ${show(answers[0])}`);
    if (!codes.includes(ErrorCodes.RateLimited))
      return fail(`300 requests at once were all admitted: ${[...new Set(codes)].join(', ')}`);
    const limited = answers[codes.indexOf(ErrorCodes.RateLimited)] as RpcError;
    return typeof limited.data?.retryAfterMs === 'number'
      ? pass
      : fail(`-32006 without retryAfterMs: ${wire(limited)}`);
  },
};

function plant(language: Language, token: string): string {
  return language === 'python'
    ? py(['print("PAYLOAD-RAN")', `planted = "${token}"`, `open("planted.txt", "w").write("${token}")`])
    : `console.log('PAYLOAD-RAN'); globalThis.planted = '${token}'; Deno.writeTextFileSync('planted.txt', '${token}');`;
}

function look(language: Language): string {
  return language === 'python'
    ? py([
        'print("PAYLOAD-RAN")',
        'print(globals().get("planted"))',
        'try:',
        '    print(open("planted.txt").read())',
        'except Exception as e:',
        '    print("no file", type(e).__name__)',
      ])
    : `console.log('PAYLOAD-RAN'); console.log(globalThis.planted); try { console.log(Deno.readTextFileSync('planted.txt')); } catch (e) { console.log('no file', e.name); }`;
}

/** Fails when the token shows in what the looking execution saw. */
function unseen(token: string, result: unknown, where: string): CheckVerdict {
  return JSON.stringify(result).includes(token) ? fail(`state planted earlier was visible to ${where}`) : pass;
}

/**
 * State (a global and a file) planted in one tenant's session is invisible to another tenant's
 * session of the same profile. Positive control: the owner's next run in its session sees it.
 */
export const sessionStateCheck: SecurityCheck = {
  id: 'session-state-isolation',
  title: "one tenant's session state is invisible to another tenant's session",
  languages: ['javascript', 'python'],
  async run({ executor }, language) {
    const token = `state-${randomBytes(8).toString('hex')}`;
    const inSession = { policy: { filesystem: 'session' as const } };
    const mine = await executor.createSession(language);
    const theirs = await executor.createSession(language, {}, bob);
    try {
      const planted = await executor.execute(language, plant(language, token), { ...inSession, sessionId: mine });
      const seen = await executor.execute(language, look(language), {
        ...inSession,
        sessionId: theirs,
        principal: bob,
      });
      const control = await executor.execute(language, look(language), { ...inSession, sessionId: mine });
      if (!JSON.stringify(control).includes(token))
        return inconclusive(`the owner's session lost its own state (positive control): ${show(control)}`);
      return all(ran(planted), ran(seen), unseen(token, seen, "another tenant's session"));
    } finally {
      await executor.peer.request('session/destroy', { principal: alice, sessionId: mine }).catch(() => undefined);
      await executor.peer.request('session/destroy', { principal: bob, sessionId: theirs }).catch(() => undefined);
    }
  },
};

/** A one-shot execution leaves nothing (globals, files) for the next one: sandboxes are single-use. */
export const oneShotStateCheck: SecurityCheck = {
  id: 'one-shot-isolation',
  title: 'one-shot executions never share a sandbox',
  languages: ['javascript', 'python'],
  async run({ executor }, language) {
    const token = `state-${randomBytes(8).toString('hex')}`;
    const planted = await executor.execute(language, plant(language, token));
    if (planted.status !== 'ok') return inconclusive(`the planting execution failed: ${show(planted)}`);
    const verdicts: CheckVerdict[] = [ran(planted)];
    // Several lookers, since a pool may hand the used sandbox to any later execution.
    for (let i = 0; i < 3; i++) {
      const seen = await executor.execute(language, look(language), { principal: bob });
      verdicts.push(ran(seen), unseen(token, seen, 'a later one-shot execution'));
    }
    return all(...verdicts);
  },
};

/**
 * Destroying a session wipes it: its directory is gone from the disk (the harness looks itself,
 * at the path the code reported) and its id is then answered like one that never existed.
 * Positive control: before the destroy, the harness finds the planted file at that path.
 */
export const sessionDestroyCheck: SecurityCheck = {
  id: 'session-destroy-wipes',
  title: 'destroying a session removes its directory and forgets its id',
  languages: ['javascript', 'python'],
  async run({ executor }, language) {
    const token = `state-${randomBytes(8).toString('hex')}`;
    const sessionId = await executor.createSession(language);
    const code =
      language === 'python'
        ? py([
            'import js',
            'print("PAYLOAD-RAN")',
            `js.Deno.writeTextFileSync("planted.txt", "${token}")`,
            'print("CWD", js.Deno.cwd())',
          ])
        : `console.log('PAYLOAD-RAN'); Deno.writeTextFileSync('planted.txt', '${token}'); console.log('CWD', Deno.cwd());`;
    const planted = await executor.execute(language, code, { sessionId, policy: { filesystem: 'session' } });
    const dir = /CWD (\S+)/.exec(planted.stdout.text)?.[1];
    if (!dir || !existsSync(join(dir, 'planted.txt')) || readFileSync(join(dir, 'planted.txt'), 'utf8') !== token)
      return inconclusive(`the session's file was not found where the code said it wrote it: ${show(planted)}`);
    await executor.peer.request('session/destroy', { principal: alice, sessionId });
    if (existsSync(dir)) return fail(`the destroyed session's directory ${dir} is still on the disk`);
    const after = await rpcErrorOf(
      executor.execute(language, "console.log('PAYLOAD-RAN')", { sessionId, policy: { filesystem: 'session' } }),
    );
    if (isVerdict(after)) return fail(`the destroyed session still runs code: ${after.ok ? '' : after.why}`);
    if (after.code !== ErrorCodes.SessionNotFound)
      return fail(`a destroyed session should be unknown (-32002): ${wire(after)}`);
    return ran(planted);
  },
};

export const tenancyChecks = [
  sessionIndistinguishableCheck,
  authenticationCheck,
  rateLimitCheck,
  sessionStateCheck,
  oneShotStateCheck,
  sessionDestroyCheck,
];
