import type { Severity } from '../generated/types.js';
import type { ScenarioLintRule } from './scenario-lint-rule.js';

/** The bands GitHub code scanning maps security-severity into, so SARIF and severity agree. */
const bands: Record<Severity, readonly [number, number]> = {
  critical: [9, 10],
  high: [7, 8.9],
  medium: [4, 6.9],
  low: [0.1, 3.9],
  info: [0.1, 3.9],
};

/** securitySeverity falls in the band of severity. */
export const severityBand: ScenarioLintRule = {
  rule: 'severity-band',
  check({ scenario }) {
    const [low, high] = bands[scenario.severity];
    const value = scenario.securitySeverity;
    return value >= low && value <= high
      ? []
      : [{ pointer: '/securitySeverity', message: `${value} is outside the ${scenario.severity} band ${low}-${high}` }];
  },
};
