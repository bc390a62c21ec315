/** The flags of a run that say which executor to talk to (and how); a replay keeps them. */
const TARGET_FLAGS = new Set(['--target', '-t', '--config', '-c', '--tenants', '--grace-ms']);

function quote(word: string): string {
  return /^[A-Za-z0-9_/.:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * `gauntlet replay fuzz/<case> --seed S --path P [--replay-path R] [target flags]`: the
 * command that reproduces one shrunk failure against the same executor. `caseName` is
 * `<property>@<language>` (or the property's name for one that sends no code).
 */
export function fuzzReplayLine(
  caseName: string,
  seed: number,
  path: string,
  replayPath: string | undefined,
  runArgs: readonly string[],
): string {
  const kept: string[] = [];
  for (let i = 0; i < runArgs.length; i++) {
    const word = runArgs[i]!;
    const flag = word.split('=')[0]!;
    if (!TARGET_FLAGS.has(flag)) continue;
    kept.push(word);
    if (!word.includes('=') && i + 1 < runArgs.length) kept.push(runArgs[++i]!);
  }
  return [
    'gauntlet',
    'replay',
    `fuzz/${caseName}`,
    '--seed',
    String(seed),
    '--path',
    path,
    ...(replayPath ? ['--replay-path', replayPath] : []),
    ...kept,
  ]
    .map(quote)
    .join(' ');
}
