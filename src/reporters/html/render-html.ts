import { createHash } from 'node:crypto';
import { suppressedIds } from '../../report/case-verdict.js';
import type { Report } from '../../report/generated/types.js';
import { html, type HtmlMarkup, type HtmlValue } from '../markup/html-tag.js';
import { htmlText } from '../markup/html-text.js';
import { rawHtml } from '../markup/raw-html.js';
import { baselineSection } from './baseline-section.js';
import { casesSection } from './cases-section.js';
import { clientScript } from './client-script.js';
import { gateSection } from './gate-section.js';
import { matrixSection } from './matrix-section.js';
import { profilesSection } from './profiles-section.js';
import { styles } from './styles.js';
import { violationsBlock } from './violations-block.js';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The policy allows only the report's own stylesheet and script, by hash, and nothing from elsewhere. */
const csp =
  `default-src 'none'; style-src ${hash(styles)}; script-src ${hash(clientScript)}; img-src data:; ` +
  `base-uri 'none'; form-action 'none'`;

const entry = (term: string, value: HtmlValue) => html`<dt>${term}</dt><dd>${value}</dd>`;

function header(report: Report): HtmlMarkup {
  const a = report.summary.all;
  const init = report.target.initialize;
  const executor = init ? `${init.executorInfo.name} ${init.executorInfo.version}` : 'did not answer initialize';
  const suppressed = report.gate.suppressed?.length;
  const counts =
    `${a.total} cases: ${a.passed} passed, ${a.failed} failed, ${a.errored} errored, ${a.flaky} flaky, ` +
    `${a.unsupported} unsupported${suppressed ? `; ${suppressed} suppressed` : ''}`;
  const target = report.target;
  const shard = report.options.shard;
  const meta = [
    entry('executor', html`${htmlText(executor, 300)} (${target.transport}: ${htmlText(target.description, 500)})`),
    entry('run', html`${report.runId} · started ${report.startedAt} · ${Math.round(report.durationMs)} ms`),
    entry('seed', html`<code>${report.seed}</code>`),
    entry('replay', html`<code>${report.command}</code>`),
    entry('harness', `${report.harness.name} ${report.harness.version}, protocol ${report.harness.protocolVersion}`),
    entry('corpus', `${report.corpus.scenarios} scenarios, sha256 ${report.corpus.digest}`),
    shard && entry('shard', `${shard.index}/${shard.total}`),
  ];
  const verdict = report.gate.passed
    ? html`<span class="verdict pass" id="verdict">GATE PASSED</span>`
    : html`<span class="verdict fail" id="verdict">GATE FAILED</span>`;
  return html`<header><h1>Gauntlet report: ${htmlText(target.name, 200)}</h1>
<p>${verdict}
<span class="muted">${counts}</span></p>
<dl class="meta">${meta}</dl></header>`;
}

const VIOLATIONS_NOTE =
  'Every violation the harness saw during the run, on every executor connection, inside cases or not.';

/**
 * The HTML report: one self-contained file that loads nothing (a Content-Security-Policy allows
 * only its own inline style and script, by hash), with a badge per conformance profile, the gate
 * explanation, the STRIDE x severity matrix, the baseline diff, filters and every case's
 * evidence. It is built with the html tag, so every piece of text is bounded, neutralised and
 * escaped.
 */
export function renderHtml(report: Report): string {
  const suppressed = suppressedIds(report.gate);
  const violations =
    report.protocolViolations &&
    html`<section id="protocol-violations"><h2>Protocol violations</h2>${[
      html`<p class="muted">${VIOLATIONS_NOTE}</p>`,
      violationsBlock(report.protocolViolations),
    ]}</section>`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${rawHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gauntlet: ${htmlText(report.target.name, 200)} — gate ${report.gate.passed ? 'passed' : 'failed'}</title>
<style>${rawHtml(styles)}</style></head>
<body><main>
${header(report)}
${profilesSection(report)}
${gateSection(report)}
${violations}
${matrixSection(report.cases, suppressed)}
${baselineSection(report)}
${casesSection(report.cases, suppressed)}
</main><script>${rawHtml(clientScript)}</script></body></html>
`.toString();
}
