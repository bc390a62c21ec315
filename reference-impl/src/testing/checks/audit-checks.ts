import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { verifyAuditChain } from '../../../../src/protocol/audit-chain.js';
import type { AuditEntry, ExecuteResult, Principal } from '../../../../src/protocol/generated/types.js';
import { alice, bob, type ExecutorUnderTest } from '../executor-under-test.js';
import { fail, inconclusive, ran, show, type SecurityCheck } from './security-check.js';

const py = (lines: string[]) => lines.join('\n');

/** Every audit entry of the principal's tenant, paging through audit/query. */
export async function allAuditEntries(executor: ExecutorUnderTest, principal: Principal): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let page = 0; page < 100; page++) {
    const answer = await executor.peer.request('audit/query', {
      principal,
      limit: 1000,
      ...(entries.length ? { afterSeq: entries.at(-1)!.chainSeq } : {}),
    });
    entries.push(...answer.entries);
    if (!answer.hasMore) return entries;
  }
  throw new Error('more than 100 pages of audit entries');
}

/** The tenant's entries as the log file on disk holds them. */
function fileChain(auditLog: string, tenantId: string): AuditEntry[] {
  return readFileSync(auditLog, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditEntry)
    .filter((entry) => entry.tenantId === tenantId);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Executions that succeed, fail, time out and are refused each leave one entry with the code's
 * hash, the principal, the language, the status and the limits hit; the tenant's chain verifies
 * (as queried and as written on disk), an edited entry breaks it, and another tenant sees none.
 */
export const auditChainCheck: SecurityCheck = {
  id: 'audit-chain',
  title: 'the audit hash chain records every attempt, verifies, and detects an edited entry',
  languages: ['javascript', 'python'],
  async run({ executor, auditLog }, language) {
    // 1. Four attempts with ids the check chooses.
    const tag = randomBytes(4).toString('hex');
    const ok = language === 'python' ? 'print("PAYLOAD-RAN")' : "console.log('PAYLOAD-RAN')";
    const loop = language === 'python' ? py(['while True:', '    pass']) : 'for (;;) {}';
    const attempts = [
      { id: `audit-ok-${tag}`, code: ok, policy: {}, status: 'ok' },
      {
        id: `audit-error-${tag}`,
        code: language === 'python' ? 'raise ValueError("boom")' : "throw new Error('boom')",
        policy: {},
        status: 'error',
      },
      { id: `audit-timeout-${tag}`, code: loop, policy: { wallTimeMs: 300 }, status: 'error', limit: 'wall_time' },
      {
        id: `audit-rejected-${tag}`,
        code: ok,
        policy: { wallTimeMs: executor.info.capabilities.maximums.wallTimeMs + 1 },
        status: 'rejected',
      },
    ];
    let first;
    for (const attempt of attempts) {
      const answer = await executor
        .execute(language, attempt.code, { executionId: attempt.id, policy: attempt.policy })
        .catch((error: unknown) => error);
      first ??= answer;
    }
    // 2. One entry each, saying what happened.
    const entries = await allAuditEntries(executor, alice);
    for (const attempt of attempts) {
      const mine = entries.filter((e) => e.executionId === attempt.id && e.event !== 'tool.call');
      if (mine.length !== 1) return fail(`expected one audit entry for ${attempt.id}, found ${mine.length}`);
      const entry = mine[0]!;
      const expected = {
        tenantId: alice.tenantId,
        userId: alice.userId,
        language,
        codeSha256: sha256(attempt.code),
        status: attempt.status,
      };
      const wrong = Object.entries(expected).filter(([key, value]) => entry[key as keyof AuditEntry] !== value);
      if (wrong.length)
        return fail(
          `the entry for ${attempt.id} records ${wrong.map(([k]) => `${k}=${show(entry[k as keyof AuditEntry])}`).join(', ')}, expected ${show(expected)}`,
        );
      if (attempt.limit && !entry.limitsHit?.includes(attempt.limit))
        return fail(`the entry for ${attempt.id} does not record the ${attempt.limit} limit: ${show(entry)}`);
    }
    // 3. The chain verifies, as answered and as stored; an edited copy does not.
    const breaks = verifyAuditChain(entries);
    if (breaks.length) return fail(`the queried chain does not verify: ${show(breaks)}`);
    const stored = fileChain(auditLog, alice.tenantId);
    if (verifyAuditChain(stored).length || stored.length !== entries.length)
      return fail(
        `the chain on disk (${stored.length} entries) does not verify or differs from the query (${entries.length})`,
      );
    const at = entries.findIndex((e) => e.executionId === attempts[1]!.id);
    const edited = entries.map((e, i) => (i === at ? { ...e, status: 'ok' } : e));
    if (verifyAuditChain(edited).length === 0) return fail('an entry whose status was edited still verifies');
    // 4. Another tenant's query shows none of these entries.
    const theirs = await allAuditEntries(executor, bob);
    if (theirs.some((e) => e.tenantId !== bob.tenantId || attempts.some((a) => a.id === e.executionId)))
      return fail("another tenant's audit query returned this tenant's entries");
    return first && typeof first === 'object' && 'stdout' in first
      ? ran(first as ExecuteResult)
      : inconclusive(`the first attempt did not run: ${show(first)}`);
  },
};

/**
 * The audit log sits where no sandbox can reach it: code that knows its path can neither read a
 * line of it nor append a forged entry. Observed on disk, not through the executor.
 */
export const auditOutOfReachCheck: SecurityCheck = {
  id: 'audit-out-of-reach',
  title: 'the audit log can be neither read nor written from a sandbox',
  languages: ['javascript', 'python'],
  async run({ executor, auditLog }, language) {
    const forged = `forged-${randomBytes(6).toString('hex')}`;
    const code =
      language === 'python'
        ? py([
            'import js',
            'print("PAYLOAD-RAN")',
            'try:',
            `    print(js.Deno.readTextFileSync("${auditLog}")[-300:])`,
            'except Exception as e:',
            '    print("denied", type(e).__name__)',
            'try:',
            `    f = open("${auditLog}", "a"); f.write("${forged}\\n"); f.close()`,
            '    print("python open worked")',
            'except Exception as e:',
            '    print("denied", type(e).__name__)',
            'try:',
            `    js.Deno.writeTextFileSync("${auditLog}", "${forged}\\n", js.JSON.parse('{"append": true}'))`,
            'except Exception as e:',
            '    print("denied", type(e).__name__)',
          ])
        : `console.log('PAYLOAD-RAN');
           try { console.log(Deno.readTextFileSync('${auditLog}').slice(-300)); } catch (e) { console.log('denied', e.name); }
           try { Deno.writeTextFileSync('${auditLog}', '${forged}\\n', { append: true }); } catch (e) { console.log('denied', e.name); }`;
    const result = await executor.execute(language, code);
    const text = readFileSync(auditLog, 'utf8');
    if (text.includes(forged)) return fail('the sandbox appended a forged line to the audit log');
    const lastHash = fileChain(auditLog, alice.tenantId).at(-2)?.hash;
    if (lastHash && JSON.stringify(result).includes(lastHash))
      return fail('the sandbox read the audit log: an entry hash surfaced in its output');
    if (/"chainSeq"/.test(result.stdout.text)) return fail('the sandbox read the audit log');
    return ran(result);
  },
};

export const auditChecks = [auditChainCheck, auditOutOfReachCheck];
