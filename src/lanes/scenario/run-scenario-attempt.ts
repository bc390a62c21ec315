import { setTimeout as delay } from 'node:timers/promises';
import { canaryRegistry } from '../../canaries/canary-registry.js';
import type { ExecutorAccess, PlantedCanary } from '../../canaries/canary.js';
import { TokenSource } from '../../canaries/token-source.js';
import { isHarnessError } from '../../errors/harness-error.js';
import { RpcError } from '../../protocol/rpc-error.js';
import { implausibleLimitErrors } from '../../oracles/implausible-limit-errors.js';
import { makeFinding } from '../../oracles/make-finding.js';
import type { Observation } from '../../oracles/observation.js';
import type { CollectContext } from '../../oracles/oracle.js';
import { judgeExpectation, oracleOf } from '../../oracles/oracle-registry.js';
import type { Language } from '../../protocol/generated/types.js';
import type { Finding } from '../../report/generated/types.js';
import type { LoadedScenario } from '../../scenarios/loaded-scenario.js';
import { makeProof } from '../../scenarios/proof-of-execution.js';
import { CaseRecorder } from './case-recorder.js';
import { unsupportedReason } from './case-support.js';
import { collectAudit } from './collect-audit.js';
import { cancelOvertookProof, PAUSE_SCALES } from './cancel-overtook-proof.js';
import { decideAttempt } from './decide-attempt.js';
import { ExecutorClock } from './executor-clock.js';
import type { ExecutorLease } from '../../runner/executor-lease.js';
import type { AttemptContext, AttemptResult } from '../../runner/runnable-case.js';
import { runSteps } from './run-steps.js';
import { stepRecord } from './step-record.js';
import { checkHealth, takeBaseline } from './check-health.js';
import { needsOwnExecutor } from './needs-own-executor.js';
import { answerDeadline } from '../../runner/answer-deadline.js';

/**
 * Lets late stderr chunks and datagrams arrive before the evidence is sealed: the evidence stays
 * open at least this long after the steps' last answer. What the executor or its sandboxes emit
 * late is the executor's latency, so the part of it no request overlapped counts as executor time.
 */
const SETTLE_MS = 25;

/**
 * One attempt of a scenario in one language. Throws only for harness bugs; a harness error
 * (a canary that could not be planted, an executor that would not start) errors the attempt.
 */
