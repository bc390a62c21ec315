/** The markup languages the reports are written in; a value of one never goes into the other. */
export type MarkupKind = 'html' | 'xml';

/**
 * Markup that is safe to place as it is into a document of its kind: the output of a markup tag
 * (whose interpolations were escaped) or text a reporter declared trusted (rawHtml). It is an
 * object with a private field, so the type checker tells it apart from a string: a plain string
 * reaches a document only through a tag, which escapes it. `toString()` gives the markup text.
 */
export class Markup<Kind extends MarkupKind> {
  readonly #text: string;

  private constructor(
    /** The language the text is written in. */
    readonly kind: Kind,
    text: string,
  ) {
    this.#text = text;
  }

  /**
   * Wraps text that is already markup of `kind`. Only the tags, the bounded-text helpers and
   * rawHtml call it; anything else that does is a place where escaping can be forgotten.
   */
  static trust<Kind extends MarkupKind>(kind: Kind, text: string): Markup<Kind> {
    return new Markup(kind, text);
  }

  /** The markup text, to write out or to compare. */
  toString(): string {
    return this.#text;
  }
}
