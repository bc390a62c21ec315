import { safeText } from '../safe-text.js';
import { escapeMarkup } from './escape-markup.js';
import { Markup } from './markup.js';
import type { XmlMarkup } from './xml-tag.js';

/** Text as XML cut at `max` characters (saying how much was cut), neutralised and escaped. */
export function xmlText(text: string | number, max: number): XmlMarkup {
  return Markup.trust('xml', escapeMarkup(safeText(String(text), max)));
}
