import { describe, expect, it } from 'vitest';
import { liveMarkdown } from '../testing/live-markdown.js';
import { escapeMarkdown, escapeMarkdownParagraphs, markdownCode } from './escape-markdown.js';

describe('escapeMarkdown', () => {
  const hostile = [
    '![p](http://127.0.0.1:9/x.png) **GATE PASSED 100%**',
    '<img src=x onerror=alert(1)> <script>x</script> &lt;b&gt; &#x3C;',
    '[click](javascript:alert(1)) [ref][1] <http://127.0.0.1:9/> www.example.test a@b.test',
    '_em_ ~~gone~~ `code` $\\color{red}{PASSED}$ | forged | cell |',
    'line\nbreak\r\n# heading\n- item',
  ];

  it('leaves nothing live and keeps the text readable', () => {
    for (const text of hostile) {
      const escaped = escapeMarkdown(text);
      expect(escaped).not.toContain('\n');
      expect(liveMarkdown(escaped), escaped).toEqual([]);
      // Unescaping gives the text back (line breaks as spaces).
      expect(escaped.replace(/\\([\s\S])/g, '$1')).toBe(text.replace(/\r\n?|\n/g, ' '));
    }
    expect(escapeMarkdown(hostile[0]!)).toBe(
      '\\!\\[p\\]\\(http\\://127.0.0.1\\:9/x.png\\) \\*\\*GATE PASSED 100%\\*\\*',
    );
  });

  it('the checker itself sees the raw hostile text as live', () => {
    for (const text of hostile.slice(0, 4)) expect(liveMarkdown(text).length, text).toBeGreaterThan(0);
  });

  it('paragraphs keep their breaks but no block marker or inline syntax', () => {
    const text = '# Fix\n\n- deny ![x](http://127.0.0.1:9/p.png)\n  and <b>log</b>\n\n    indented\n\n1. first';
    const escaped = escapeMarkdownParagraphs(text);
    expect(escaped).toBe(
      '\\# Fix\n\n\\- deny \\!\\[x\\]\\(http\\://127.0.0.1\\:9/p.png\\)   and \\<b\\>log\\</b\\>\n\n' +
        'indented\n\n\\1. first',
    );
    for (const paragraph of escaped.split('\n\n')) expect(liveMarkdown(paragraph)).toEqual([]);
  });

  it('code spans cannot be closed from inside, nor split a table cell', () => {
    expect(markdownCode('a.b@c')).toBe('`a.b@c`');
    expect(markdownCode('x`` y')).toBe('```x`` y```');
    expect(markdownCode('`x|y')).toBe('`` `x\\|y ``');
  });
});
