import { shellQuote, exactPattern } from './shell-quote.js';

/** The selecting flags that take a value (`--grep RE`): a replay drops the value with the flag. */
const WITH_VALUE = new Set([
  '--grep',
  '-g',
  '--grep-invert',
  '--stride',
  '--severity',
  '--tag',
  '--language',
  '--shard',
  '--repeat-each',
  '--seed',
]);
/** The flags that choose which cases run; a replay drops them and names its case instead. */
const SELECTING = new Set([...WITH_VALUE, '--last-failed', '--list']);

/** The run's flags without the selecting ones (so a replay is not filtered twice). */
function keptFlags(raw: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i]!;
    const flag = word.split('=')[0]!;
    if (SELECTING.has(flag)) {
      if (WITH_VALUE.has(flag) && !word.includes('=')) i++;
      continue;
    }
    kept.push(word);
  }
  return kept;
}

/** `gauntlet run <flags> --seed S`: the whole run again, with the same tokens. */
export function runCommandLine(raw: readonly string[], seed: string): string {
  const flags = raw.some((w) => w === '--seed' || w.startsWith('--seed=')) ? raw : [...raw, '--seed', seed];
  return ['gauntlet', 'run', ...flags].map(shellQuote).join(' ');
}

/** The command that runs one case alone again (same target, corpus and seed; repeat suffix dropped). */
export function caseReplayLine(raw: readonly string[], seed: string, caseId: string): string {
  const id = caseId.replace(/#\d+$/, '');
  return ['gauntlet', 'run', ...keptFlags(raw), '--seed', seed, '--grep', exactPattern(id)].map(shellQuote).join(' ');
}
