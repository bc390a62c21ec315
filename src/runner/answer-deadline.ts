/**
 * How long the harness waits for an executor to answer a request that runs code under a wall-time
 * budget: the budget, plus the run's grace (`--grace-ms`), which covers what the budget does not,
 * such as a cold sandbox's start-up on a loaded machine. Only an executor that stays silent pays the
 * grace; whether the budget held is for the oracles to judge, on the harness clock. Every lane and
 * the runner's own requests (the executor pool, health probes) wait this long, so one `--grace-ms`
 * means the same everywhere.
 */
export function answerDeadline(wallTimeMs: number, graceMs: number): number {
  return wallTimeMs + graceMs;
}
