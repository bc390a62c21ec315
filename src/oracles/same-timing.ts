import { makeFinding } from './make-finding.js';
import type { StepObservation } from './observation.js';
import type { OracleFor } from './oracle.js';

/** A round's two times must differ by more than this, on the harness clock, to count as a difference at all. */
export const TIMING_FLOOR_MS = 20;

/** Fewer answered rounds than this give no finding: the sign test below needs enough of them. */
export const MIN_TIMING_ROUNDS = 16;

/** The share of the answered rounds that must differ in the same direction (17 of 20, 14 of 16). */
export const TIMING_MAJORITY = 0.85;

/**
 * The two listed steps, repeated in the same rounds, took the same time on the harness clock: a tenant must not
 * learn that another tenant's id exists from how long its refusal takes, even when the words are the same as for an
 * id that never existed (what same-answer checks).
 *
 * Judged by the harness clock only (each send's elapsedMs), round by round: d = time of the first step minus time of
 * the second. A round counts for a direction when |d| exceeds TIMING_FLOOR_MS (20 ms). A finding needs at least
 * MIN_TIMING_ROUNDS rounds in which both steps were answered, and at least TIMING_MAJORITY of them (17 of 20)
 * counting for the same direction.
 *
 * False alarms: scheduling jitter falls on both steps of a round alike (the rounds interleave them and alternate which
 * goes first), so under the null hypothesis each round counts for either direction with the same probability p ≤ 1/2
 * and independently of the other rounds. For 20 rounds the chance of 17 or more for one of the two directions is then
 * at most 2 · P(Binomial(20, 1/2) ≥ 17) = 2 · 1351 / 2^20 ≈ 2.6e-3, a bound reached only if every round's jitter
 * exceeded 20 ms; with jitter above 20 ms in half the rounds (p = 1/4) 2 · P(Binomial(20, 1/4) ≥ 17) ≈ 6e-8. Measured
 * against the reference beside two other runs and a CPU burner on two cores: 142 of 440 rounds over 20 ms, split
 * evenly (p ≈ 1/6, so 2 · P(Binomial(20, 1/6) ≥ 17) ≈ 8e-11), at most 8 of 20 in one direction. For 16 rounds
 * (14 needed) the worst-case bound is 2 · 137 / 2^16 ≈ 4.2e-3.
 *
 * Detection floor: a consistent difference is caught once it exceeds 20 ms plus the round's jitter in 17 of 20
 * rounds: reliably from about 35 ms on a quiet machine (against the reference with its foreign-id-slow delay set to
 * 35 ms, 6 of 6 cases failed; 25 ms, 1 of 4; 15 ms, none of 4), somewhat more under load (80 ms: 8 of 8 cases failed
 * beside two other runs and a CPU burner on two cores). A difference of microseconds (a map lookup that hits or
 * misses) is far below it: this catches an executor that does real work, such as loading the session's record from a
 * store, before it checks the tenant.
 */
export const sameTiming: OracleFor<'same-timing'> = {
  name: 'same-timing',
  description: "refusing another tenant's ids takes as long as refusing unknown ids, on the harness clock",
  requires: [],
  judge(observation, expectation) {
    const [firstId, secondId] = expectation.steps as [string, string];
    const differences = roundDifferences(observation.steps, firstId, secondId);
    const verdict = judgeDifferences(differences);
    if (!verdict) return [];
    const last = observation.steps.at(-1)!;
    const [slower, faster] = verdict.direction > 0 ? [firstId, secondId] : [secondId, firstId];
    return [
      makeFinding(
        'same-timing',
        `step ${slower} took over ${TIMING_FLOOR_MS} ms longer than step ${faster} in ${verdict.agreeing} of ` +
          `${differences.length} rounds (median difference ${Math.round(Math.abs(verdict.medianMs))} ms), so a ` +
          `tenant can tell which ids exist by how long their refusal takes`,
        last.startedAt + last.elapsedMs,
        {
          step: slower,
          expected:
            `fewer than ${verdict.needed} of ${differences.length} rounds differing by over ` +
            `${TIMING_FLOOR_MS} ms in one direction`,
          observed: `${firstId} minus ${secondId}, ms per round: ${differences.map((d) => Math.round(d)).join(', ')}`,
        },
      ),
    ];
  },
};

/** The verdict over per-round differences: undefined, or the direction (+1 the first step slower) that prevailed. */
export function judgeDifferences(
  differences: readonly number[],
): { direction: 1 | -1; agreeing: number; needed: number; medianMs: number } | undefined {
  if (differences.length < MIN_TIMING_ROUNDS) return undefined;
  const needed = Math.ceil(TIMING_MAJORITY * differences.length);
  const slower = differences.filter((d) => d > TIMING_FLOOR_MS).length;
  const faster = differences.filter((d) => d < -TIMING_FLOOR_MS).length;
  const agreeing = Math.max(slower, faster);
  if (agreeing < needed) return undefined;
  const sorted = [...differences].sort((a, b) => a - b);
  return { direction: slower >= faster ? 1 : -1, agreeing, needed, medianMs: sorted[Math.floor(sorted.length / 2)]! };
}

/** Per round in which both steps were answered: the first step's time minus the second's, in ms. */
function roundDifferences(steps: readonly StepObservation[], firstId: string, secondId: string): number[] {
  const byRound = (id: string) =>
    new Map(steps.filter((s) => s.id === id && s.round !== undefined && answered(s)).map((s) => [s.round!, s]));
  const first = byRound(firstId);
  const second = byRound(secondId);
  return [...first.entries()]
    .filter(([round]) => second.has(round))
    .sort(([a], [b]) => a - b)
    .map(([round, step]) => step.elapsedMs - second.get(round)!.elapsedMs);
}

/** Whether the executor answered the send (a refusal or a result): only then does its time say anything. */
function answered(step: StepObservation): boolean {
  return step.answer.kind === 'rpc-error' || step.answer.kind === 'result';
}
