import { safeText } from './safe-text.js';

/**
 * Makes executor- or scenario-supplied text inert in GitHub-flavoured Markdown, on one line (a
 * table cell or a list item): every ASCII punctuation character is backslash-escaped, which
 * CommonMark defines as a literal character, so no image, link, autolink, raw HTML, emphasis,
 * code span, heading, list or table pipe can start; line breaks become spaces. Apply to every
 * string the harness did not write itself.
 */
export function escapeMarkdown(text: string, max: number): string {
  return safeText(text, max)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}