export async function runScenarioAttempt(
  loaded: LoadedScenario,
  language: Language,
  context: AttemptContext,
): Promise<AttemptResult> {
  const { scenario } = loaded;
  const { services, signal, caseId } = context;
  // 1. Can it run here at all?
  const unsupported = unsupportedReason(scenario, language, services);
  if (unsupported) return { status: 'unsupported', reason: unsupported, findings: [], steps: [], executorMs: 0 };
  // 2. Fresh values for this attempt, all derived from the run's seed.
  const tokens = new TokenSource(services.seed, `${caseId}#${context.attempt}`);
  const proofs = { before: makeProof(tokens, 'proof', language), after: makeProof(tokens, 'proof.after', language) };
  const observation: Observation = {
    caseId,
    language,
    proofs: { before: proofs.before.value, after: proofs.after.value },
    nonce: `nonce-${tokens.word('nonce', 20)}`,
    tokens: [],
    capabilities: services.initialize.capabilities,
    steps: [],
    toolCalls: [],
    executorLog: [],
    listenerHits: [],
    collected: {},
  };
  const clock = new ExecutorClock();
  const planted: PlantedCanary[] = [];
  let lease: ExecutorLease | undefined;
  let recorder: CaseRecorder | undefined;
  let failure: unknown;
  let stepsEnded: number | undefined;
  try {
    // 3. Host-side canaries: files, listeners, secrets, the env of a dedicated executor.
    for (const kind of scenario.canaries) {
      planted.push(
        await canaryRegistry[kind].plant({
          tokens: tokens.child(kind),
          slug: tokens.word('slug', 12),
          hostDir: services.hostDir,
          tenants: services.tenants,
          target: services.canaryTarget,
          language,
        }),
      );
    }
    observation.tokens = planted.flatMap((p) => p.tokens);
    // 4. An executor for the case: a dedicated one when the case needs its own environment.
    const env = Object.assign({}, ...planted.map((p) => p.executorEnv ?? {})) as Record<string, string>;
    const dedicated = needsOwnExecutor(scenario, services.canaryTarget);
    // Only an executor started for the case can take its environment; dropping it would hide the canary.
    if (!dedicated && Object.keys(env).length > 0)
      throw new Error(`${caseId}: a canary set executor variables, but the case shares its executor`);
    lease = await services.pool.lease(dedicated ? env : undefined);
    clock.add(lease.startMs);
    // Recorded from here: what the executor does during the baseline probe on this lease is this case's.
    recorder = new CaseRecorder(lease.connection);
    const leased = lease;
    await clock.time(() => takeBaseline(leased, language, context, tokens.word('baseline', 20)));
    // 5. Canaries that live inside the executor (another tenant's session).
    for (const canary of planted) await canary.inject?.(executorAccess(lease, clock, context));
    // 6. The steps.
    const variables = new Map<string, string>([
      ['proof', proofs.before.expression],
      ['proof.after', proofs.after.expression],
      ['nonce', observation.nonce],
      ['tenant.attacker.id', services.tenants.attacker.tenantId],
      ['tenant.victim.id', services.tenants.victim.tenantId],
    ]);
    for (const canary of planted)
      for (const [name, value] of Object.entries(canary.variables))
        variables.set(`canary.${canary.kind}.${name}`, value);
    //    Again with longer pauses while one of the harness's cancels overtook the code it addressed.
    for (const [index, pauseScale] of PAUSE_SCALES.entries()) {
      observation.steps = await runSteps({
        scenario,
        file: loaded.file,
        language,
        lease,
        clock,
        signal,
        tenants: services.tenants,
        basePolicy: services.basePolicy,
        graceMs: services.graceMs,
        canaries: planted,
        variables,
        proofs,
        executionPrefix: `gx${tokens.word(index === 0 ? 'execution' : `execution-${index}`, 12)}`,
        pauseScale,
      });
      if (signal.aborted || !cancelOvertookProof(observation.steps)) break;
    }
    stepsEnded = performance.now();
    // 7. Evidence gathered after the steps: the audit entries, then what oracles collect.
    observation.audit = await collectAudit(observation, lease, services.tenants, clock);
    const collect = collectContext(lease, clock, context, tokens, language);
    for (const expectation of scenario.expect) {
      const oracle = oracleOf(expectation);
      if (oracle.collect) observation.collected[oracle.name] = await oracle.collect(collect, expectation);
    }
  } catch (error) {
    // A refused setup request (the executor said no to planting a canary) errors the attempt too.
    if (!isHarnessError(error) && !(error instanceof RpcError)) throw error;
    failure = error;
  } finally {
    // 8. Seal the evidence while the health probe runs, then release everything the attempt acquired.
    //    A shared executor must be as healthy as a fresh one before another case gets it (not after
    //    an interrupted run: nothing runs next, and a probe would only hold the stop up).
    const settleMs = Math.max(0, (stepsEnded ?? performance.now()) + SETTLE_MS - performance.now());
    const held = lease;
    const sealing = { started: performance.now(), clocked: clock.ms };
    const health =
      held && !held.crashed() && !signal.aborted
        ? clock.time(() => checkHealth(held, language, context, tokens.word('health', 20)))
        : undefined;
    await delay(settleMs);
    recorder?.stop();
    observation.executorLog = recorder?.log ?? [];
    observation.toolCalls = recorder?.toolCalls ?? [];
    observation.listenerHits = planted.flatMap((p) => p.hits?.() ?? []);
    const hostProcesses = planted.flatMap((p) => p.processes?.() ?? []);
    if (hostProcesses.length) observation.hostProcesses = hostProcesses;
    const crash = lease?.crashed();
    if (crash) observation.crash = crash;
    const unhealthy = await health;
    // The probe was clocked; the settle it did not overlap is the executor's latency too.
    clock.add(Math.max(0, performance.now() - sealing.started - (clock.ms - sealing.clocked)));
    if (unhealthy && !crash) observation.leftUnhealthy = unhealthy;
    await Promise.all(planted.map((p) => p.release()));
    await lease?.release();
  }
  // 9. Judge. A crash is a finding of this case whatever the oracles say, and so is a limit error
  // the harness's own observations contradict.
  const findings: Finding[] = observation.crash ? [crashFinding(observation.crash)] : [];
  if (observation.leftUnhealthy)
    findings.push(
      makeFinding(
        'harness',
        `the case left the executor unhealthy for the next case, which gets a fresh one: ` +
          `${observation.leftUnhealthy.reason}`,
        observation.leftUnhealthy.at,
        { channel: 'executor-process', observed: observation.leftUnhealthy.reason },
      ),
    );
  if (!failure)
    findings.push(
      ...scenario.expect.flatMap((expectation) => judgeExpectation(observation, expectation)),
      ...implausibleLimitErrors(observation),
    );
  const verdict =
    failure && findings.length === 0
      ? { status: 'errored' as const, reason: failureReason(failure) }
      : decideAttempt(observation, findings);
  const violations = recorder?.violations.summary();
  return {
    ...verdict,
    findings,
    steps: observation.steps.map(stepRecord),
    executorMs: clock.ms,
    ...(violations ? { protocolViolations: violations } : {}),
  };
}

function failureReason(failure: unknown): string {
  return failure instanceof RpcError
    ? `the executor refused a setup request with JSON-RPC error ${failure.code}: ${failure.message}`
    : (failure as Error).message;
}

function crashFinding(crash: NonNullable<Observation['crash']>): Finding {
  return makeFinding('harness', `the executor crashed during this case: ${crash.reason}`, crash.at, {
    channel: 'executor-process',
    ...(crash.stderrTail ? { excerpt: crash.stderrTail.slice(-1500) } : {}),
  });
}

function executorAccess(lease: ExecutorLease, clock: ExecutorClock, context: AttemptContext): ExecutorAccess {
  const { services, signal } = context;
  const deadline = answerDeadline(services.basePolicy.wallTimeMs, services.graceMs);
  const request = lease.connection.request.bind(lease.connection);
  return {
    basePolicy: services.basePolicy,
    createSession: async (principal, language, policy) =>
      (await clock.time(() => request('session/create', { principal, language, policy }, deadline, signal))).sessionId,
    destroySession: async (principal, sessionId) =>
      void (await clock.time(() => request('session/destroy', { principal, sessionId }, 2000))),
    execute: (params) => clock.time(() => request('execute', params, deadline, signal)),
  };
}

function collectContext(
  lease: ExecutorLease,
  clock: ExecutorClock,
  context: AttemptContext,
  tokens: TokenSource,
  language: Language,
): CollectContext {
  return {
    request: (method, params, deadlineMs) =>
      clock.time(() => lease.connection.request(method, params, deadlineMs, context.signal)),
    closedReason: () => lease.connection.closed?.reason ?? lease.tainted,
    attacker: context.services.tenants.attacker,
    victim: context.services.tenants.victim,
    capabilities: context.services.initialize.capabilities,
    language,
    basePolicy: context.services.basePolicy,
    tokens: tokens.child('collect'),
  };
}
