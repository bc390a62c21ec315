import type { ToolCallParams, ToolSpec } from '../../../../src/protocol/generated/types.js';
import type { ExecutorUnderTest, ToolHandler } from '../executor-under-test.js';
import { TIMEOUT_SLACK_MS } from './limit-checks.js';
import { all, fail, inconclusive, ran, show, survives, type SecurityCheck } from './security-check.js';

const py = (lines: string[]) => lines.join('\n');

const add: ToolSpec = {
  name: 'add',
  inputSchema: {
    type: 'object',
    properties: { a: { type: 'number' }, b: { type: 'number' } },
    required: ['a', 'b'],
    additionalProperties: false,
  },
  timeoutMs: 5000,
};

/** Runs `body` with the executor's tool calls recorded and answered by `answer`. */
async function withTools<T>(
  executor: ExecutorUnderTest,
  answer: ToolHandler,
  body: (calls: ToolCallParams[]) => Promise<T>,
): Promise<T> {
  const calls: ToolCallParams[] = [];
  const previous = executor.toolHandler;
  executor.toolHandler = (params, signal) => (calls.push(params), answer(params, signal));
  try {
    return await body(calls);
  } finally {
    executor.toolHandler = previous;
  }
}

const sum: ToolHandler = async (params) => ({ value: Number(params.arguments['a']) + Number(params.arguments['b']) });

/** Waits `ms` before answering, or until the executor cancels the call. */
const slow =
  (ms: number): ToolHandler =>
  (_params, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ value: 'late' }), ms);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve({ value: 'cancelled' })), { once: true });
    });

/**
 * Arguments that break the tool's input schema never reach the harness: the code gets a
 * validation error instead. Positive control: a valid call does reach it and returns the sum.
 */
export const toolValidationCheck: SecurityCheck = {
  id: 'tool-validation',
  title: "tool arguments are checked against the tool's schema before they reach the harness",
  languages: ['javascript', 'python'],
  async run({ executor }, language) {
    return withTools(executor, sum, async (calls) => {
      const code =
        language === 'python'
          ? py([
              'print("PAYLOAD-RAN", await tools.add(a=1, b=2))',
              'try:',
              '    await tools.add(a="one", b=2, c=3)',
              'except ToolError as e:',
              '    print("refused", type(e).__name__)',
            ])
          : "console.log('PAYLOAD-RAN', await tools.add({ a: 1, b: 2 })); try { await tools.add({ a: 'one', b: 2, c: 3 }); } catch (e) { console.log('refused', e.name); }";
      const result = await executor.execute(language, code, { policy: { tools: [add] } });
      const invalid = calls.filter((c) => typeof c.arguments['a'] !== 'number' || 'c' in c.arguments);
      if (invalid.length) return fail(`invalid arguments reached the harness: ${show(invalid)}`);
      if (calls.length !== 1 || !result.stdout.text.includes('PAYLOAD-RAN 3'))
        return inconclusive(`the valid call did not go through (positive control): ${show(result)}`);
      if (!result.stdout.text.includes('refused ToolArgumentsError'))
        return fail(`the code was not told its arguments were invalid: ${show(result)}`);
      return ran(result);
    });
  },
};

/**
 * Each call has its own timeout (the code gets a timeout error long before the harness answers),
 * and the wall-time budget includes time spent waiting on tools: a tool that never answers ends
 * the execution within budget + 250 ms. Both timed in a session, on the harness's clock.
 */
export const toolTimeoutCheck: SecurityCheck = {
  id: 'tool-timeout',
  title: 'each tool call has its own timeout, and waiting on tools counts against the wall time',
  languages: ['javascript', 'python'],
  async run({ executor }, language) {
    return withTools(executor, slow(8000), async () => {
      const quick = { ...add, name: 'slow', timeoutMs: 300 };
      const patient = { ...add, name: 'slow', timeoutMs: 60_000 };
      const code =
        language === 'python'
          ? py([
              'print("PAYLOAD-RAN", flush=True)',
              'try:',
              '    await tools.slow(a=1, b=2)',
              '    print("answered")',
              'except ToolError as e:',
              '    print("gave up", type(e).__name__)',
            ])
          : "console.log('PAYLOAD-RAN'); try { await tools.slow({ a: 1, b: 2 }); console.log('answered'); } catch (e) { console.log('gave up', e.name); }";
      // 1. The call's own timeout: 300 ms, well inside the 30 s budget.
      const session = await executor.createSession(language, { tools: [patient] });
      let started = performance.now();
      const first = await executor.execute(language, code, {
        sessionId: session,
        policy: { filesystem: 'session', tools: [quick] },
        deadlineMs: 12_000,
      });
      let elapsed = performance.now() - started;
      // The harness answers after 8 s; a loaded machine may slow the run, but not by seconds.
      if (elapsed > 6000 || !first.stdout.text.includes('gave up'))
        return fail(
          `a call with a 300 ms timeout did not give up before the harness answered (${elapsed.toFixed(0)} ms): ${show(first)}`,
        );
      // 2. The wall time: a 60 s tool timeout, a 1 s budget.
      const budget = 1000;
      started = performance.now();
      const second = await executor.execute(language, code, {
        sessionId: session,
        policy: { filesystem: 'session', wallTimeMs: budget, tools: [patient] },
        deadlineMs: 12_000,
      });
      elapsed = performance.now() - started;
      if (elapsed > budget + TIMEOUT_SLACK_MS)
        return fail(`waiting on a tool ran ${elapsed.toFixed(0)} ms past a ${budget} ms budget`);
      if (second.status !== 'error' || second.error.type !== 'timeout')
        return fail(`expected a timeout error: ${show(second)}`);
      return all(ran(first), await survives(executor, language));
    });
  },
};

