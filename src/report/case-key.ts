/**
 * The id a case keeps across runs: its id without the `#<n>` suffix that --repeat-each adds, so
 * baselines and expectations match every repetition of a case.
 */
export function caseKey(caseId: string): string {
  return caseId.replace(/#\d+$/, '');
}
