import type { Report } from '../report/generated/types.js';
import { escapeTerminal } from './escape-terminal.js';
import type { Colour } from './paint.js';

const COLOURS = { passed: 'green', failed: 'red', partial: 'yellow' } as const satisfies Record<string, Colour>;

/** One line per profile (status, judged and unsupported counts), then each reason it failed. */
export function profileLines(
  report: Pick<Report, 'profiles'>,
  paint: (colour: Colour, text: string) => string,
): string {
  const lines: string[] = [];
  for (const p of report.profiles ?? []) {
    const share = p.counts.total ? ` (${(p.unsupportedShare * 100).toFixed(1)}%)` : '';
    const partial = p.status === 'partial' ? `, ${p.notSelected} not selected` : '';
    const { failed, errored, unsupported } = p.counts;
    const counts = `${p.judged} judged, ${failed} failed, ${errored} errored, ${unsupported} unsupported`;
    const languages = p.languages.join(', ') || 'no language';
    lines.push(
      `${paint(COLOURS[p.status], `profile ${p.id} ${p.status}`)}: ${counts}${share}${partial} [${languages}]`,
    );
    for (const reason of p.reasons) lines.push(`  ${paint('red', '✗')} ${escapeTerminal(reason, 500)}`);
  }
  return lines.join('\n');
}
