import type { Adapter, RunOutcome } from '../shared/adapter.js';
import { consoleLines } from '../shared/console-lines.js';
import { asyncBody, synchronousTimeoutOnly } from '../shared/declare-capabilities.js';
import { describeCompileOrRun, describeThrown } from '../shared/describe-thrown.js';
import { scriptTimedOut } from '../shared/script-timed-out.js';
import type { Vm2Library } from './load-vm2.js';

/**
 * vm2 as its README shows it: a new `VM` per execution with a `timeout` and a sandbox holding
 * only a console, and `vm.run(code)`. vm2 bridges every object through its proxies; the library
 * has a long advisory history, which is what the harness is there to measure, in the version
 * `library` holds (the harness's own, or an old one from a test fixture).
 */
export function vm2Adapter({ VM, version, folder }: Vm2Library): Adapter {
  const from = folder === undefined ? '' : `, loaded from ${folder}`;
  return {
    info: {
      name: 'vm2',
      version,
      isolation: 'in-process',
      description:
        `vm2 ${version} VM (library: vm2 ${version}${from}) in the executor's own Node.js process. ` +
        'The timeout covers synchronous code only; no memory limit.',
    },
    languages: [{ id: 'javascript', runtime: `node ${process.versions.node}` }],
    capabilities: synchronousTimeoutOnly,
    async run(job): Promise<RunOutcome> {
      const vm = new VM({ timeout: job.policy.wallTimeMs, sandbox: { console: consoleLines(job) } });
      const started = performance.now();
      let compiling = true;
      try {
        const pending: unknown = vm.run(asyncBody(job.code), 'sandbox.js');
        compiling = false;
        return { kind: 'ok', value: await pending };
      } catch (error) {
        if (/timed out/i.test(String((error as Error)?.message ?? '')))
          return scriptTimedOut(job.policy.wallTimeMs, started);
        return { kind: 'error', error: compiling ? describeCompileOrRun(error, true) : describeThrown(error) };
      }
    },
  };
}
