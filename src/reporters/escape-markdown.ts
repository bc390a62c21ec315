/**
 * What can start inline Markdown in GitHub's renderer: backslash escapes, code spans, emphasis
 * and strikethrough, links and images, autolinks and raw HTML, entities, table pipes, math, and
 * the `:` of `http://` and the `@` of e-mail autolinks.
 */
const ACTIVE = /[\\`*_~[\]()!<>&|$:@]/g;

/**
 * Makes text inert in GitHub-flavoured Markdown inside a line (a table cell, after a list
 * bullet): every character that can start inline syntax is backslash-escaped, `www.` loses its
 * autolink, and line breaks become spaces, so no image, link, HTML, emphasis or cell break
 * survives and the text renders as written. Apply after {@link safeText}. Line-start syntax
 * (headings, lists, quotes) cannot occur, since the text never starts a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(ACTIVE, (c) => `\\${c}`)
    .replace(/\b(www)\./gi, '$1\\.');
}

/**
 * Text as an inline code span in a GFM table cell: the fence is one backtick longer than the
 * longest run inside (so the text cannot close it), and `|` is escaped, since GFM splits cells
 * on it even inside code.
 */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Multi-paragraph text (a scenario's remediation) made inert as Markdown blocks: paragraphs
 * (split at blank lines) keep their breaks, each is escaped as {@link escapeMarkdown} does and
 * loses its indentation and any block marker it starts with (heading, list, quote, setext line).
 */
export function escapeMarkdownParagraphs(text: string): string {
  return text
    .split(/(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)/)
    .map((paragraph) => escapeMarkdown(paragraph.trim()).replace(/^([#+\-=]|\d+(?=[.)]))/, '\\$1'))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
