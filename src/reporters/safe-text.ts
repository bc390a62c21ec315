import { neutraliseText } from './neutralise-text.js';

/**
 * Makes executor-controlled text safe for any report format before format-specific escaping:
 * cut at `max` characters (saying how much was cut), then neutralised by {@link neutraliseText}
 * (a surrogate pair cut in half becomes U+FFFD). The result is well-formed Unicode that XML 1.0
 * accepts.
 */
export function safeText(text: string, max: number): string {
  if (text.length <= max) return neutraliseText(text);
  return `${neutraliseText(text.slice(0, max))}… [${text.length - max} more characters cut]`;
}

/** How long one piece of executor text may be in a report (reasons, excerpts, details). */
export const TEXT_LIMIT = 4000;
