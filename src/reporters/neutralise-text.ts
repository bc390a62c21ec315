/* eslint-disable no-control-regex -- matching control characters is the point: they are what gets neutralised. */
/** C0 and C1 controls but tab and newline, DEL, bidi overrides and the two non-characters XML forbids. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;
/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Neutralises executor-controlled text without shortening it: lone surrogates become U+FFFD,
 * control characters (ANSI escapes, NUL, bells), bidi overrides and U+FFFE/U+FFFF become visible
 * escapes such as \x1b, so nothing disappears silently. The result is well-formed Unicode that
 * XML 1.0 accepts, and neutralising it again changes nothing.
 */
export function neutraliseText(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
