import { describe, expect, it } from 'vitest';
import { SANDBOX_NOFILE } from '../sandbox/deno-command.js';
import { startExecutorUnderTest } from './executor-under-test.js';

/**
 * Code that fills its descriptor table must meet its budget, not crash its sandbox: Deno creates
 * its signal self-pipe on the first signal listener and panics when no descriptor is left, so the
 * bootstrap sets it up before user code runs. Before that, the first sandbox of a fresh executor
 * died with "Deno has panicked ... Too many open files" (exit status 1) in 4 runs of 4, a runtime
 * error where the scenario denial-of-service.process.fd-exhaustion expects a timeout. The table
 * itself is the sandbox's own, capped at SANDBOX_NOFILE, not the host's limit.
 */
describe('a sandbox whose code fills its descriptor table', () => {
  it(
    'times out at its budget, with the output before, as the first execution of a fresh executor',
    { timeout: 60_000 },
    async () => {
      const executor = await startExecutorUnderTest({ args: ['--warm', 'python=0'] });
      try {
        const code = `Deno.writeTextFileSync('fd.txt', 'x'); const held = [];
        try { for (let i = 0; i < 200_000; i++) held.push(Deno.openSync('fd.txt')); }
        catch (e) { console.log('table full after', held.length, e.name); }
        for (;;) await new Promise((r) => setTimeout(r, 100));`;
        const result = await executor.execute('javascript', code, {
          policy: { wallTimeMs: 1500, filesystem: 'ephemeral' },
          deadlineMs: 20_000,
        });
        const held = Number(/^table full after (\d+) /.exec(result.stdout.text)?.[1]);
        expect(held, `${result.stdout.text}\n${result.stderr.text.slice(0, 2000)}`).toBeGreaterThan(
          SANDBOX_NOFILE - 100,
        );
        expect(held).toBeLessThan(SANDBOX_NOFILE);
        expect(result.status === 'error' && result.error.type, result.stderr.text.slice(0, 2000)).toBe('timeout');
      } finally {
        await executor.close();
      }
    },
  );
});
