import { afterAll, describe, expect, it } from 'vitest';
import { AdapterClient } from './testing/adapter-client.js';

/**
 * How adapters name what their library did, and that they lose no output: each case is one
 * execution that the fuzz lane once misjudged because an adapter reported it wrongly.
 */
const clients = new Map<string, AdapterClient>();
function client(name: string): AdapterClient {
  let found = clients.get(name);
  if (!found) clients.set(name, (found = new AdapterClient(name)));
  return found;
}
afterAll(async () => {
  await Promise.all([...clients.values()].map((c) => c.close()));
});

describe('adapters report what the library did', () => {
  it('QuickJS: code its deadline interrupts while awaiting is a timeout, not a promise nothing settles', async () => {
    await client('quickjs').initialize();
    // The library's deadline counts from before the context is made, so a budget shorter than a
    // loaded machine's set-up time would stop the code before its first line printed.
    const code =
      'console.log("started"); const until = Date.now() + 5000; while (Date.now() < until) { await null; } return 1;';
    const result = await client('quickjs').execute('javascript', code, { wallTimeMs: 1000 });
    expect(result.stdout.text).toBe('started\n');
    expect(result.status === 'error' && result.error.type).toBe('timeout');
  }, 60_000);

  it('isolated-vm: an array buffer its memoryLimit refuses is a resource error', async () => {
    await client('isolated-vm').initialize();
    const code =
      'const held = []; for (let i = 0; i < 256; i++) held.push(new Uint8Array(1024 * 1024).fill(1)); ' +
      'return held.length;';
    const result = await client('isolated-vm').execute('javascript', code, { memoryBytes: 32 * 1024 * 1024 });
    expect(result.status === 'error' && [result.error.type, result.error.message]).toEqual([
      'resource',
      expect.stringMatching(/Array buffer allocation failed|memory limit/i),
    ]);
  }, 60_000);

  it('bubblewrap: everything Node printed before its result arrives, even past a full pipe', async () => {
    await client('bubblewrap').initialize();
    const code = 'for (let i = 0; i < 200; i++) console.log("x".repeat(999)); return 42;';
    const result = await client('bubblewrap').execute('javascript', code, {
      output: { stdoutBytes: 256 * 1024, stderrBytes: 64 * 1024, resultBytes: 64 * 1024, onExceed: 'truncate' },
    });
    expect(result).toMatchObject({ status: 'ok', result: 42, stdout: { truncated: false, bytes: 200_000 } });
    expect(result.stdout.text).toBe(`${'x'.repeat(999)}\n`.repeat(200));
  }, 60_000);
});
