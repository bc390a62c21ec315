/** Words that mark the line of a start-up failure worth showing (Node, Python, shells, loaders). */
const TELLING =
  /\b(error|exception|traceback|fatal|panic|cannot|can't|not found|no such|denied|permission|invalid|unknown)\b/i;

/**
 * The few lines of an executor's stderr that say why it did not start, on one line: from the
 * first line that names an error (Node prints its loader's source line first), at most `lines`
 * lines and `max` characters. An executor may print thousands of lines; a person needs these.
 */
export function stderrGist(stderr: string, lines = 3, max = 400): string {
  const all = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const from = Math.max(
    0,
    all.findIndex((l) => TELLING.test(l)),
  );
  const gist = all.slice(from, from + lines).join(' | ');
  return gist.length > max ? `${gist.slice(0, max)}…` : gist;
}
