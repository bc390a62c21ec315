import { setTimeout as delay } from 'node:timers/promises';
import type { CaseTenants, PlantedCanary, ToolHandler } from '../../canaries/canary.js';
import type { StepObservation, StepAnswer } from '../../oracles/observation.js';
import type { Language, Policy, Principal, ToolCallResult } from '../../protocol/generated/types.js';
import type { Scenario, Step } from '../../scenarios/generated/types.js';
import { runsPayloads, stepControl, stepSends } from '../../scenarios/scenario-steps.js';
import { SESSION_NAME } from '../../scenarios/template-variables.js';
import { placeholdersIn, renderTemplate } from '../../scenarios/template.js';
import { assertProofsHidden, proofShown, type Proof } from '../../scenarios/proof-of-execution.js';
import type { ExecutorClock } from './executor-clock.js';
import type { ExecutorLease } from '../../runner/executor-lease.js';
import { stepAnswerOf } from './step-answer.js';
import { stepPolicy } from './step-policy.js';
import { answerDeadline } from '../../runner/answer-deadline.js';

/** Everything the steps of one case attempt need. */
export interface StepsInput {
  scenario: Scenario;
  file: string;
  language: Language;
  lease: ExecutorLease;
  clock: ExecutorClock;
  signal: AbortSignal;
  tenants: CaseTenants;
  basePolicy: Policy;
  graceMs: number;
  canaries: readonly PlantedCanary[];
  /** Template variables; session ids are added as sessions are created. */
  variables: Map<string, string>;
  /** The attempt's proofs of execution, rendered by the `proof` and `proof.after` placeholders. */
  proofs: { before: Proof; after: Proof };
  /** Prefix of the execution ids the harness assigns, unique to each run of the steps. */
  executionPrefix: string;
  /** Multiplies every step's `afterMs` (see PAUSE_SCALES). */
  pauseScale: number;
}

interface Session {
  id: string;
  principal: Principal;
}

/**
 * Runs the scenario's steps in order (a repeated step once per round, see stepSends) and records what each send got
 * back. After a step that got no answer (the executor hung or died) the rest are skipped. A background step is sent
 * and left running; its answer is awaited once every step has been sent. Sessions the steps created are destroyed at
 * the end, best effort.
 */
export async function runSteps(input: StepsInput): Promise<StepObservation[]> {
  const sessions = new Map<string, Session>();
  const observations: Promise<StepObservation>[] = [];
  let stopped: string | undefined;
  try {
    for (const [index, { step, round }] of stepSends(input.scenario).entries()) {
      // Known before the request is sent, so that a later cancel step can address a running execution.
      if ((step.action ?? 'execute') === 'execute')
        input.variables.set(`execution.${step.id}.id`, executionIdOf(input, index));
      const running = runStep(step, round, index, input, sessions, stopped);
      observations.push(running);
      // Observed by Promise.all below; the no-op keeps a harness fault in an earlier step from leaving it unhandled.
      if (step.background) {
        running.catch(() => undefined);
        continue;
      }
      const observation = await running;
      if (!stopped && (observation.answer.kind === 'no-answer' || observation.answer.kind === 'closed'))
        stopped = `step ${step.id} got no answer`;
    }
    return await Promise.all(observations);
  } finally {
    for (const session of sessions.values()) {
      if (input.lease.connection.closed || input.lease.tainted) break;
      await input.lease.connection
        .request('session/destroy', { principal: session.principal, sessionId: session.id }, 2000)
        .catch(() => undefined);
    }
  }
}

function executionIdOf(input: StepsInput, index: number): string {
  return `${input.executionPrefix}-${index + 1}`;
}

