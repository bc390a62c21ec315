import { describe, expect, it } from 'vitest';
import { TEXT_LIMIT } from '../safe-text.js';
import { html, type HtmlMarkup } from './html-tag.js';
import { htmlText } from './html-text.js';
import { rawHtml } from './raw-html.js';
import { xml } from './xml-tag.js';

/** Somewhere only built markup may go. */
const page = (body: HtmlMarkup) => html`<main>${body}</main>`.toString();

describe('html tag', () => {
  it('escapes a script, quotes and ampersands in text', () => {
    expect(html`<p>${'</p><script>alert("x" & \'y\')</script>'}</p>`.toString()).toBe(
      '<p>&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;</p>',
    );
  });

  it('keeps an attribute value inside its quotes, double or single', () => {
    const breakout = `x" onmouseover="alert(1)' onclick='alert(2)`;
    const out = html`<a title="${breakout}" data-x='${breakout}'>a</a>`.toString();
    expect(out).toBe(
      '<a title="x&quot; onmouseover=&quot;alert(1)&#39; onclick=&#39;alert(2)" ' +
        "data-x='x&quot; onmouseover=&quot;alert(1)&#39; onclick=&#39;alert(2)'>a</a>",
    );
  });

  it('shows NUL, ESC and bidi overrides as visible escapes and replaces lone surrogates', () => {
    const out = html`<pre>${'a\u0000b\u001b[31mc\u202ed \ud800 \udfff 😀'}</pre>`.toString();
    expect(out).toBe('<pre>a\\x00b\\x1b[31mc\\u202ed \ufffd \ufffd 😀</pre>');
    expect(() => encodeURIComponent(out)).not.toThrow();
  });

  it('bounds text at the text limit, or at the bound htmlText is given', () => {
    const long = 'A'.repeat(TEXT_LIMIT + 10);
    expect(html`${long}`.toString()).toBe(`${'A'.repeat(TEXT_LIMIT)}… [10 more characters cut]`);
    expect(html`${htmlText('<abcdef>', 3)}`.toString()).toBe('&lt;ab… [5 more characters cut]');
    expect(htmlText(undefined, 10).toString()).toBe('');
  });

  it('does not escape nested markup twice', () => {
    const cell = html`<td>${'a & b'}</td>`;
    const row = html`<tr>${cell}${html`<td>${'<i>'}</td>`}</tr>`;
    expect(page(row)).toBe('<main><tr><td>a &amp; b</td><td>&lt;i&gt;</td></tr></main>');
  });

  it('joins arrays, renders numbers, and renders nothing for null, undefined and false', () => {
    const items = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    const flag: boolean = false;
    const out = html`<ul>${items}</ul>${null}${undefined}${flag && html`<b>never</b>`}${0}${1.5}`;
    expect(out.toString()).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>01.5');
    expect(html.join(items, ', ').toString()).toBe('<li>&lt;a&gt;</li>, <li>b</li>');
    expect(html.join(['<', html`<br>`], ' & ').toString()).toBe('&lt; &amp; <br>');
  });

  it('keeps rawHtml as it is', () => {
    expect(html`<style>${rawHtml('a>b{color:"red"}')}</style>`.toString()).toBe('<style>a>b{color:"red"}</style>');
  });

  it('lets no plain string in as markup', () => {
    // @ts-expect-error a string is text, not markup: it has to go through the tag.
    expect(() => page('<script>')).not.toThrow();
    // Even past the type checker the string comes out escaped.
    expect(page('<script>' as never)).toBe('<main>&lt;script&gt;</main>');
    // @ts-expect-error an object shaped like markup is not markup.
    const forged: HtmlMarkup = { kind: 'html', toString: () => '<script>' };
    expect(() => page(forged)).toThrow(TypeError);
    // @ts-expect-error XML is not HTML.
    expect(() => page(xml`<x/>`)).toThrow(TypeError);
    // @ts-expect-error true is no markup value.
    expect(() => html`${true}`).toThrow(TypeError);
  });

  it('takes its literal parts only from a real template literal', () => {
    const strings = Object.assign(['<script>alert(1)</script>'], { raw: ['<script>alert(1)</script>'] });
    expect(() => html(strings)).toThrow(TypeError);
  });
});
