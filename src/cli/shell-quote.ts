/** Quotes a word for a POSIX shell, so printed replay commands can be pasted as they are. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_/.:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A regular expression matching exactly `text`. */
export function exactPattern(text: string): string {
  return `^${text.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&')}$`;
}
