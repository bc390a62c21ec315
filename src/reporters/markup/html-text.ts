import { safeText } from '../safe-text.js';
import { escapeMarkup } from './escape-markup.js';
import { Markup } from './markup.js';
import type { HtmlMarkup } from './html-tag.js';

/**
 * Text as HTML with its own bound instead of the tag's: cut at `max` characters (saying how much
 * was cut), neutralised and escaped. `undefined` renders nothing.
 */
export function htmlText(text: string | number | undefined, max: number): HtmlMarkup {
  return Markup.trust('html', text === undefined ? '' : escapeMarkup(safeText(String(text), max)));
}
