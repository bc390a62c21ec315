/**
 * A Python string literal of `text`. Only printable ASCII is written as it is; every other
 * character (line breaks of any kind, quotes, backslashes, controls, non-ASCII, lone surrogates)
 * is an escape, so no generated text can end the literal, the line or the statement.
 */
export function pythonString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f && char !== '"' && char !== '\\') out += char;
    else if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}
