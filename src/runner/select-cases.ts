import type { Selection } from '../report/generated/types.js';
import { grepHits } from './grep-hits.js';
import type { RunnableCase } from './runnable-case.js';

/** The filters of a selection, compiled; `ids` are the cases of --last-failed. */
export interface CaseFilter {
  selection: Selection;
  ids?: ReadonlySet<string>;
}

/**
 * The cases every present filter admits. --grep patterns (any of them) and --grep-invert
 * patterns (none of them) are case-insensitive regular expressions matched against the id, the
 * title, each tag written as @tag, and all of them joined by spaces; so `^id$` selects one case.
 * The patterns run with a deadline (see {@link grepHits}): a catastrophic one is an error, not a hang.
 */
export async function selectCases(
  cases: readonly RunnableCase[],
  { selection, ids }: CaseFilter,
): Promise<RunnableCase[]> {
  const texts = cases.map(({ info }) => {
    const tags = info.tags.map((t) => `@${t}`);
    return [info.id, info.title, ...tags, [info.id, info.title, ...tags].join(' ')];
  });
  const grep = await grepHits(selection.grep ?? [], texts, '--grep');
  const invert = await grepHits(selection.grepInvert ?? [], texts, '--grep-invert');
  return cases.filter(({ info }, i) => {
    if (grep.length && !grep.some((hits) => hits[i])) return false;
    if (invert.some((hits) => hits[i])) return false;
    if (selection.stride?.length && !(info.stride && selection.stride.includes(info.stride))) return false;
    if (selection.severity?.length && !(info.severity && selection.severity.includes(info.severity))) return false;
    if (selection.tags?.length && !selection.tags.some((t) => info.tags.includes(t))) return false;
    if (selection.languages?.length && !(info.language && selection.languages.includes(info.language))) return false;
    return !ids || ids.has(info.id);
  });
}
