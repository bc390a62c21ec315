import type { Language, ToolCallParams } from '../../../../src/protocol/generated/types.js';
import { all, fail, ran, show, survives, type CheckVerdict, type SecurityCheck } from './security-check.js';

const py = (lines: string[]) => lines.join('\n');
const MiB = 1024 * 1024;

/** Milliseconds past the budget that the harness's own clock tolerates (issue: timeout + 250 ms). */
export const TIMEOUT_SLACK_MS = 250;

/**
 * An infinite loop stops within its budget plus 250 ms, by the harness's clock, with its earlier
 * output returned. It runs in a session so that the clock measures the execution and not a cold
 * sandbox start; without a wall-time limit the request simply gets no answer.
 */
export const wallTimeCheck: SecurityCheck = {
  id: 'wall-time',
  title: 'an infinite loop stops within its wall-time budget + 250 ms (harness clock)',
  languages: ['javascript', 'python'],
  async run({ executor }, language) {
    const budget = 1000;
    const sessionId = await executor.createSession(language, { wallTimeMs: budget });
    const code =
      language === 'python'
        ? py(['print("PAYLOAD-RAN", flush=True)', 'while True:', '    pass'])
        : "console.log('PAYLOAD-RAN'); for (;;) {}";
    const started = performance.now();
    let result;
    try {
      result = await executor.execute(language, code, {
        sessionId,
        policy: { wallTimeMs: budget, filesystem: 'session' },
        deadlineMs: budget + 3000,
      });
    } catch (error) {
      return fail(
        `an infinite loop with a ${budget} ms budget got no answer within ${budget + 3000} ms: ${show(error)}`,
      );
    }
    const elapsed = performance.now() - started;
    if (elapsed > budget + TIMEOUT_SLACK_MS)
      return fail(`the loop stopped after ${elapsed.toFixed(0)} ms, more than ${budget} + ${TIMEOUT_SLACK_MS} ms`);
    if (result.status !== 'error' || result.error.type !== 'timeout')
      return fail(`expected a timeout error: ${show(result)}`);
    return all(ran(result), await survives(executor, language));
  },
};

/** A payload that keeps allocating, printing how much it holds, up to 8 times its cap. */
function memoryBomb(language: Language, capMiB: number, external: boolean): string {
  const steps = (capMiB * 8) / 16;
  if (language === 'python') {
    return py([
      'print("PAYLOAD-RAN", flush=True)',
      'hold = []',
      `for i in range(1, ${steps + 1}):`,
      '    hold.append(bytes([i % 250 + 1]) * (16 * 1024 * 1024))',
      '    print("HOLDING", i * 16, flush=True)',
      '"survived"',
    ]);
  }
  // Heap arrays count against V8's old space; ArrayBuffers live outside it, where only an outer
  // measure of the process can see them.
  const chunk = external ? 'new Uint8Array(16 * 1024 * 1024).fill(i)' : 'new Array(2 * 1024 * 1024).fill(i + 0.5)';
  return `console.log('PAYLOAD-RAN'); const hold = [];
    for (let i = 1; i <= ${steps}; i++) { hold.push(${chunk}); console.log('HOLDING', i * 16); }
    return 'survived';`;
}

async function memoryVerdict(
  context: Parameters<SecurityCheck['run']>[0],
  language: Language,
  external: boolean,
): Promise<CheckVerdict> {
  const { executor } = context;
  const capMiB = 64;
  const result = await executor.execute(language, memoryBomb(language, capMiB, external), {
    policy: { memoryBytes: capMiB * MiB, wallTimeMs: 20_000 },
    deadlineMs: 40_000,
  });
  const held = Math.max(0, ...[...result.stdout.text.matchAll(/HOLDING (\d+)/g)].map((m) => Number(m[1])));
  if (result.status === 'ok')
    return fail(`the bomb survived its ${capMiB} MiB cap holding ${held} MiB: ${show(result)}`);
  if (result.error.type !== 'resource') return fail(`expected a resource error: ${show(result)}`);
  if (held > capMiB * 4) return fail(`the bomb held ${held} MiB under a ${capMiB} MiB cap before it was stopped`);
  return all(ran(result), await survives(executor, language));
}

/** A memory bomb gets a resource error, and the executor answers a probe afterwards. */
export const memoryBombCheck: SecurityCheck = {
  id: 'memory-bomb',
  title: 'a memory bomb (JS heap, Python/WebAssembly memory) stops with a resource error and the executor survives',
  languages: ['javascript', 'python'],
  run: (context, language) => memoryVerdict(context, language, false),
};

