import { describe, expect, it } from 'vitest';
import { hostile } from '../../testing/fixtures/reports/hostile-report.js';
import { safeText } from '../safe-text.js';
import { escapeMarkup } from './escape-markup.js';
import { html } from './html-tag.js';
import { xml, type XmlMarkup } from './xml-tag.js';
import { xmlText } from './xml-text.js';

const doc = (body: XmlMarkup) => xml`<root>${body}</root>`.toString();

describe('xml tag', () => {
  it('escapes markup, quotes, ampersands and CDATA ends in text and attributes', () => {
    const hostile = ']]><!-- --><testcase name="forged"/>&amp;\'';
    expect(xml`<p v="${hostile}">${hostile}</p>`.toString()).toBe(
      '<p v="]]&gt;&lt;!-- --&gt;&lt;testcase name=&quot;forged&quot;/&gt;&amp;amp;&#39;">' +
        ']]&gt;&lt;!-- --&gt;&lt;testcase name=&quot;forged&quot;/&gt;&amp;amp;&#39;</p>',
    );
  });

  it('shows characters XML 1.0 forbids as visible escapes, keeping tab and newline', () => {
    const out = xml`<p>${'a\u0000b\u001bc\u0008d\ufffe\uffff\te\nf \ud800 \udc00'}</p>`.toString();
    expect(out).toBe('<p>a\\x00b\\x1bc\\x08d\\ufffe\\uffff\te\nf \ufffd \ufffd</p>');
  });

  it('leaves text already made safe as it was, only escaped', () => {
    const safe = safeText(`${hostile.script}${hostile.ansi}${hostile.surrogates}${hostile.xml}`, 1000);
    expect(xml`${safe}`.toString()).toBe(escapeMarkup(safe));
  });

  it('does not bound text unless asked, and xmlText bounds it', () => {
    const long = 'A'.repeat(100_000);
    expect(xml`${long}`.toString()).toBe(long);
    expect(xml`<a n="${xmlText('<bcd', 2)}"/>`.toString()).toBe('<a n="&lt;b… [2 more characters cut]"/>');
  });

  it('does not escape nested markup twice and joins arrays', () => {
    const props = ['a&b', 'c'].map((v) => xml`<property value="${v}"/>`);
    expect(doc(xml`<properties>${props}</properties>`)).toBe(
      '<root><properties><property value="a&amp;b"/><property value="c"/></properties></root>',
    );
    expect(xml.join(props, '\n').toString()).toBe('<property value="a&amp;b"/>\n<property value="c"/>');
  });

  it('lets no plain string or HTML in as XML markup', () => {
    // @ts-expect-error a string is text, not markup.
    expect(doc('<x/>')).toBe('<root>&lt;x/&gt;</root>');
    // @ts-expect-error HTML is not XML.
    expect(() => doc(html`<br>`)).toThrow(TypeError);
  });
});
