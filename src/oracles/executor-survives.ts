import type { Language } from '../protocol/generated/types.js';
import { assertProofsHidden, makeProof, proofShown } from '../scenarios/proof-of-execution.js';
import { makeFinding } from './make-finding.js';
import type { ProbeResult } from './observation.js';
import type { OracleFor } from './oracle.js';

/** Code that prints a proof expression, per language. */
const probeCode: Record<Language, (expression: string) => string> = {
  javascript: (e) => `console.log(${e});`,
  typescript: (e) => `const probe: string = ${e};\nconsole.log(probe);`,
  python: (e) => `print(${e})`,
  shell: (e) => `echo ${e}`,
};

/** After the attack, the same executor still answers ping and runs a fresh probe correctly. */
export const executorSurvives: OracleFor<'executor-survives'> = {
  name: 'executor-survives',
  description: 'the executor answers a follow-up probe after the attack',
  requires: [],
  async collect(context, expectation): Promise<ProbeResult> {
    const started = Date.now();
    const deadlineMs = expectation.deadlineMs ?? 15_000;
    const done = (ok: boolean, detail: string): ProbeResult => ({
      ok,
      detail,
      at: Date.now(),
      elapsedMs: Date.now() - started,
    });
    const gone = context.closedReason();
    if (gone) return done(false, `the executor cannot serve another execution: ${gone}`);
    try {
      // 1. Liveness, then 2. a real execution that must compute a value only running it reveals.
      await context.request('ping', {}, deadlineMs);
      const proof = makeProof(context.tokens, 'probe', context.language);
      const code = probeCode[context.language](proof.expression);
      assertProofsHidden(code, [proof]);
      const result = await context.request(
        'execute',
        { principal: context.attacker, language: context.language, code, policy: context.basePolicy },
        deadlineMs,
      );
      if (result.status !== 'ok')
        return done(false, `the probe ended with ${result.error.type}: ${result.error.message.slice(0, 200)}`);
      return proofShown(proof, result.stdout.text)
        ? done(true, 'probe answered')
        : done(
            false,
            `the probe's output lacks its proof of execution (${proof.value}): ` +
              `${JSON.stringify(result.stdout.text.slice(0, 200))}`,
          );
    } catch (error) {
      return done(false, `the probe failed: ${(error as Error).message}`);
    }
  },
  judge(observation) {
    const probe = observation.collected['executor-survives'] as ProbeResult | undefined;
    if (!probe || probe.ok) return [];
    return [
      makeFinding('executor-survives', `the executor did not survive the attack: ${probe.detail}`, probe.at, {
        channel: 'executor-process',
        observed: probe.detail,
      }),
    ];
  },
};
