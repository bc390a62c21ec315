import { createHash } from 'node:crypto';
import { suppressedIds } from '../../report/case-verdict.js';
import type { Report } from '../../report/generated/types.js';
import { baselineSection } from './baseline-section.js';
import { casesSection } from './cases-section.js';
import { clientScript } from './client-script.js';
import { gateSection } from './gate-section.js';
import { matrixSection } from './matrix-section.js';
import { profilesSection } from './profiles-section.js';
import { styles } from './styles.js';
import { t } from './text.js';
import { violationsBlock } from './violations-block.js';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function header(report: Report): string {
  const a = report.summary.all;
  const init = report.target.initialize;
  const executor = init ? `${init.executorInfo.name} ${init.executorInfo.version}` : 'did not answer initialize';
  return `<header><h1>Gauntlet report: ${t(report.target.name, 200)}</h1>
<p><span class="verdict ${report.gate.passed ? 'pass' : 'fail'}" id="verdict">GATE ${report.gate.passed ? 'PASSED' : 'FAILED'}</span>
<span class="muted">${a.total} cases: ${a.passed} passed, ${a.failed} failed, ${a.errored} errored, ${a.flaky} flaky, ${a.unsupported} unsupported${report.gate.suppressed?.length ? `; ${report.gate.suppressed.length} suppressed` : ''}</span></p>
<dl class="meta"><dt>executor</dt><dd>${t(executor, 300)} (${t(report.target.transport)}: ${t(report.target.description, 500)})</dd><dt>run</dt><dd>${t(report.runId)} · started ${t(report.startedAt)} · ${t(Math.round(report.durationMs))} ms</dd><dt>seed</dt><dd><code>${t(report.seed)}</code></dd><dt>replay</dt><dd><code>${t(report.command)}</code></dd><dt>harness</dt><dd>${t(report.harness.name)} ${t(report.harness.version)}, protocol ${t(report.harness.protocolVersion)}</dd><dt>corpus</dt><dd>${t(report.corpus.scenarios)} scenarios, sha256 ${t(report.corpus.digest)}</dd>${report.options.shard ? `<dt>shard</dt><dd>${report.options.shard.index}/${report.options.shard.total}</dd>` : ''}</dl></header>`;
}

/**
 * The HTML report: one self-contained file that loads nothing (a Content-Security-Policy allows
 * only its own inline style and script, by hash), with a badge per conformance profile, the gate explanation, the STRIDE x severity
 * matrix, the baseline diff, filters and every case's evidence. Every piece of text goes through
 * t(): bounded, neutralised, escaped.
 */
export function renderHtml(report: Report): string {
  const suppressed = suppressedIds(report.gate);
  const csp = `default-src 'none'; style-src ${hash(styles)}; script-src ${hash(clientScript)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gauntlet: ${t(report.target.name, 200)} — gate ${report.gate.passed ? 'passed' : 'failed'}</title>
<style>${styles}</style></head>
<body><main>
${header(report)}
${profilesSection(report)}
${gateSection(report)}
${report.protocolViolations ? `<section id="protocol-violations"><h2>Protocol violations</h2><p class="muted">Every violation the harness saw during the run, on every executor connection, inside cases or not.</p>${violationsBlock(report.protocolViolations)}</section>` : ''}
${matrixSection(report.cases, suppressed)}
${baselineSection(report)}
${casesSection(report.cases, suppressed)}
</main><script>${clientScript}</script></body></html>
`;
}
