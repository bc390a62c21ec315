/* eslint-disable no-control-regex -- matching control characters is the point: they are what gets escaped. */
/** C0 and C1 controls, DEL, and the bidi overrides that can reorder what a terminal shows. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes untrusted text safe to print: control characters (escape sequences, carriage returns,
 * bells) and bidi overrides become visible escapes such as \x1b, and the text is cut at `max`
 * characters. Executor output goes through this before it reaches a terminal.
 */
export function escapeTerminal(text: string, max = 500): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
