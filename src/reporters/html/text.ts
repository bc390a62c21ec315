import { escapeMarkup } from '../escape-markup.js';
import { safeText, TEXT_LIMIT } from '../safe-text.js';

/** Any text for the HTML report: bounded, neutralised and escaped. Nothing reaches the page otherwise. */
export function t(text: string | number | undefined, max = TEXT_LIMIT): string {
  return text === undefined ? '' : escapeMarkup(safeText(String(text), max));
}

/** An id fit for an HTML id attribute and a #fragment. */
export function anchor(index: number): string {
  return `case-${index}`;
}
