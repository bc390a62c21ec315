import { ErrorCodes } from '../../../../src/protocol/generated/error-codes.js';
import type { Language } from '../../../../src/protocol/generated/types.js';
import {
  fail,
  isVerdict,
  pass,
  ran,
  rpcErrorOf,
  show,
  type CheckVerdict,
  type SecurityCheck,
} from './security-check.js';

/**
 * What must not run is refused with a JSON-RPC error before it runs: code above the advertised
 * size, an unknown language, a policy value above its advertised maximum (-32602), and a policy
 * the executor says it cannot enforce (-32004: it fails closed, never running weaker). Each
 * refused request carries a payload that would print the marker, so a result means it ran.
 */
export const inputValidationCheck: SecurityCheck = {
  id: 'input-validation',
  title: 'oversized code, unknown languages, policies above the maximums and unenforceable policies are refused',
  languages: ['javascript'],
  async run({ executor }, language) {
    const { maximums, subprocesses } = executor.info.capabilities;
    const code = "console.log('PAYLOAD-RAN')";
    const cases: { what: string; request: () => Promise<unknown>; code: number }[] = [
      {
        what: 'code above codeBytes',
        request: () => executor.execute(language, `${code}//${'x'.repeat(maximums.codeBytes)}`),
        code: ErrorCodes.InvalidParams,
      },
      {
        what: 'an unknown language',
        request: () => executor.execute('cobol' as Language, code),
        code: ErrorCodes.InvalidParams,
      },
      {
        what: 'wallTimeMs above its maximum',
        request: () => executor.execute(language, code, { policy: { wallTimeMs: maximums.wallTimeMs + 1 } }),
        code: ErrorCodes.InvalidParams,
      },
      {
        what: 'memoryBytes above its maximum',
        request: () => executor.execute(language, code, { policy: { memoryBytes: maximums.memoryBytes + 1 } }),
        code: ErrorCodes.InvalidParams,
      },
      {
        what: 'stdoutBytes above its maximum',
        request: () =>
          executor.execute(language, code, {
            policy: {
              output: {
                stdoutBytes: maximums.stdoutBytes + 1,
                stderrBytes: 1024,
                resultBytes: 1024,
                onExceed: 'truncate',
              },
            },
          }),
        code: ErrorCodes.InvalidParams,
      },
    ];
    // Fail closed: the executor advertises that it cannot allow subprocesses, so asking must be refused.
    if (!subprocesses.canAllow)
      cases.push({
        what: 'allowSubprocesses it cannot grant',
        request: () => executor.execute(language, code, { policy: { allowSubprocesses: true } }),
        code: ErrorCodes.UnsupportedPolicy,
      });
    for (const c of cases) {
      const error = await rpcErrorOf(c.request());
      if (isVerdict(error)) return fail(`${c.what} was not refused: ${error.ok ? '' : error.why}`);
      if (error.code !== c.code) return fail(`${c.what}: expected ${c.code}, got ${show(error.toJson())}`);
    }
    // Positive control: the same code under an acceptable policy runs.
    return ran(await executor.execute(language, code));
  },
};

/** TypeScript runs natively: annotations, interfaces, generics and tools. */
export const typescriptCheck: SecurityCheck = {
  id: 'typescript-runs',
  title: 'TypeScript runs, with types, generics and tool calls',
  languages: ['typescript'],
  async run({ executor }, language) {
    const code = `interface Point { x: number; y: number }
      const norm = <T extends Point>(p: T): number => Math.hypot(p.x, p.y);
      const echoed: { echo: { n: number } } = await tools.echo({ n: norm({ x: 3, y: 4 }) });
      console.log('PAYLOAD-RAN');
      return echoed.echo.n as number;`;
    const result = await executor.execute(language, code, {
      policy: { tools: [{ name: 'echo', inputSchema: { type: 'object' } }] },
    });
    const verdict: CheckVerdict =
      result.status === 'ok' && result.result === 5 ? pass : fail(`expected the result 5: ${show(result)}`);
    return verdict.ok ? ran(result) : verdict;
  },
};

/**
 * A frame that is not JSON, and one that is not UTF-8, each get a parse error (-32700) and the
 * executor keeps serving: it answers a ping and runs code afterwards. The fuzz lane's
 * protocol-robustness property covers the rest of the malformed-frame space.
 */
export const malformedFramesCheck: SecurityCheck = {
  id: 'malformed-frames',
  title: 'frames that are not JSON or not UTF-8 get a parse error, and the executor keeps serving',
  languages: ['javascript'],
  async run({ executor }, language) {
    const before = executor.peer.unattributedErrors.length;
    await executor.peer.sendRaw('{"jsonrpc":"2.0","id":');
    await executor.peer.transport.sendBytes?.(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
    const alive = await executor.peer.request('ping', {}, { deadlineMs: 10_000 }).then(
      () => true,
      () => false,
    );
    if (!alive)
      return fail(
        `the executor stopped serving after malformed frames: ${show(executor.peer.closed ?? 'no answer to ping')}`,
      );
    const answers = executor.peer.unattributedErrors.slice(before);
    if (!answers.some((error) => error.code === -32700))
      return fail(
        `expected -32700 answers (id null) to the malformed frames, got ${show(answers)}; violations ${show(executor.peer.violations)}`,
      );
    return ran(await executor.execute(language, "console.log('PAYLOAD-RAN')"));
  },
};

export const inputChecks = [inputValidationCheck, typescriptCheck, malformedFramesCheck];
