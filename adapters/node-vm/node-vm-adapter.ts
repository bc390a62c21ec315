import vm from 'node:vm';
import type { Adapter, RunOutcome } from '../shared/adapter.js';
import { consoleLines } from '../shared/console-lines.js';
import { asyncBody, synchronousTimeoutOnly } from '../shared/declare-capabilities.js';
import { describeCompileOrRun, describeThrown } from '../shared/describe-thrown.js';
import { scriptTimedOut } from '../shared/script-timed-out.js';

/**
 * node:vm as its documentation shows it: a fresh context per execution holding only a console,
 * `runInContext` with the `timeout` option. Node's documentation states that the vm module is not
 * a security mechanism; the adapter declares what a user of it would expect (no network, files or
 * processes, since the context has no such APIs) so the harness can show what actually holds.
 */
export const nodeVmAdapter: Adapter = {
  info: {
    name: 'node:vm',
    version: process.versions.node,
    isolation: 'in-process',
    description:
      `node:vm contexts (library: node:vm, Node.js ${process.versions.node}). Not a security boundary per the ` +
      'Node.js documentation; the timeout covers synchronous evaluation only; no memory limit.',
  },
  languages: [{ id: 'javascript', runtime: `node ${process.versions.node}` }],
  capabilities: synchronousTimeoutOnly,
  async run(job): Promise<RunOutcome> {
    let script: vm.Script;
    try {
      script = new vm.Script(asyncBody(job.code), { filename: 'sandbox.js' });
    } catch (error) {
      return { kind: 'error', error: describeCompileOrRun(error, true) };
    }
    const context = vm.createContext({ console: consoleLines(job) });
    const started = performance.now();
    try {
      const value: unknown = await script.runInContext(context, { timeout: job.policy.wallTimeMs });
      return { kind: 'ok', value };
    } catch (error) {
      if ((error as { code?: unknown })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
        return scriptTimedOut(job.policy.wallTimeMs, started);
      return { kind: 'error', error: describeThrown(error) };
    }
  },
};
