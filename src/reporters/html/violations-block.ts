import type { ProtocolViolations } from '../../report/generated/types.js';
import { violationsSummary } from '../protocol-violations-text.js';
import { t } from './text.js';

/** Protocol violations in the HTML report: the count by kind, then each kept violation with its frame. */
export function violationsBlock(violations: ProtocolViolations): string {
  const rows = violations.first.map(
    (v) =>
      `<tr><td><code>${t(v.kind)}</code></td><td>${t(v.method ?? '')}</td><td>${t(v.detail, 500)}</td><td><pre class="evidence">${t(v.excerpt, 300)}</pre></td></tr>`,
  );
  const more =
    violations.total > violations.first.length
      ? `<tr><td colspan="4">… ${violations.total - violations.first.length} more, counted above</td></tr>`
      : '';
  return `<div class="violations"><p><strong>${t(violationsSummary(violations))}</strong></p><table class="steps"><thead><tr><th>kind</th><th>method</th><th>detail</th><th>frame</th></tr></thead><tbody>${rows.join('')}${more}</tbody></table></div>`;
}
