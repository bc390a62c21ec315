import fc from 'fast-check';
import { describeAnswer } from '../ask-executor.js';
import { observeExecution } from '../fuzz-execution.js';
import { defineProperty } from '../fuzz-property.js';
import { broken, held, inconclusive, notRun } from '../fuzz-verdict.js';
import { limitProofs } from './limit-proofs.js';
import { proofShown } from '../../../scenarios/proof-of-execution.js';
import { withHiddenProofs } from '../fuzz-proof.js';
import { dialectOf, payloadLanguage, PAYLOAD_LANGUAGES } from '../payloads/payload-language.js';
import { STARTED_TOOL, WALL_TIME_STYLES, wallTimeCode, type WallTimeStyle } from '../payloads/wall-time-code.js';
import { answerDeadline } from '../../../runner/answer-deadline.js';

export interface WallTimeInput {
  wallTimeMs: number;
  style: WallTimeStyle;
}

/** How late the harness accepts the answer after the code started: the budget plus slack for a loaded machine. */
export function wallTimeTolerance(wallTimeMs: number): number {
  return wallTimeMs + Math.max(1500, wallTimeMs / 2);
}

/** The payload keeps going well past any tolerance, then says so: an unenforced budget shows as data, not as a hang. */
function overrun(wallTimeMs: number): number {
  return wallTimeTolerance(wallTimeMs) * 2;
}

/**
 * Wall time: for budgets within the advertised range (bounded to keep the lane fast), code that
 * never stops on its own must be stopped with a timeout error within tolerance of its budget,
 * measured on the harness's clock; an answer before the budget ran out is a wrong limit too.
 */
export const limitWallTime = defineProperty<WallTimeInput>({
  name: 'limit-wall-time',
  title: 'the wall-time budget stops the code in time, by the harness clock',
  stride: 'denial-of-service',
  severity: 'high',
  tags: ['fuzz', 'limits', 'wall-time'],
  remediation:
    'Stop every process, thread and worker of the execution when its wall-time budget runs out, and ' +
    'report a timeout error.',
  runs: 8,
  languages: PAYLOAD_LANGUAGES,
  // A budget declared `none` is disclosed, not enforced (§4.3): the case does not apply, as in the scenarios (§4.4).
  unsupportedReason: ({ initialize }) =>
    initialize.capabilities.limits.wallTime === 'none'
      ? 'the executor declares no wall-time limit (capabilities.limits.wallTime: none)'
      : undefined,
  arbitrary({ initialize }) {
    return fc.record({
      wallTimeMs: fc.integer({ min: 100, max: Math.min(1200, initialize.capabilities.maximums.wallTimeMs) }),
      style: fc.constantFrom(...WALL_TIME_STYLES),
    });
  },
  async check(input, context) {
    const budget = input.wallTimeMs;
    const language = payloadLanguage(context);
    const announce =
      context.initialize.capabilities.tools.supported &&
      context.initialize.capabilities.tools.languages.includes(language);
    const proofs = limitProofs(context, input, language);
    const code = wallTimeCode(
      dialectOf(language),
      { style: input.style, overrunMs: overrun(budget), announce },
      proofs,
    );
    const sent = performance.now();
    const observed = await observeExecution(context, {
      principal: context.tenants.attacker,
      language,
      code: withHiddenProofs(code, proofs.control, proofs.pastLimit),
      policy: {
        ...context.basePolicy,
        wallTimeMs: budget,
        ...(announce ? { tools: [{ name: STARTED_TOOL, inputSchema: { type: 'object' } }] } : {}),
      },
      tools: () => ({ value: 'go' }),
      deadlineMs: answerDeadline(overrun(budget), context.graceMs),
    });
    const { answer } = observed;
    // From the code's start when it announced it, else from the request: both on the harness clock.
    const ran = Math.round(observed.answeredAt - (observed.toolCallTimes[0] ?? sent));
    const late = wallTimeTolerance(budget);
    const started =
      proofShown(proofs.control, answer.kind === 'result' ? answer.result.stdout.text : '') ||
      observed.toolCalls.some((c) => proofShown(proofs.control, JSON.stringify(c.arguments ?? null)));
    if (answer.kind === 'no-answer')
      return broken(`code with a ${budget} ms budget was not stopped: no answer within ${answer.deadlineMs} ms`, {
        expected: `a timeout error within ${late} ms`,
        observed: 'no answer',
      });
    if (answer.kind !== 'result') return inconclusive(`the execution gave no result: ${describeAnswer(answer)}`);
    const { result } = answer;
    if (proofShown(proofs.pastLimit, result.stdout.text) || result.status === 'ok') {
      return broken(`code with a ${budget} ms budget ran on for ${answer.elapsedMs} ms (harness clock) and finished`, {
        expected: `a timeout error within ${late} ms`,
        observed: describeAnswer(answer),
        excerpt: result.stdout.text.slice(0, 500),
      });
    }
    // A budget that ran out while the sandbox was still starting (a process, a TypeScript compile, an interpreter, a
    // loaded machine) stopped the code before it began, even before its announcement: no evidence that the code runs,
    // so the input judges nothing. Start-up before the budget began counts on the harness clock too, so the answer may
    // come later than the tolerance.
    if (
      !started &&
      observed.toolCallTimes.length === 0 &&
      result.error.type === 'timeout' &&
      answer.elapsedMs >= budget * 0.9
    )
      return notRun(`the ${budget} ms budget ran out before the code started: ${describeAnswer(answer)}`);
    if (!started)
      return inconclusive(
        `the payload never showed its proof of execution (${proofs.control.value}): ${describeAnswer(answer)}`,
      );
    // Without the announcement the harness cannot time the code from its start; a timeout it reports judges nothing
    // then.
    if (announce && observed.toolCallTimes.length === 0 && result.error.type === 'timeout')
      return notRun(`the payload's start announcement never reached the harness: ${describeAnswer(answer)}`);
    if (announce && observed.toolCallTimes.length === 0)
      return inconclusive(`the payload never announced its start: ${describeAnswer(answer)}`);
    if (ran > late)
      return broken(`code with a ${budget} ms budget was stopped only ${ran} ms after it started (harness clock)`, {
        expected: `stopped within ${late} ms`,
        observed: `${ran} ms`,
      });
    if (answer.elapsedMs < budget * 0.9)
      return broken(
        `code with a ${budget} ms budget was stopped after ${answer.elapsedMs} ms (harness clock), ` +
          `before its budget ran out`,
        { expected: `at least ${budget} ms`, observed: `${answer.elapsedMs} ms` },
      );
    if (result.error.type !== 'timeout')
      return broken(`the wall-time stop was reported as ${result.error.type}, not timeout`, {
        expected: 'error type timeout',
        observed: describeAnswer(answer),
      });
    return held;
  },
});
