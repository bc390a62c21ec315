import { Markup, type MarkupKind } from './markup.js';

/**
 * What a markup tag accepts in an interpolation: markup of its kind (kept as it is), text and
 * numbers (escaped), arrays of these (joined with nothing in between), and null, undefined and
 * false (nothing), so that `${cond && html`...`}` and `${items.map(...)}` read naturally. Beware
 * `${count && ...}`: a count of 0 is a number and renders as "0".
 */
export type MarkupValue<Kind extends MarkupKind> =
  Markup<Kind> | string | number | false | null | undefined | readonly MarkupValue<Kind>[];

/** A tagged template that builds {@link Markup}, plus a join for lists with a separator. */
export interface MarkupTag<Kind extends MarkupKind> {
  (strings: TemplateStringsArray, ...values: readonly MarkupValue<Kind>[]): Markup<Kind>;
  /** The items one after the other with `separator` (text, escaped) between them. */
  join(items: readonly MarkupValue<Kind>[], separator: string): Markup<Kind>;
}

/**
 * Builds the tag of one markup kind. The template's literal parts are the author's markup and
 * stay as written; every interpolated string or number goes through `escapeText`; markup of the
 * same kind goes in unchanged, so nested templates are escaped exactly once.
 */
export function markupTag<Kind extends MarkupKind>(kind: Kind, escapeText: (text: string) => string): MarkupTag<Kind> {
  const render = (value: MarkupValue<Kind>): string => {
    if (value === null || value === undefined || value === false) return '';
    if (typeof value === 'string' || typeof value === 'number') return escapeText(String(value));
    if (Array.isArray(value)) return value.map(render).join('');
    if (value instanceof Markup) {
      if (value.kind !== kind) throw new TypeError(`${value.kind} markup cannot go into ${kind} markup`);
      return value.toString();
    }
    // Only reachable past the type checker (any, casts): render nothing we cannot vouch for.
    throw new TypeError(`cannot put a ${typeof value} into ${kind} markup`);
  };
  const tag = (strings: TemplateStringsArray, ...values: readonly MarkupValue<Kind>[]): Markup<Kind> => {
    // Only a real template literal's strings object is frozen: a string array passed by hand would
    // otherwise be taken as the author's markup, unescaped.
    if (!Object.isFrozen(strings) || !Array.isArray(strings.raw))
      throw new TypeError(`${kind} must be used as a tagged template`);
    if (strings.some((part) => part === undefined))
      throw new TypeError(`${kind} template has an invalid escape sequence`);
    let text = strings[0]!;
    values.forEach((value, index) => {
      text += render(value) + strings[index + 1]!;
    });
    return Markup.trust(kind, text);
  };
  const join = (items: readonly MarkupValue<Kind>[], separator: string): Markup<Kind> =>
    Markup.trust(kind, items.map(render).join(escapeText(separator)));
  return Object.assign(tag, { join });
}
