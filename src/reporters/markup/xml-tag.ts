import { neutraliseText } from '../neutralise-text.js';
import { escapeMarkup } from './escape-markup.js';
import type { Markup } from './markup.js';
import { markupTag, type MarkupValue } from './markup-tag.js';

/** XML that is safe to place as it is: built by {@link xml} or {@link xmlText}. */
export type XmlMarkup = Markup<'xml'>;

/** What {@link xml} accepts in an interpolation. */
export type XmlValue = MarkupValue<'xml'>;

/**
 * Builds XML from a template literal. Every interpolated string or number is text: neutralised
 * (characters XML 1.0 forbids, other controls and bidi overrides become visible escapes such as
 * \x00, lone surrogates U+FFFD) and escaped for a text node or a quoted attribute value. Unlike
 * {@link html} it does not bound the text, since one text node may hold a whole case's log: use
 * {@link xmlText} where a bound applies. Interpolated {@link XmlMarkup} is kept as it is; arrays
 * are joined; null, undefined and false render nothing.
 *
 * @example xml`<property name="${name}" value="${value}"/>`
 */
export const xml = markupTag('xml', (text) => escapeMarkup(neutraliseText(text)));
