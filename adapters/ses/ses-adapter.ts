import type { Adapter, RunOutcome } from '../shared/adapter.js';
import { consoleLines } from '../shared/console-lines.js';
import { asyncBody, declareWithoutHostApis } from '../shared/declare-capabilities.js';
import { describeCompileOrRun, describeThrown } from '../shared/describe-thrown.js';
import { libraryVersion } from '../shared/library-version.js';

const version = libraryVersion('ses');

/**
 * SES as its README shows it: `lockdown()` once (main.ts does it before anything else loads),
 * then a new `Compartment` per execution whose only endowment is a hardened console. Code goes
 * through the documented evade options, so `import(` and `<!--` in ordinary code are rewritten
 * instead of rejecting the whole program (SES_IMPORT_REJECTED). SES confines
 * authority; it does not claim to bound time or memory, so both are declared `none`.
 */
export const sesAdapter: Adapter = {
  info: {
    name: 'ses',
    version,
    isolation: 'in-process',
    description:
      `SES ${version} (library: ses ${version}): lockdown() and a Compartment per execution in the executor's ` +
      'own process. No time or memory limits: SES does not provide them.',
  },
  languages: [{ id: 'javascript', runtime: `node ${process.versions.node}` }],
  capabilities: declareWithoutHostApis({ wallTime: 'none', memory: 'none', output: 'hard' }),
  async run(job): Promise<RunOutcome> {
    const compartment = new Compartment({ globals: { console: harden(consoleLines(job)) }, __options__: true });
    let compiling = true;
    try {
      const pending: unknown = compartment.evaluate(asyncBody(job.code), {
        __evadeImportExpressionTest__: true,
        __evadeHtmlCommentTest__: true,
      });
      compiling = false;
      return { kind: 'ok', value: await pending };
    } catch (error) {
      return { kind: 'error', error: compiling ? describeCompileOrRun(error, true) : describeThrown(error) };
    }
  },
};
