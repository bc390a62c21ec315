import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { GateConfig, PassRateThresholds } from '../gate/generated/types.js';
import { STRIDE_CATEGORIES } from '../scenarios/stride-categories.js';

/** Gate flags shared by `run`, `merge` and `gate`. */
export const gateOptions = {
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean', default: false },
  expectations: { type: 'string' },
  'min-pass-rate': { type: 'string', multiple: true },
  'min-executed': { type: 'string' },
  'max-errored': { type: 'string' },
  'fail-on-flaky': { type: 'boolean', default: false },
} as const;

/** The gate flags, parsed. */
export interface GateArguments {
  /** Thresholds given as flags (laid over the config's gate section). */
  config: GateConfig;
  baseline?: string;
  updateBaseline: boolean;
  expectations?: string;
}

/** Help lines for the gate flags. */
export const gateUsage = `Gate (over the config's "gate" section; defaults: every severity 100%, at least 1 judged case,
no errored case):
  --min-pass-rate [SCOPE=]PCT  repeatable; SCOPE is a severity (critical...info), a STRIDE category,
                               unrated (cases without severity) or all (the default scope)
  --min-executed N         fewest judged cases (passed, failed or flaky)
  --max-errored N          most errored cases tolerated (an errored case never counts as passed)
  --fail-on-flaky          a case that passed only on a retry fails the gate
  --baseline FILE          fail only on regressions against this baseline
  --update-baseline        write the run's statuses to the --baseline file (then gate against it)
  --expectations FILE      the executor's known problems (scenario, expected, justification, owner, expires)`;

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
const STRIDE: readonly string[] = STRIDE_CATEGORIES;

function invalid(flag: string, message: string): HarnessError {
  return new HarnessError(HarnessErrorCode.ConfigInvalid, message, flag);
}

function count(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw invalid(flag, `must be a whole number >= 0, got ${JSON.stringify(text)}`);
  return n;
}

function passRates(given: readonly string[]): PassRateThresholds | undefined {
  if (!given.length) return undefined;
  const out: PassRateThresholds = {};
  for (const entry of given) {
    const [scope, value] = entry.includes('=') ? (entry.split('=', 2) as [string, string]) : ['all', entry];
    const pct = Number(value.replace(/%$/, ''));
    if (!Number.isFinite(pct) || pct < 0 || pct > 100)
      throw invalid('--min-pass-rate', `the percent must be from 0 to 100, got ${JSON.stringify(value)}`);
    if (scope === 'all' || scope === 'overall') out.overall = pct;
    else if (scope === 'unrated') out.unrated = pct;
    else if (SEVERITIES.includes(scope)) out.bySeverity = { ...out.bySeverity, [scope]: pct };
    else if (STRIDE.includes(scope)) out.byStride = { ...out.byStride, [scope]: pct };
    else
      throw invalid(
        '--min-pass-rate',
        `unknown scope ${JSON.stringify(scope)}; expected all, unrated, ${SEVERITIES.join(', ')} ` +
          `or ${STRIDE.join(', ')}`,
      );
  }
  return out;
}

/** Reads the gate flags from parseArgs values. */
export function gateArguments(values: {
  [K in keyof typeof gateOptions]?: string | boolean | string[] | undefined;
}): GateArguments {
  const minPassRate = passRates((values['min-pass-rate'] as string[] | undefined) ?? []);
  const minExecuted = count('--min-executed', values['min-executed'] as string | undefined);
  const maxErrored = count('--max-errored', values['max-errored'] as string | undefined);
  if (values['update-baseline'] && !values.baseline)
    throw invalid('--update-baseline', 'needs --baseline FILE to write to');
  return {
    config: {
      ...(minPassRate ? { minPassRate } : {}),
      ...(minExecuted !== undefined ? { minExecuted } : {}),
      ...(maxErrored !== undefined ? { maxErrored } : {}),
      ...(values['fail-on-flaky'] ? { failOnFlaky: true } : {}),
    },
    ...(values.baseline ? { baseline: values.baseline as string } : {}),
    updateBaseline: values['update-baseline'] === true,
    ...(values.expectations ? { expectations: values.expectations as string } : {}),
  };
}
