import type { ExecuteResult } from '../../../../src/protocol/generated/types.js';
import { fail, pass, ran, type CheckVerdict, type SecurityCheck } from './security-check.js';

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
    const plant = `(await import('node:fs')).writeFileSync('./planted.js', 'console.log("PLANTED-" + "RAN")'); console.log('PAYLOAD-RAN')`;
    const planted = await executor.execute('javascript', plant, { sessionId, policy: { filesystem: 'session' } });
    if (!planted.stdout.text.includes('PAYLOAD-RAN')) return ran(planted);
    const env = { NODE_OPTIONS: '--require ./planted.js' };
    const launched = await answerOrRefusal(executor.execute('javascript', 'console.log(1)', { sessionId, policy: { filesystem: 'session', env } }));
    return launched?.stdout.text.includes('PLANTED-RAN') ? fail('NODE_OPTIONS loaded the planted file') : pass;
  },
};

/** The container's root file system is read-only: the world-writable /var/tmp of the image stays closed. */
const readOnlyRoot: SecurityCheck = {
  id: 'container-read-only-root',
  title: "the code cannot write the container's root file system",
  languages: ['python'],
  async run({ executor }) {
    const code = ['print("PAYLOAD-RAN")', 'try:', '    open("/var/tmp/gauntlet-check", "w").write("x")', '    print("WROTE")', 'except OSError as e:', '    print("refused", e)'].join('\n');
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
    const result = await executor.execute('javascript', 'console.log("PAYLOAD-RAN"); console.log("\\u20ac".repeat(20000))', { policy: { output } });
    const kept = Buffer.byteLength(result.stdout.text);
    return kept > output.stdoutBytes ? fail(`stdout kept ${kept} bytes past its cap of ${output.stdoutBytes}`) : ran(result);
  },
};

/** Checks for weaknesses the seed systems named: planted start-up files, the root file system, byte caps. */
export const seedSystemChecks: readonly SecurityCheck[] = [runtimeEnv, outputBytes];
export const seedContainerChecks: readonly SecurityCheck[] = [readOnlyRoot];
