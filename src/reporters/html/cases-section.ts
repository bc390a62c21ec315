import { verdictOf, verdicts } from '../../report/case-verdict.js';
import type { Attempt, CaseResult, Finding, StepRecord } from '../../report/generated/types.js';
import { outcomeReason } from '../case-text.js';
import { html, type HtmlMarkup } from '../markup/html-tag.js';
import { htmlText } from '../markup/html-text.js';
import { attackCodeHtml, classificationHtml, proseHtml, referencesHtml } from './case-about.js';
import { violationsBlock } from './violations-block.js';
import { SEVERITIES, STRIDE } from './matrix-section.js';
import { tableHead } from './table-head.js';

const MAX_STEPS = 50;

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function finding(f: Finding): HtmlMarkup {
  const where = [
    f.channel && `channel ${f.channel}`,
    f.step && `step ${f.step}`,
    f.canary && `canary ${f.canary}`,
    f.encoding && `encoding ${f.encoding}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const evidence = [
    f.expected !== undefined && html`<br>expected: ${f.expected}`,
    f.observed !== undefined && html`<br>observed: ${f.observed}`,
    f.excerpt !== undefined && html`<pre class="evidence">${f.excerpt}</pre>`,
  ];
  const heading = html`<strong>${f.oracle}</strong>: ${f.message} <span class="muted">${where} · ${f.at}</span>`;
  return html`<div class="finding">${heading}${evidence}</div>`;
}

function stepRow(s: StepRecord): HtmlMarkup {
  const answer = [
    s.answer,
    s.status && html` / ${s.status}`,
    s.errorType && html` (${htmlText(s.errorType, 200)})`,
    s.rpcCode !== undefined && html` rpc ${s.rpcCode}`,
  ];
  const proof = s.markerSeen === undefined ? '' : s.markerSeen ? 'seen' : html`<strong>not seen</strong>`;
  const cells = [
    html`<td><code>${htmlText(s.id, 200)}</code></td>`,
    html`<td>${s.action}</td>`,
    html`<td>${htmlText(s.tenant, 200)}</td>`,
    html`<td>${answer}</td>`,
    html`<td>${Math.round(s.elapsedMs)} ms</td>`,
    html`<td>${proof}</td>`,
    html`<td>${s.detail && html`<pre>${s.detail}</pre>`}</td>`,
  ];
  return html`<tr>${cells}</tr>`;
}

const STEPS_HEAD = tableHead(['step', 'action', 'tenant', 'answer', 'elapsed', 'proof', 'detail']);

/** An attempt's title is no heading, so the PDF outline stays one bookmark per category and per case. */
function attempt(a: Attempt): HtmlMarkup {
  const timing = [
    `${Math.round(a.durationMs)} ms, executor ${Math.round(a.executorMs)} ms, started ${a.startedAt}`,
    a.seed && html`, seed ${htmlText(a.seed, 300)}`,
  ];
  const status = html`<span class="badge b-${a.status}">${a.status}</span>`;
  const title = html`<p class="attempt-h">Attempt ${a.attempt}: ${status} <span class="muted">${timing}</span></p>`;
  const hidden = a.steps.length - MAX_STEPS;
  const more = hidden > 0 && html`<tr><td colspan="7">… ${hidden} more steps not shown</td></tr>`;
  const steps =
    a.steps.length > 0 &&
    html`<table class="steps">${STEPS_HEAD}<tbody>${a.steps.slice(0, MAX_STEPS).map(stepRow)}${more}</tbody></table>`;
  const reason = a.reason && html`<pre class="reason">${a.reason}</pre>`;
  const violations = a.protocolViolations && violationsBlock(a.protocolViolations);
  return html`${title}${reason}${a.findings.map(finding)}${violations}${attackCodeHtml(a.steps)}${steps}`;
}

/** Verdicts whose cases get a heading, so the PDF outline lists each of them. */
const HEADED = new Set(['failed', 'errored', 'flaky']);

/** The case's scenario: replay command, file, classification, language, remediation, references. */
function caseMeta(c: CaseResult): HtmlMarkup {
  const info = c.case;
  const classification = classificationHtml(info);
  const references = referencesHtml(info);
  const entries = [
    html`<dt>replay</dt><dd><code>${c.replay}</code></dd>`,
    info.file && html`<dt>scenario file</dt><dd><code>${info.file}</code></dd>`,
    classification && html`<dt>classification</dt><dd>${classification}</dd>`,
    info.language && html`<dt>language</dt><dd>${info.language}</dd>`,
    info.remediation && html`<dt>remediation</dt><dd class="remediation">${proseHtml(info.remediation)}</dd>`,
    references && html`<dt>references</dt><dd>${references}</dd>`,
  ];
  return html`<dl class="meta">${entries}</dl>`;
}

function caseBlock(c: CaseResult, index: number, suppressed: ReadonlySet<string>, open: boolean): HtmlMarkup {
  const verdict = verdictOf(c, suppressed);
  const info = c.case;
  const outcome = c.outcome;
  const search = `${info.id} ${info.title} ${info.tags.join(' ')}`.toLowerCase();
  // Findings are shown once, in the attempt that produced them; the outcome repeats the last
  // attempt's, so they are shown here only when no attempt carries any.
  const attemptsHaveFindings = c.attempts.some((a) => a.findings.length > 0);
  const findings = outcome.status === 'failed' && !attemptsHaveFindings && outcome.findings.map(finding);
  const reason = outcome.status === 'failed' ? undefined : outcomeReason(c);
  const status = verdict === 'suppressed' ? `suppressed (${outcome.status})` : outcome.status;
  const shownWith = attemptsHaveFindings && ', shown with the attempt that produced them';
  const failedLine =
    outcome.status === 'failed' &&
    html`<p><strong>${status}:</strong> ${plural(outcome.findings.length, 'finding')}${shownWith}.</p>`;
  const titleText = html`<span class="id">${htmlText(info.id, 300)}</span> <span>${htmlText(info.title, 300)}</span>`;
  const title = HEADED.has(verdict) ? html`<h4 class="case-h">${titleText}</h4>` : titleText;
  const data = html.join(
    [
      html`data-verdict="${verdict}"`,
      html`data-stride="${info.stride ?? 'unclassified'}"`,
      html`data-severity="${info.severity ?? ''}"`,
      html`data-language="${info.language ?? ''}"`,
      html`data-search="${htmlText(search, 1000)}"`,
    ],
    ' ',
  );
  const summary = [
    html`<span class="badge b-${verdict}">${verdict}</span>`,
    html`<span>${info.severity ?? 'unrated'}</span>`,
    html`<span class="muted">${info.stride ?? info.kind}</span>`,
    title,
    html`<span class="muted">${Math.round(c.durationMs)} ms</span>`,
  ];
  const reasonBlock = reason && html`<p><strong>${status}:</strong></p><pre class="reason">${reason}</pre>`;
  const description = info.description && html`<div class="description">${proseHtml(info.description)}</div>`;
  return html`<details class="case" id="case-${index}" data-case ${data}${open && html` open`}>
<summary>${summary}</summary>
<div class="body">${reasonBlock}${failedLine}${findings}
${description}
${caseMeta(c)}
${c.attempts.map(attempt)}</div></details>`;
}

function select(name: string, label: string, values: readonly string[]): HtmlMarkup {
  const options = values.map((v) => html`<option value="${v}">${v}</option>`);
  return html`<label>${label} <select id="filter-${name}"><option value="">all</option>${options}</select></label>`;
}

/** Filters and every case with its evidence; cases that did not pass come first and open. */
export function casesSection(cases: readonly CaseResult[], suppressed: ReadonlySet<string>): HtmlMarkup {
  const indexed = cases.map((c, i) => ({ c, i, v: verdictOf(c, suppressed) }));
  indexed.sort((a, b) => verdicts.indexOf(a.v) - verdicts.indexOf(b.v) || a.i - b.i);
  const languages = [
    ...new Set(cases.map((c) => c.case.language).filter((l): l is NonNullable<typeof l> => l !== undefined)),
  ].sort();
  const filters = [
    select('verdict', 'Verdict', verdicts),
    select('stride', 'STRIDE', [...STRIDE, 'unclassified']),
    select('severity', 'Severity', SEVERITIES),
    select('language', 'Language', languages),
    html`<label>Search <input id="filter-text" type="search" placeholder="id, title or tag"></label>`,
    html`<button id="filter-reset" type="button">Reset</button><span id="filter-count" class="muted"></span>`,
  ];
  // Opening a few hundred failing cases would make the page heavy; the first 50 open.
  let opened = 0;
  const open = new Map(indexed.map(({ c, v }) => [c, v !== 'passed' && v !== 'unsupported' && opened++ < 50]));
  // One group per STRIDE category, each with a heading: the PDF outline has a bookmark per category.
  const groups = [...STRIDE, 'unclassified'].flatMap((stride) => {
    const inGroup = indexed.filter(({ c }) => (c.case.stride ?? 'unclassified') === stride);
    if (!inGroup.length) return [];
    const notPassing = inGroup.filter(({ v }) => HEADED.has(v)).length;
    const count = `${plural(inGroup.length, 'case')}, ${notPassing} failed, errored or flaky`;
    const blocks = inGroup.map(({ c, i }) => caseBlock(c, i, suppressed, open.get(c) ?? false));
    return [
      html`<section class="stride-group" data-group="${stride}"><h3>${stride} <span class="muted">${count}</span></h3>
${html.join(blocks, '\n')}</section>`,
    ];
  });
  return html`<section id="cases"><h2>Cases</h2><div class="filters">${filters}</div>
${html.join(groups, '\n')}</section>`;
}