async function runStep(
  step: Step,
  round: number | undefined,
  index: number,
  input: StepsInput,
  sessions: Map<string, Session>,
  stopped: string | undefined,
): Promise<StepObservation> {
  // 1. Who, under which policy.
  const tenant = step.tenant ?? 'attacker';
  // The identity claimed is the tenant's; the token is the credentials' (the same unless a scenario forges it).
  const principal = { ...input.tenants[tenant], token: input.tenants[step.credentials ?? tenant].token };
  const policy = stepPolicy(input.basePolicy, input.scenario, step, input.canaries, input.variables, input.file);
  const deadlineMs = step.deadlineMs ?? answerDeadline(policy.wallTimeMs, input.graceMs);
  const observation: StepObservation = {
    id: step.id,
    ...(round !== undefined ? { round } : {}),
    action: step.action ?? 'execute',
    tenant,
    principal: { tenantId: principal.tenantId, userId: principal.userId },
    language: input.language,
    policy,
    control: stepControl(step),
    runsPayloads: runsPayloads(step),
    startedAt: Date.now(),
    elapsedMs: 0,
    answer: { kind: 'skipped', reason: stopped ?? '' },
    proofSeen: false,
  };
  if (stopped) return observation;
  // 2. Send it (after its pause, if any) and wait, on the harness clock.
  if (step.afterMs)
    await delay(step.afterMs * input.pauseScale, undefined, { signal: input.signal }).catch(() => undefined);
  observation.startedAt = Date.now();
  const started = performance.now();
  const call = <T>(work: () => Promise<T>) => input.clock.time(work);
  try {
    observation.answer = await (async (): Promise<StepAnswer> => {
      switch (observation.action) {
        case 'create-session':
          return {
            kind: 'session',
            sessionId: await openSession(step.session!, principal, policy, deadlineMs, input, sessions, call),
          };
        case 'destroy-session': {
          // A placeholder addresses a session by id (another tenant's, or one that never existed).
          if (!SESSION_NAME.test(step.session!)) {
            const sessionId = renderTemplate(step.session!, input.variables, input.file);
            await call(() =>
              input.lease.connection.request('session/destroy', { principal, sessionId }, deadlineMs, input.signal),
            );
            return { kind: 'session', sessionId };
          }
          const session = sessions.get(step.session!);
          if (!session) return { kind: 'skipped', reason: `session ${step.session} was never created` };
          await call(() =>
            input.lease.connection.request(
              'session/destroy',
              { principal, sessionId: session.id },
              deadlineMs,
              input.signal,
            ),
          );
          sessions.delete(step.session!);
          return { kind: 'session', sessionId: session.id };
        }
        case 'query-audit': {
          const sessionId =
            step.session === undefined
              ? undefined
              : SESSION_NAME.test(step.session)
                ? sessions.get(step.session)?.id
                : renderTemplate(step.session, input.variables, input.file);
          const answer = await call(() =>
            input.lease.connection.request(
              'audit/query',
              { principal, limit: 1000, ...(sessionId ? { sessionId } : {}) },
              deadlineMs,
              input.signal,
            ),
          );
          return {
            kind: 'audit',
            entries: answer.entries.slice(0, 1000),
            tenantId: principal.tenantId,
            credentialsTenantId: input.tenants[step.credentials ?? tenant].tenantId,
          };
        }
        case 'cancel': {
          // The id is rendered, not looked up: an earlier step's execution, whatever its tenant, or one that never
          // existed.
          const executionId = renderTemplate(step.execution!, input.variables, input.file);
          observation.cancels = executionId;
          const answer = await call(() =>
            input.lease.connection.request('execute/cancel', { principal, executionId }, deadlineMs, input.signal),
          );
          return { kind: 'cancel', cancelled: answer.cancelled };
        }
        case 'execute':
          return executeStep(step, index, observation, principal, deadlineMs, input, sessions, call);
      }
    })();
  } catch (error) {
    observation.answer = stepAnswerOf(error, deadlineMs, input.lease);
  }
  observation.elapsedMs = performance.now() - started;
  return observation;
}

async function executeStep(
  step: Step,
  index: number,
  observation: StepObservation,
  principal: Principal,
  deadlineMs: number,
  input: StepsInput,
  sessions: Map<string, Session>,
  call: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<StepAnswer> {
  // 1. The session: none, a named one of the case (created on first use), or an id from a placeholder.
  let sessionId: string | undefined;
  if (step.session !== undefined) {
    sessionId = SESSION_NAME.test(step.session)
      ? (sessions.get(step.session)?.id ??
        (await openSession(step.session, principal, observation.policy, deadlineMs, input, sessions, call)))
      : renderTemplate(step.session, input.variables, input.file);
  }
  // 2. The code, rendered for this case, and an execution id the harness chose (audit checks use it).
  const source = (step.code ?? input.scenario.payloads)[input.language] ?? '';
  const code = renderTemplate(source, input.variables, input.file);
  assertProofsHidden(code, [input.proofs.before, input.proofs.after], input.file);
  const executionId = executionIdOf(input, index);
  Object.assign(observation, { code, executionId, ...(sessionId ? { sessionId } : {}) });
  // 3. Host the canaries' tools for this execution, then run it.
  const stopHosting = input.lease.connection.hostTools(executionId, async (params) =>
    toolAnswer(input.canaries, params.name, params.arguments),
  );
  try {
    const result = await call(() =>
      input.lease.connection.request(
        'execute',
        {
          principal,
          language: input.language,
          code,
          policy: observation.policy,
          executionId,
          ...(sessionId ? { sessionId } : {}),
        },
        deadlineMs,
        input.signal,
      ),
    );
    observation.proofSeen = proofShown(input.proofs.before, result.stdout.text, result.stderr.text);
    if (placeholdersIn(source).includes('proof.after'))
      observation.afterProof = { seen: proofShown(input.proofs.after, result.stdout.text, result.stderr.text) };
    return { kind: 'result', result };
  } finally {
    stopHosting();
  }
}

async function openSession(
  name: string,
  principal: Principal,
  policy: Policy,
  deadlineMs: number,
  input: StepsInput,
  sessions: Map<string, Session>,
  call: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<string> {
  const { sessionId } = await call(() =>
    input.lease.connection.request(
      'session/create',
      { principal, language: input.language, policy },
      deadlineMs,
      input.signal,
    ),
  );
  sessions.set(name, { id: sessionId, principal });
  input.variables.set(`session.${name}.id`, sessionId);
  return sessionId;
}

async function toolAnswer(
  canaries: readonly PlantedCanary[],
  name: string,
  args: Record<string, unknown>,
): Promise<ToolCallResult> {
  const handler: ToolHandler | undefined = canaries.map((c) => c.tools?.[name]).find(Boolean);
  return handler ? handler(args) : { isError: true, message: `no tool named ${name}` };
}
