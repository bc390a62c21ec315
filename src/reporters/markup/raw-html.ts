import { Markup } from './markup.js';
import type { HtmlMarkup } from './html-tag.js';

/**
 * Declares a string to be HTML as it is, unescaped: only for the reporter's own constants (the
 * stylesheet, the client script, a policy built from them), never for text from a report.
 */
export function rawHtml(trusted: string): HtmlMarkup {
  return Markup.trust('html', trusted);
}
