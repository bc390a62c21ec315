/* eslint-disable no-control-regex -- matching control characters is the point: they are what gets neutralised. */
/** C0 and C1 controls but tab and newline, DEL, bidi overrides and the two non-characters XML forbids. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;
/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Makes executor-controlled text safe for any report format before format-specific escaping:
 * cut at `max` characters (saying how much was cut), lone surrogates replaced by U+FFFD, control
 * characters (ANSI escapes, NUL, bells) and bidi overrides shown as visible escapes such as \x1b.
 * The result is well-formed Unicode that XML 1.0 accepts.
 */
export function safeText(text: string, max: number): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  const clean = cut.replace(LONE_SURROGATE, '\ufffd').replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return text.length > max ? `${clean}… [${text.length - max} more characters cut]` : clean;
}

/** How long one piece of executor text may be in a report (reasons, excerpts, details). */
export const TEXT_LIMIT = 4000;