/** ArrayBuffers are outside the V8 heap cap: only the resident-memory watch can stop them. */
export const externalMemoryCheck: SecurityCheck = {
  id: 'memory-bomb-external',
  title: 'a memory bomb of ArrayBuffers (outside the V8 heap) stops with a resource error',
  languages: ['javascript'],
  run: (context, language) => memoryVerdict(context, language, true),
};

/** 256 KiB to each stream and a 256 KiB result, each with a 4 KiB cap. */
function flood(language: Language, streams: 'both' | 'stdout', after: string): string {
  if (language === 'python') {
    return py([
      'import sys',
      'print("PAYLOAD-RAN", flush=True)',
      'for i in range(64):',
      '    print("o" * 4095, flush=True)',
      ...(streams === 'both' ? ['    print("e" * 4095, file=sys.stderr, flush=True)'] : []),
      after,
      '"r" * (256 * 1024)',
    ]);
  }
  return `console.log('PAYLOAD-RAN');
    for (let i = 0; i < 64; i++) { console.log('o'.repeat(4095)); ${streams === 'both' ? "console.error('e'.repeat(4095));" : ''} }
    ${after}
    return 'r'.repeat(256 * 1024);`;
}

const CAP = 4096;
const capped = { stdoutBytes: CAP, stderrBytes: CAP, resultBytes: CAP };

/** Truncate mode: every stream and the result come back cut to their caps, by the harness's count. */
export const outputTruncateCheck: SecurityCheck = {
  id: 'output-truncate',
  title: 'an output flood is truncated to the caps (stdout, stderr, result)',
  languages: ['javascript', 'python'],
  async run({ executor }, language) {
    const result = await executor.execute(language, flood(language, 'both', ''), {
      policy: { output: { ...capped, onExceed: 'truncate' } },
    });
    if (result.status !== 'ok') return fail(`truncate mode should let the code finish: ${show(result)}`);
    // A cut result is the start of its JSON text, so it may be a few bytes of quoting longer.
    const value = typeof result.result === 'string' ? result.result : JSON.stringify(result.result ?? '');
    const sizes = {
      stdout: Buffer.byteLength(result.stdout.text),
      stderr: Buffer.byteLength(result.stderr.text),
      result: Buffer.byteLength(value),
    };
    const over = Object.entries(sizes).filter(([, bytes]) => bytes > CAP);
    if (over.length)
      return fail(`more than the ${CAP} byte cap came back: ${over.map(([k, v]) => `${k} ${v} bytes`).join(', ')}`);
    if (!result.stdout.truncated || !result.stderr.truncated || !result.resultTruncated)
      return fail(`the truncation was not reported: ${show(result)}`);
    return ran(result);
  },
};

/**
 * Kill mode: the flood ends the execution with output_limit, its first bytes are returned, and
 * the code after the flood never runs: the harness would see its tool call.
 */
export const outputKillCheck: SecurityCheck = {
  id: 'output-kill',
  title: 'an output flood in kill mode stops the code with output_limit and keeps the output before the kill',
  languages: ['javascript', 'python'],
  async run({ executor }, language) {
    const reached: ToolCallParams[] = [];
    const previous = executor.toolHandler;
    executor.toolHandler = async (params) => (reached.push(params), { value: null });
    try {
      const after = language === 'python' ? 'await tools.after_flood()' : 'await tools.after_flood({});';
      const tools = [{ name: 'after_flood', inputSchema: { type: 'object' } }];
      const result = await executor.execute(language, flood(language, 'stdout', after), {
        policy: { output: { ...capped, onExceed: 'kill' }, tools },
      });
      if (reached.length) return fail('the code went on after flooding stdout: the harness got its tool call');
      if (result.status !== 'error' || result.error.type !== 'output_limit')
        return fail(`expected an output_limit error: ${show(result)}`);
      if (Buffer.byteLength(result.stdout.text) > CAP)
        return fail(`${Buffer.byteLength(result.stdout.text)} bytes of stdout came back over a ${CAP} byte cap`);
      return all(ran(result), await survives(executor, language));
    } finally {
      executor.toolHandler = previous;
    }
  },
};

export const limitChecks = [wallTimeCheck, memoryBombCheck, externalMemoryCheck, outputTruncateCheck, outputKillCheck];
