import { describe, expect, it } from 'vitest';
import type { CaseFailed, CaseResult, Report } from '../report/generated/types.js';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { allureResult } from './allure/allure-result.js';
import { attackUrl, cweUrl, linkableUrl } from './classification-urls.js';
import { renderHtml } from './html/render-html.js';
import { renderJunit } from './junit-reporter.js';
import { renderSarif } from './sarif-reporter.js';

const HOSTILE_CODE = '</pre><script>window.__pwned=1</script>';

/**
 * A report whose first failed case has hostile description, references and code, and CWE plus
 * ATT&CK sub-technique ids.
 */
function auditedReport(): { report: Report; failed: CaseResult } {
  const report = fixtureReport({ cases: 6, statusOf: (i) => (i === 0 ? 'failed' : 'passed') });
  const failed = report.cases[0]!;
  failed.case.classification = { cwe: ['CWE-526'], attack: ['T1552.001', 'T1611'] };
  failed.case.description = 'Reads <b>the</b> host environment & prints it.';
  failed.case.remediation = 'Start the sandbox with an empty environment.';
  failed.case.references = ['https://example.com/advisory?a=1&b="2"', 'javascript:alert(1)'];
  failed.attempts[0]!.steps[0]!.code = HOSTILE_CODE;
  return { report, failed };
}

describe('what an auditor files', () => {
  it('links CWE ids and ATT&CK techniques and sub-techniques to their public pages', () => {
    expect(cweUrl('CWE-526')).toBe('https://cwe.mitre.org/data/definitions/526.html');
    expect(attackUrl('T1552.001')).toBe('https://attack.mitre.org/techniques/T1552/001/');
    expect(attackUrl('T1611')).toBe('https://attack.mitre.org/techniques/T1611/');
    expect(cweUrl('CWE-1"><x')).toBeUndefined();
    expect(linkableUrl('javascript:alert(1)')).toBeUndefined();
    expect(linkableUrl('https://a.example/x y')).toBeUndefined();
  });

  it('HTML: description, remediation, references as links, linked ids, collapsed attack code, all escaped', () => {
    const { report, failed } = auditedReport();
    const html = renderHtml(report);
    const block = html.slice(html.indexOf(`data-search="${failed.case.id}`) - 200);
    expect(block).toContain(
      '<div class="description"><p>Reads &lt;b&gt;the&lt;/b&gt; host environment &amp; prints it.</p></div>',
    );
    expect(block).toContain('<dd class="remediation"><p>Start the sandbox with an empty environment.</p></dd>');
    expect(block).toContain(
      '<a href="https://example.com/advisory?a=1&amp;b=%222%22" rel="noopener noreferrer" target="_blank">' +
        'https://example.com/advisory?a=1&amp;b=&quot;2&quot;</a>',
    );
    expect(block).toContain('<li>javascript:alert(1)</li>');
    expect(html).not.toContain('href="javascript:');
    expect(block).toContain('<a href="https://cwe.mitre.org/data/definitions/526.html"');
    expect(block).toContain('<a href="https://attack.mitre.org/techniques/T1552/001/"');
    const code = block.slice(block.indexOf('<details class="code">'));
    expect(code).toMatch(/^<details class="code"><summary>Attack code sent \(1 step\)<\/summary>/);
    expect(code).toMatch(
      /^[\s\S]*?<pre class="attack-code">&lt;\/pre&gt;&lt;script&gt;window.__pwned=1&lt;\/script&gt;<\/pre><\/details>/,
    );
    expect((html.match(/<script/g) ?? []).length).toBe(1);
  });

  it('HTML: a finding is shown once, with its attempt, not again for the outcome', () => {
    const { report, failed } = auditedReport();
    const html = renderHtml(report);
    const excerpt = (failed.outcome as CaseFailed).findings[0]!.excerpt!;
    expect(html.split(`<pre class="evidence">${excerpt}</pre>`).length - 1).toBe(1);
    expect(html.split((failed.outcome as CaseFailed).findings[0]!.message).length - 1).toBe(1);
  });

  it('HTML: a heading per STRIDE category and per case that did not pass', () => {
    const { report } = auditedReport();
    const html = renderHtml(report);
    const strides = new Set(report.cases.map((c) => c.case.stride));
    expect((html.match(/<section class="stride-group"[^>]*><h3>/g) ?? []).length).toBe(strides.size);
    expect((html.match(/<h4 class="case-h">/g) ?? []).length).toBe(1);
  });

  it('JUnit: description, remediation and references as properties and in system-out, with the code sent', () => {
    const { report } = auditedReport();
    const xml = renderJunit(report);
    expect(xml).toContain(
      '<property name="description" value="Reads &lt;b&gt;the&lt;/b&gt; host environment &amp; prints it."/>',
    );
    expect(xml).toContain('<property name="remediation" value="Start the sandbox with an empty environment."/>');
    expect(xml).toContain(
      '<property name="references" value="https://example.com/advisory?a=1&amp;b=&quot;2&quot; javascript:alert(1)"/>',
    );
    expect(xml).toContain('code sent by step attack:\n    &lt;/pre&gt;&lt;script&gt;');
    expect(xml).not.toContain('<script>');
  });

  it('SARIF: the rule help has description, remediation and references; helpUri is the first http(s) one', () => {
    const { report, failed } = auditedReport();
    const sarif = renderSarif(report) as {
      runs: [
        {
          tool: {
            driver: { rules: Array<{ id: string; helpUri?: string; help: { text: string; markdown: string } }> };
          };
        },
      ];
    };
    const rule = sarif.runs[0].tool.driver.rules.find((r) => r.id === failed.case.scenarioId)!;
    expect(rule.helpUri).toBe('https://example.com/advisory?a=1&b=%222%22');
    expect(rule.help.text).toContain('Reads <b>the</b> host environment & prints it.');
    expect(rule.help.text).toContain('Remediation: Start the sandbox');
    expect(rule.help.markdown).toContain(
      'Reads <b>the</b> host environment & prints it.'.replace(/[<>&]/g, (c) => `\\${c}`),
    );
    expect(rule.help.markdown).toContain('- <https://example.com/advisory?a=1&b=%222%22>');
    expect(rule.help.markdown).toContain('- javascript\\:alert\\(1\\)');
  });

  it('Allure: description and remediation, linked ids and http(s) references, the code in the attachment', () => {
    const { report, failed } = auditedReport();
    const { result, attachments } = allureResult(report, failed, 'failed', undefined) as {
      result: { description: string; links: Array<{ name: string; url: string }> };
      attachments: Array<{ content: string }>;
    };
    expect(result.description).toContain('Reads <b>the</b> host environment & prints it.');
    expect(result.description).toContain('Remediation: Start the sandbox');
    expect(result.links.map((l) => l.url)).toEqual([
      'https://cwe.mitre.org/data/definitions/526.html',
      'https://attack.mitre.org/techniques/T1552/001/',
      'https://attack.mitre.org/techniques/T1611/',
      'https://example.com/advisory?a=1&b=%222%22',
    ]);
    expect(attachments[0]!.content).toContain(HOSTILE_CODE);
  });
});
