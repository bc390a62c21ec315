import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExecutorUnderTest, type ExecutorUnderTest } from './executor-under-test.js';

/**
 * A Python sandbox runs a warm-up before it says ready. The code of the first execution in it must
 * find nothing of that: no names in its namespace or builtins, no output on its streams, only the
 * policy's environment, and not the garbage collector the bootstrap used before it said ready.
 * (Different executions never share a sandbox; the isolation scenarios prove that.)
 */
describe('the Python warm-up leaves no trace for the first execution', () => {
  let executor: ExecutorUnderTest;
  beforeAll(async () => {
    executor = await startExecutorUnderTest({ args: ['--warm', 'python=1', '--warm', 'javascript=0'] });
  }, 120_000);
  afterAll(async () => {
    await executor?.close();
  });

  const probe = [
    'import builtins, js, os, sys',
    'print("first", flush=True)',
    "names = sorted(k for k in globals() if not k.startswith('__') and k not in ('builtins', 'js', 'os', 'sys'))",
    "[names, [k for k in ('_w', 'error') if hasattr(builtins, k)], " +
      "dict(os.environ), '_w' in sys.modules, js.gc is None]",
  ].join('\n');

  it('in a warm sandbox and in a cold one alike', { timeout: 120_000 }, async () => {
    // The first run takes the pooled sandbox, the second (a policy no pool keeps) a cold one.
    for (const memoryBytes of [256 * 1024 * 1024, 200 * 1024 * 1024]) {
      const result = await executor.execute('python', probe, { policy: { memoryBytes, env: { ONLY: 'this' } } });
      if (result.status !== 'ok') throw new Error(`the probe failed: ${JSON.stringify(result)}`);
      expect(result.stdout.text).toBe('first\n');
      expect(result.stderr.text).toBe('');
      expect(result.result).toEqual([
        ['ToolArgumentsError', 'ToolDeniedError', 'ToolError', 'tools'],
        [],
        { ONLY: 'this' },
        false,
        true,
      ]);
    }
  });
});
