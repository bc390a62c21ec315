import { createHash } from 'node:crypto';
import { delimiter } from 'node:path';
import { loadScenarios, type LoadedCorpus } from './load-scenarios.js';

/**
 * Loads one or more scenario folders as one corpus (`--scenarios` may be given several times).
 * One folder is exactly {@link loadScenarios}; several are concatenated in the order given, the
 * root recorded as the folders joined by the path delimiter, and the digest taken over each
 * folder's digest in order. A scenario id found in two folders is left to the unique-id lint rule.
 */
export function loadCorpus(roots: readonly string[]): LoadedCorpus {
  const corpora = roots.map((root) => loadScenarios(root));
  if (corpora.length === 1) return corpora[0]!;
  return {
    root: roots.join(delimiter),
    scenarios: corpora.flatMap((c) => c.scenarios),
    issues: corpora.flatMap((c) => c.issues),
    digest: createHash('sha256')
      .update(corpora.map((c) => c.digest).join('\n'))
      .digest('hex'),
    fileCount: corpora.reduce((sum, c) => sum + c.fileCount, 0),
  };
}