/**
 * A call made after its execution ended is refused: the harness never sees it, even while a later
 * execution runs in the same sandbox. The first execution leaves a call waiting behind a gate
 * (a promise in JavaScript, a task in Python, so the call keeps the first execution's identity);
 * the second opens the gate. Positive control: the second prints the refusal the call got.
 */
export const toolAfterEndCheck: SecurityCheck = {
  id: 'tool-after-end',
  title: 'tool calls made after the execution ended are refused',
  languages: ['javascript', 'python'],
  async run({ executor }, language) {
    return withTools(executor, sum, async (calls) => {
      const session = await executor.createSession(language, { tools: [add] });
      const inSession = { sessionId: session, policy: { filesystem: 'session' as const, tools: [add] } };
      const leave =
        language === 'python'
          ? py([
              'import asyncio',
              'gate = asyncio.Event()',
              'async def late():',
              '    await gate.wait()',
              '    return await tools.add(a=1, b=1)',
              'pending = asyncio.ensure_future(late())',
              'print("PAYLOAD-RAN")',
            ])
          : "let open; const gate = new Promise((r) => (open = r)); globalThis.openGate = open; globalThis.pending = gate.then(() => tools.add({ a: 1, b: 1 })); console.log('PAYLOAD-RAN');";
      const release =
        language === 'python'
          ? py([
              'gate.set()',
              'try:',
              '    print("LATE-ANSWER", await pending)',
              'except ToolError as e:',
              '    print("LATE-REFUSED", type(e).__name__)',
            ])
          : "globalThis.openGate(); try { console.log('LATE-ANSWER', await globalThis.pending); } catch (e) { console.log('LATE-REFUSED', e.name); }";
      const first = await executor.execute(language, leave, inSession);
      const endedAt = calls.length;
      const second = await executor.execute(language, release, inSession);
      if (calls.length > endedAt)
        return fail(
          `the harness got a tool call after the execution that made it ended: ${show(calls.slice(endedAt))}`,
        );
      if (!second.stdout.text.includes('LATE-REFUSED'))
        return inconclusive(`the late call was not refused (positive control): ${show(second)}`);
      return ran(first);
    });
  },
};

/**
 * Only offered tools reach the harness: a call to any other name is refused inside the executor
 * and the code gets a denial. Positive control: the offered tool does go through.
 */
export const toolOfferedOnlyCheck: SecurityCheck = {
  id: 'tool-offered-only',
  title: 'calls to tools the policy does not offer never reach the harness',
  languages: ['javascript', 'python'],
  async run({ executor }, language) {
    return withTools(executor, sum, async (calls) => {
      const code =
        language === 'python'
          ? py([
              'print("PAYLOAD-RAN", await tools.add(a=1, b=2))',
              'try:',
              '    await tools.drop_tables(a=1, b=2)',
              'except ToolError as e:',
              '    print("refused", type(e).__name__)',
            ])
          : "console.log('PAYLOAD-RAN', await tools.add({ a: 1, b: 2 })); try { await tools.drop_tables({ a: 1, b: 2 }); } catch (e) { console.log('refused', e.name); }";
      const result = await executor.execute(language, code, { policy: { tools: [add] } });
      const foreign = calls.filter((c) => c.name !== 'add');
      if (foreign.length) return fail(`calls to tools that were not offered reached the harness: ${show(foreign)}`);
      if (!result.stdout.text.includes('PAYLOAD-RAN 3'))
        return fail(`the offered tool did not go through (positive control): ${show(result)}`);
      if (!result.stdout.text.includes('refused ToolDeniedError'))
        return fail(`the code was not told the tool is not offered: ${show(result)}`);
      return ran(result);
    });
  },
};

export const toolChecks = [toolValidationCheck, toolTimeoutCheck, toolAfterEndCheck, toolOfferedOnlyCheck];
