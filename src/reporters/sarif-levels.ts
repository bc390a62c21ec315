import type { Severity } from '../scenarios/generated/types.js';

/** SARIF level of a severity: critical and high are errors, medium a warning, low and info notes. */
export function sarifLevel(severity: Severity | undefined): 'error' | 'warning' | 'note' {
  if (severity === 'critical' || severity === 'high' || severity === undefined) return 'error';
  return severity === 'medium' ? 'warning' : 'note';
}

/**
 * The security-severity string GitHub reads from a rule (0.1 to 10.0): the scenario's own number
 * when it has one, else the middle of its severity's band.
 */
export function securitySeverity(severity: Severity | undefined, numeric: number | undefined): string {
  if (numeric !== undefined) return Math.min(10, Math.max(0.1, numeric)).toFixed(1);
  const middle: Record<Severity, number> = { critical: 9.5, high: 8, medium: 5.5, low: 2, info: 0.5 };
  return middle[severity ?? 'high'].toFixed(1);
}
