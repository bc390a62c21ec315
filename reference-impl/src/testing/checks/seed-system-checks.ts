import type { ExecuteResult } from '../../../../src/protocol/generated/types.js';
import { fail, pass, ran, type CheckVerdict, type SecurityCheck } from './security-check.js';

const lines = (...code: string[]) => code.join('\n');

/** The answer, or undefined when the request was refused (a refusal is a secure outcome here). */
async function answerOrRefusal(request: Promise<ExecuteResult>): Promise<ExecuteResult | undefined> {
  try {
    return await request;
  } catch {
    return undefined;
  }
}

/** A start-up variable pointing at a file the session wrote earlier is refused or ignored, never loaded. */
const runtimeEnv: SecurityCheck = {
  id: 'runtime-env-refused',
  title: 'NODE_OPTIONS naming a file the code planted does not load it',
  languages: ['javascript'],
  async run({ executor }): Promise<CheckVerdict> {
    const sessionId = await executor.createSession('javascript', { filesystem: 'session' });
    const plant = lines(
      `(await import('node:fs')).writeFileSync('./planted.js', 'console.log("PLANTED-" + "RAN")');`,
      `console.log('PAYLOAD-RAN');`,
    );
    const planted = await executor.execute('javascript', plant, { sessionId, policy: { filesystem: 'session' } });
    if (!planted.stdout.text.includes('PAYLOAD-RAN')) return ran(planted);
    const policy = { filesystem: 'session' as const, env: { NODE_OPTIONS: '--require ./planted.js' } };
    const launched = await answerOrRefusal(executor.execute('javascript', 'console.log(1)', { sessionId, policy }));
    return launched?.stdout.text.includes('PLANTED-RAN') ? fail('NODE_OPTIONS loaded the planted file') : pass;
  },
};

/** The container's root file system is read-only: the world-writable /var/tmp of the image stays closed. */
const readOnlyRoot: SecurityCheck = {
  id: 'container-read-only-root',
  title: "the code cannot write the container's root file system",
  languages: ['python'],
  async run({ executor }) {
    const code = lines(
      'print("PAYLOAD-RAN")',
      'try:',
      '    open("/var/tmp/gauntlet-check", "w").write("x")',
      '    print("WROTE")',
      'except OSError as e:',
      '    print("refused", e)',
    );
    const result = await executor.execute('python', code);
    return result.stdout.text.includes('WROTE') ? fail('the code wrote /var/tmp on the root file system') : ran(result);
  },
};

/** A truncated stream keeps at most its cap in UTF-8 bytes, with multi-byte text too. */
const outputBytes: SecurityCheck = {
  id: 'output-cap-bytes',
  title: 'a truncated stream of multi-byte text keeps at most the cap in bytes',
  languages: ['javascript'],
  async run({ executor }) {
    const output = { stdoutBytes: 1000, stderrBytes: 1000, resultBytes: 1000, onExceed: 'truncate' as const };
    const code = 'console.log("PAYLOAD-RAN"); console.log("\\u20ac".repeat(20000))';
    const result = await executor.execute('javascript', code, { policy: { output } });
    const kept = Buffer.byteLength(result.stdout.text);
    if (kept > output.stdoutBytes) return fail(`stdout kept ${kept} bytes past its cap of ${output.stdoutBytes}`);
    return ran(result);
  },
};

/** The sandbox has its own descriptor cap: 5000 opens (below the host's usual limit) do not all succeed. */
const descriptorCap: SecurityCheck = {
  id: 'descriptor-cap',
  title: 'the sandbox cannot open 5000 descriptors',
  languages: ['javascript'],
  async run({ executor }) {
    const code = lines(
      `console.log('PAYLOAD-RAN');`,
      `const fs = await import('node:fs');`,
      `fs.writeFileSync('fd.txt', 'x');`,
      `const held = [];`,
      `try { for (let i = 0; i < 5000; i++) held.push(fs.openSync('fd.txt', 'r')); } catch { /* capped */ }`,
      `console.log('held', held.length);`,
    );
    const result = await executor.execute('javascript', code);
    const opened = result.stdout.text.includes('held 5000');
    return opened ? fail('5000 descriptors opened: the sandbox has no descriptor cap of its own') : ran(result);
  },
};

/** The container caps what the code writes: 96 MiB into the work dir do not fit. */
const diskCap: SecurityCheck = {
  id: 'container-disk-cap',
  title: 'the code cannot write 96 MiB into its work directory',
  languages: ['python'],
  async run({ executor }) {
    const code = lines(
      'print("PAYLOAD-RAN")',
      'block = b"x" * (1 << 20)',
      'with open("fill.bin", "wb") as f:',
      '    for _ in range(96):',
      '        f.write(block)',
      'print("WROTE-ALL")',
    );
    const result = await executor.execute('python', code);
    if (result.stdout.text.includes('WROTE-ALL')) return fail('96 MiB fitted into the work directory: no disk cap');
    return ran(result);
  },
};

/** Native libraries stay closed: Deno.dlopen of libc is refused, so no file is read behind the permissions. */
const nativeLibrary: SecurityCheck = {
  id: 'native-library-refused',
  title: 'Deno.dlopen cannot load libc',
  languages: ['javascript'],
  async run({ executor }) {
    const code = lines(
      `console.log('PAYLOAD-RAN');`,
      `try { Deno.dlopen('libc.so.6', { getpid: { parameters: [], result: 'i32' } }); console.log('LOADED'); }`,
      `catch (e) { console.log('refused', e.name); }`,
    );
    const result = await executor.execute('javascript', code);
    return result.stdout.text.includes('LOADED') ? fail('Deno.dlopen loaded libc') : ran(result);
  },
};

/** Checks for weaknesses the seed systems named: planted start-up files, caps, native code. */
export const seedSystemChecks: readonly SecurityCheck[] = [runtimeEnv, outputBytes, descriptorCap, nativeLibrary];
/** The same, for the Docker backend only (`docker-backend.test.ts`). */
export const seedContainerChecks: readonly SecurityCheck[] = [readOnlyRoot, diskCap];
