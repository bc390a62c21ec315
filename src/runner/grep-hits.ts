import { Worker } from 'node:worker_threads';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';

/** How long every --grep pattern together may take over the whole catalogue. */
export const GREP_DEADLINE_MS = 3000;

/** Per pattern, per case: whether any of the case's texts matches. */
export type GrepHits = boolean[][];

/**
 * The matching loop, run in a worker thread: patterns one after another, each reported as soon
 * as it is done, so the caller knows which one was still running when the deadline hit.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { patterns, texts } = workerData;
patterns.forEach((pattern, index) => {
  const re = new RegExp(pattern, 'i');
  parentPort.postMessage({ index, hits: texts.map((list) => list.some((text) => re.test(text))) });
});
`;

/**
 * Matches user-given regular expressions (case-insensitive) against each case's texts with a
 * deadline. JavaScript's RegExp backtracks, so a pattern such as `^([a-z.@-]+)+X$` takes
 * exponential time over a 40-character case id and nothing inside the thread can stop it; the
 * match therefore runs in a worker thread, which is terminated at the deadline, and the pattern
 * it was on is named in a CONFIG_INVALID error.
 */
export function grepHits(
  patterns: readonly string[],
  texts: readonly string[][],
  flag: string,
  deadlineMs = GREP_DEADLINE_MS,
): Promise<GrepHits> {
  if (!patterns.length) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const hits: GrepHits = [];
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { patterns, texts },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => {
      const slow = patterns[hits.length]!;
      settle(() =>
        reject(
          new HarnessError(
            HarnessErrorCode.ConfigInvalid,
            `the pattern ${JSON.stringify(slow)} did not finish matching ${texts.length} cases ` +
              `within ${deadlineMs} ms (catastrophic backtracking, e.g. nested quantifiers like (a+)+); simplify it`,
            flag,
          ),
        ),
      );
    }, deadlineMs);
    worker.on('message', (message: { index: number; hits: boolean[] }) => {
      hits[message.index] = message.hits;
      if (hits.length === patterns.length) settle(() => resolve(hits));
    });
    worker.on('error', (error) =>
      settle(() =>
        reject(
          new HarnessError(HarnessErrorCode.ConfigInvalid, `cannot match the patterns: ${error.message}`, flag, {
            cause: error,
          }),
        ),
      ),
    );
    worker.on('exit', (code) =>
      settle(() =>
        reject(
          new HarnessError(
            HarnessErrorCode.Internal,
            `the pattern matcher exited (code ${code}) before it answered`,
            flag,
          ),
        ),
      ),
    );
  });
}
