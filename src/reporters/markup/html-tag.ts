import { safeText, TEXT_LIMIT } from '../safe-text.js';
import { escapeMarkup } from './escape-markup.js';
import type { Markup } from './markup.js';
import { markupTag, type MarkupValue } from './markup-tag.js';

/** HTML that is safe to place as it is: built by {@link html}, {@link htmlText} or rawHtml. */
export type HtmlMarkup = Markup<'html'>;

/** What {@link html} accepts in an interpolation. */
export type HtmlValue = MarkupValue<'html'>;

/**
 * Builds HTML from a template literal. Every interpolated string or number is text: bounded at
 * {@link TEXT_LIMIT} characters, neutralised (controls, bidi overrides, lone surrogates) and
 * escaped for a text node or a quoted attribute value. Interpolated {@link HtmlMarkup} is kept
 * as it is; arrays are joined; null, undefined and false render nothing. For another bound, use
 * {@link htmlText}.
 *
 * @example html`<td title="${reason}">${count}</td>`
 */
export const html = markupTag('html', (text) => escapeMarkup(safeText(text, TEXT_LIMIT)));
