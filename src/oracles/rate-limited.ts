import { ErrorCodes } from '../protocol/generated/error-codes.js';
import type { Capabilities, Policy, Principal } from '../protocol/generated/types.js';
import { RpcError } from '../protocol/rpc-error.js';
import { makeFinding } from './make-finding.js';
import type { CollectContext, OracleFor } from './oracle.js';

type RateLimit = NonNullable<Capabilities['rateLimit']>;

/** The most requests one flood sends: a declared rate that needs more cannot be exceeded here. */
const FLOOD_MAX = 1000;
const ANSWER_DEADLINE_MS = 15_000;

/** How one request of the flood was answered: let past the rate check, rate-limited, or not at all. */
type FloodAnswer = 'passed' | 'limited' | 'none';

/** What the flood observed, on the harness clock. */
export interface RateFlood {
  sent: number;
  passed: number;
  limited: number;
  unanswered: number;
  /** From sending the first request to the last answer. */
  windowMs: number;
  /** Where the most requests had got past the rate check beyond the bucket's bound, if anywhere. */
  excess?: { passed: number; atMs: number; allowed: number };
  victim: FloodAnswer;
  at: number;
}

/**
 * The executor enforces the rate it declares. The flood is session/create requests the executor
 * refuses anyway (a wall time above its maximum), so nothing is created and no session or
 * concurrency cap answers for the rate: a token bucket lets at most burst + perSecond × elapsed
 * time of them past its check, whatever they are refused for next. Then the victim's same request
 * must not find its bucket empty when the scope is tenant.
 */
export const rateLimited: OracleFor<'rate-limited'> = {
  name: 'rate-limited',
  description: 'the executor refuses requests above its declared rate with -32006, per tenant',
  requires: ['rate-limit', 'sessions'],
  async collect(context): Promise<RateFlood | undefined> {
    const rate = context.capabilities.rateLimit;
    if (!rate || context.closedReason()) return undefined;
    // 1. Twice what the bucket can hold over two seconds, all at once.
    const sent = Math.min(FLOOD_MAX, 2 * rate.burst + 4 * Math.ceil(rate.perSecond) + 2);
    const policy: Policy = { ...context.basePolicy, wallTimeMs: context.capabilities.maximums.wallTimeMs + 1 };
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: sent }, () => ask(context, context.attacker, policy, started)),
    );
    // 2. Then the other tenant, once.
    const victim = (await ask(context, context.victim, policy, started)).kind;
    const count = (kind: FloodAnswer) => answers.filter((a) => a.kind === kind).length;
    return {
      sent,
      passed: count('passed'),
      limited: count('limited'),
      unanswered: count('none'),
      excess: worstExcess(answers, rate),
      windowMs: Math.max(0, ...answers.map((a) => a.atMs)),
      victim,
      at: Date.now(),
    };
  },
  judge(observation) {
    const flood = observation.collected['rate-limited'] as RateFlood | undefined;
    const rate = observation.capabilities.rateLimit;
    if (!flood || !rate) return [];
    const findings = [];
    if (flood.excess) {
      const { passed, atMs, allowed } = flood.excess;
      const observed =
        `${passed} requests past the rate check within ${Math.round(atMs)} ms of the flood's start ` +
        `(of ${flood.sent}; ${flood.limited} answered -32006)`;
      findings.push(
        makeFinding(
          'rate-limited',
          `one tenant's requests were not limited to the declared rate (burst ${rate.burst}, ` +
            `${rate.perSecond}/s, scope ${rate.scope}): ${observed}`,
          flood.at,
          { channel: 'rpc-error', expected: `at most ${allowed} requests past the rate check by then`, observed },
        ),
      );
    }
    if (flood.unanswered > 0) {
      findings.push(
        makeFinding(
          'rate-limited',
          `${flood.unanswered} of ${flood.sent} requests of the flood got no answer within ` +
            `${ANSWER_DEADLINE_MS} ms: a rate limit answers at once`,
          flood.at,
          { channel: 'executor-process', observed: `${flood.unanswered} unanswered` },
        ),
      );
    }
    if (rate.scope === 'tenant' && flood.victim === 'limited') {
      findings.push(
        makeFinding(
          'rate-limited',
          "another tenant was rate-limited by the attacker's flood, though the declared scope is tenant",
          flood.at,
          {
            channel: 'rpc-error',
            expected: "the victim's request is not answered -32006",
            observed: 'JSON-RPC error -32006',
          },
        ),
      );
    }
    return findings;
  },
};

async function ask(
  context: CollectContext,
  principal: Principal,
  policy: Policy,
  started: number,
): Promise<{ kind: FloodAnswer; atMs: number }> {
  const answered = (kind: FloodAnswer) => ({ kind, atMs: performance.now() - started });
  try {
    await context.request('session/create', { principal, language: context.language, policy }, ANSWER_DEADLINE_MS);
    return answered('passed');
  } catch (error) {
    if (error instanceof RpcError) return answered(error.code === ErrorCodes.RateLimited ? 'limited' : 'passed');
    return answered('none');
  }
}

/**
 * The point of the flood where the most requests had got past the rate check beyond what the
 * bucket allows: a request is checked before it is answered, so by the time of any answer at
 * most burst + perSecond × that time (+1 for rounding) of the requests answered so far can have
 * passed. Undefined when the bound held throughout.
 */
function worstExcess(answers: readonly { kind: FloodAnswer; atMs: number }[], rate: RateLimit): RateFlood['excess'] {
  let passed = 0;
  let worst: RateFlood['excess'];
  for (const answer of [...answers].sort((a, b) => a.atMs - b.atMs)) {
    if (answer.kind !== 'passed') continue;
    passed += 1;
    const allowed = Math.floor(rate.burst + (rate.perSecond * answer.atMs) / 1000 + 1);
    if (passed > allowed && (!worst || passed - allowed > worst.passed - worst.allowed))
      worst = { passed, atMs: answer.atMs, allowed };
  }
  return worst;
}
