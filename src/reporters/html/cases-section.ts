import { verdictOf, verdicts } from '../../report/case-verdict.js';
import type { Attempt, CaseResult, Finding } from '../../report/generated/types.js';
import { outcomeReason } from '../case-text.js';
import { attackCodeHtml, classificationHtml, proseHtml, referencesHtml } from './case-about.js';
import { violationsBlock } from './violations-block.js';
import { SEVERITIES, STRIDE } from './matrix-section.js';
import { anchor, t } from './text.js';

const MAX_STEPS = 50;

function finding(f: Finding): string {
  const where = [
    f.channel && `channel ${f.channel}`,
    f.step && `step ${f.step}`,
    f.canary && `canary ${f.canary}`,
    f.encoding && `encoding ${f.encoding}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return `<div class="finding"><strong>${t(f.oracle)}</strong>: ${t(f.message)} <span class="muted">${t(where)} · ${t(f.at)}</span>${f.expected !== undefined ? `<br>expected: ${t(f.expected)}` : ''}${f.observed !== undefined ? `<br>observed: ${t(f.observed)}` : ''}${f.excerpt !== undefined ? `<pre class="evidence">${t(f.excerpt)}</pre>` : ''}</div>`;
}

/** An attempt's title is no heading, so the PDF outline stays one bookmark per category and per case. */
function attempt(a: Attempt): string {
  const steps = a.steps
    .slice(0, MAX_STEPS)
    .map(
      (s) =>
        `<tr><td><code>${t(s.id, 200)}</code></td><td>${t(s.action)}</td><td>${t(s.tenant, 200)}</td><td>${t(s.answer)}${s.status ? ` / ${t(s.status)}` : ''}${s.errorType ? ` (${t(s.errorType, 200)})` : ''}${s.rpcCode !== undefined ? ` rpc ${t(s.rpcCode)}` : ''}</td><td>${t(Math.round(s.elapsedMs))} ms</td><td>${s.markerSeen === undefined ? '' : s.markerSeen ? 'seen' : '<strong>not seen</strong>'}</td><td>${s.detail ? `<pre>${t(s.detail)}</pre>` : ''}</td></tr>`,
    );
  const more =
    a.steps.length > MAX_STEPS
      ? `<tr><td colspan="7">… ${a.steps.length - MAX_STEPS} more steps not shown</td></tr>`
      : '';
  return `<p class="attempt-h">Attempt ${a.attempt}: <span class="badge b-${t(a.status)}">${t(a.status)}</span> <span class="muted">${t(Math.round(a.durationMs))} ms, executor ${t(Math.round(a.executorMs))} ms, started ${t(a.startedAt)}${a.seed ? `, seed ${t(a.seed, 300)}` : ''}</span></p>${a.reason ? `<pre class="reason">${t(a.reason)}</pre>` : ''}${a.findings.map(finding).join('')}${a.protocolViolations ? violationsBlock(a.protocolViolations) : ''}${attackCodeHtml(a.steps)}${a.steps.length ? `<table class="steps"><thead><tr><th>step</th><th>action</th><th>tenant</th><th>answer</th><th>elapsed</th><th>proof</th><th>detail</th></tr></thead><tbody>${steps.join('')}${more}</tbody></table>` : ''}`;
}

/** Verdicts whose cases get a heading, so the PDF outline lists each of them. */
const HEADED = new Set(['failed', 'errored', 'flaky']);

function caseBlock(c: CaseResult, index: number, suppressed: ReadonlySet<string>, open: boolean): string {
  const verdict = verdictOf(c, suppressed);
  const info = c.case;
  const outcome = c.outcome;
  const search = `${info.id} ${info.title} ${info.tags.join(' ')}`.toLowerCase();
  const classification = classificationHtml(info);
  // Findings are shown once, in the attempt that produced them; the outcome repeats the last
  // attempt's, so they are shown here only when no attempt carries any.
  const attemptsHaveFindings = c.attempts.some((a) => a.findings.length > 0);
  const findings = outcome.status === 'failed' && !attemptsHaveFindings ? outcome.findings.map(finding).join('') : '';
  const reason = outcome.status === 'failed' ? undefined : outcomeReason(c);
  const status = verdict === 'suppressed' ? `suppressed (${t(outcome.status)})` : t(outcome.status);
  const failedLine =
    outcome.status === 'failed'
      ? `<p><strong>${status}:</strong> ${outcome.findings.length} finding${outcome.findings.length === 1 ? '' : 's'}${attemptsHaveFindings ? ', shown with the attempt that produced them' : ''}.</p>`
      : '';
  const titleText = `<span class="id">${t(info.id, 300)}</span> <span>${t(info.title, 300)}</span>`;
  const title = HEADED.has(verdict) ? `<h4 class="case-h">${titleText}</h4>` : titleText;
  return `<details class="case" id="${anchor(index)}" data-case data-verdict="${verdict}" data-stride="${t(info.stride ?? 'unclassified')}" data-severity="${t(info.severity ?? '')}" data-language="${t(info.language ?? '')}" data-search="${t(search, 1000)}"${open ? ' open' : ''}>
<summary><span class="badge b-${verdict}">${verdict}</span><span>${t(info.severity ?? 'unrated')}</span><span class="muted">${t(info.stride ?? info.kind)}</span>${title}<span class="muted">${t(Math.round(c.durationMs))} ms</span></summary>
<div class="body">${reason ? `<p><strong>${status}:</strong></p><pre class="reason">${t(reason)}</pre>` : ''}${failedLine}${findings}
${info.description ? `<div class="description">${proseHtml(info.description)}</div>` : ''}
<dl class="meta"><dt>replay</dt><dd><code>${t(c.replay)}</code></dd>${info.file ? `<dt>scenario file</dt><dd><code>${t(info.file)}</code></dd>` : ''}${classification ? `<dt>classification</dt><dd>${classification}</dd>` : ''}${info.language ? `<dt>language</dt><dd>${t(info.language)}</dd>` : ''}${info.remediation ? `<dt>remediation</dt><dd class="remediation">${proseHtml(info.remediation)}</dd>` : ''}${info.references?.length ? `<dt>references</dt><dd>${referencesHtml(info)}</dd>` : ''}</dl>
${c.attempts.map(attempt).join('')}</div></details>`;
}

function select(name: string, label: string, values: readonly string[]): string {
  return `<label>${label} <select id="filter-${name}"><option value="">all</option>${values.map((v) => `<option value="${t(v)}">${t(v)}</option>`).join('')}</select></label>`;
}

/** Filters and every case with its evidence; cases that did not pass come first and open. */
export function casesSection(cases: readonly CaseResult[], suppressed: ReadonlySet<string>): string {
  const indexed = cases.map((c, i) => ({ c, i, v: verdictOf(c, suppressed) }));
  indexed.sort((a, b) => verdicts.indexOf(a.v) - verdicts.indexOf(b.v) || a.i - b.i);
  const languages = [
    ...new Set(cases.map((c) => c.case.language).filter((l): l is NonNullable<typeof l> => l !== undefined)),
  ].sort();
  const filters = `<div class="filters">${select('verdict', 'Verdict', verdicts)}${select('stride', 'STRIDE', [...STRIDE, 'unclassified'])}${select('severity', 'Severity', SEVERITIES)}${select('language', 'Language', languages)}<label>Search <input id="filter-text" type="search" placeholder="id, title or tag"></label><button id="filter-reset" type="button">Reset</button><span id="filter-count" class="muted"></span></div>`;
  // Opening a few hundred failing cases would make the page heavy; the first 50 open.
  let opened = 0;
  const open = new Map(indexed.map(({ c, v }) => [c, v !== 'passed' && v !== 'unsupported' && opened++ < 50]));
  // One group per STRIDE category, each with a heading: the PDF outline has a bookmark per category.
  const groups = [...STRIDE, 'unclassified'].flatMap((stride) => {
    const inGroup = indexed.filter(({ c }) => (c.case.stride ?? 'unclassified') === stride);
    if (!inGroup.length) return [];
    const notPassing = inGroup.filter(({ v }) => HEADED.has(v)).length;
    return [
      `<section class="stride-group" data-group="${t(stride)}"><h3>${t(stride)} <span class="muted">${inGroup.length} case${inGroup.length === 1 ? '' : 's'}, ${notPassing} failed, errored or flaky</span></h3>\n${inGroup.map(({ c, i }) => caseBlock(c, i, suppressed, open.get(c) ?? false)).join('\n')}</section>`,
    ];
  });
  return `<section id="cases"><h2>Cases</h2>${filters}\n${groups.join('\n')}</section>`;
}
