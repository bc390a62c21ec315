import { parseArgs } from 'node:util';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { Language } from '../protocol/generated/types.js';
import type { Selection } from '../report/generated/types.js';
import type { Severity, StrideCategory } from '../scenarios/generated/types.js';
import { reporterRegistry } from '../reporters/reporter-registry.js';
import { scenarioEnum } from '../scenarios/schema-enum.js';
import { gateArguments, gateOptions, type GateArguments } from './gate-arguments.js';
import { lanes } from './lanes.js';

/** The flags of `gauntlet run`, parsed and checked. */
export interface RunArguments {
  target?: string;
  config?: string;
  tenants?: string;
  /** --scenarios, repeatable: the corpus is every folder given, in order. */
  scenarios?: string[];
  workers?: number;
  retries?: number;
  repeatEach: number;
  graceMs?: number;
  selection: Selection;
  /** --profile a,b: the conformance profiles to judge (`none`: none); absent: the config's, else core. */
  profiles?: string[];
  list: boolean;
  shard?: { index: number; total: number };
  /** Run the cases in an order drawn from this seed (`--shuffle` alone: the run's seed). */
  shuffle?: string;
  seed?: string;
  output?: string;
  /** --sign-key: the Ed25519 private key (PEM file) that signs report.json. */
  signKey?: string;
  reporters: Array<{ name: string; file?: string }>;
  /** --sarif-category: the code-scanning category of results.sarif. */
  sarifCategory?: string;
  /** Thresholds, baseline and expectations flags. */
  gate: GateArguments;
  help: boolean;
  /** The values of the flags lanes added, by flag name. */
  laneFlags: Record<string, string | boolean | string[] | undefined>;
  /** The flags as given, for the replay command of the whole run. */
  raw: string[];
}

const LANGUAGES = ['javascript', 'typescript', 'python', 'shell'];

/** The flags of `gauntlet run` itself; lanes add theirs (src/cli/lanes.ts). */
const runOptions = {
  target: { type: 'string', short: 't' },
  config: { type: 'string', short: 'c' },
  tenants: { type: 'string' },
  scenarios: { type: 'string', multiple: true },
  workers: { type: 'string', short: 'j' },
  retries: { type: 'string' },
  'repeat-each': { type: 'string' },
  'grace-ms': { type: 'string' },
  grep: { type: 'string', short: 'g', multiple: true },
  'grep-invert': { type: 'string', multiple: true },
  stride: { type: 'string', multiple: true },
  severity: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  language: { type: 'string', multiple: true },
  'last-failed': { type: 'boolean', default: false },
  profile: { type: 'string', short: 'p', multiple: true },
  list: { type: 'boolean', default: false },
  shard: { type: 'string' },
  shuffle: { type: 'string' },
  seed: { type: 'string' },
  output: { type: 'string', short: 'o' },
  reporter: { type: 'string', multiple: true },
  'sign-key': { type: 'string' },
  'sarif-category': { type: 'string' },
  ...gateOptions,
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type ParsedValues = ReturnType<typeof parseArgs<{ args: string[]; options: typeof runOptions }>>['values'];

/** Parses the arguments after `run`; throws CONFIG_INVALID with the flag that is wrong. */
export function parseRunArguments(args: string[]): RunArguments {
  const laneOptions = Object.fromEntries(
    lanes.flatMap((lane) =>
      Object.entries(lane.flags).map(([name, flag]) => [
        name,
        { type: flag.type, ...(flag.multiple ? { multiple: true } : {}) },
      ]),
    ),
  );
  let parsed;
  try {
    parsed = parseArgs({
      args: optionalShuffleSeed(args),
      allowPositionals: false,
      options: { ...laneOptions, ...runOptions },
    });
  } catch (error) {
    throw invalid('gauntlet run', `${(error as Error).message} (see gauntlet run --help)`);
  }
  const values = parsed.values as ParsedValues;
  for (const pattern of [...(values.grep ?? []), ...(values['grep-invert'] ?? [])]) checkRegExp(pattern);
  if (values.seed !== undefined && !/^[0-9a-f]{16,64}$/.test(values.seed))
    throw invalid('--seed', 'must be 16 to 64 lowercase hex digits');
  const selection: Selection = {
    ...(values.grep ? { grep: values.grep } : {}),
    ...(values['grep-invert'] ? { grepInvert: values['grep-invert'] } : {}),
    ...(values.stride
      ? { stride: listOf('--stride', values.stride, scenarioEnum('StrideCategory')) as StrideCategory[] }
      : {}),
    ...(values.severity ? { severity: severities(values.severity) } : {}),
    ...(values.tag ? { tags: values.tag.flatMap((t) => t.split(',')) } : {}),
    ...(values.language ? { languages: listOf('--language', values.language, LANGUAGES) as Language[] } : {}),
    ...(values['last-failed'] ? { lastFailed: true } : {}),
  };
  return {
    ...(values.target !== undefined ? { target: values.target } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.tenants !== undefined ? { tenants: values.tenants } : {}),
    ...(values.scenarios !== undefined ? { scenarios: values.scenarios } : {}),
    ...(values.workers !== undefined ? { workers: integer('--workers', values.workers, 1, 64) } : {}),
    ...(values.retries !== undefined ? { retries: integer('--retries', values.retries, 0, 10) } : {}),
    repeatEach: values['repeat-each'] === undefined ? 1 : integer('--repeat-each', values['repeat-each'], 1, 1000),
    ...(values['grace-ms'] !== undefined ? { graceMs: integer('--grace-ms', values['grace-ms'], 0, 600_000) } : {}),
    selection,
    ...(values.profile
      ? {
          profiles: values.profile
            .flatMap((p) => p.split(','))
            .map((p) => p.trim())
            .filter(Boolean),
        }
      : {}),
    list: values.list,
    ...(values.shard !== undefined ? { shard: shard(values.shard) } : {}),
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    ...(values.shuffle !== undefined ? { shuffle: values.shuffle } : {}),
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values['sign-key'] !== undefined ? { signKey: values['sign-key'] } : {}),
    ...(values['sarif-category'] !== undefined ? { sarifCategory: values['sarif-category'] } : {}),
    gate: gateArguments(values),
    help: values.help === true,
    laneFlags: Object.fromEntries(
      lanes
        .flatMap((lane) => Object.keys(lane.flags))
        .map((name) => [name, (parsed.values as Record<string, string | boolean | string[] | undefined>)[name]]),
    ),
    reporters: (values.reporter ?? []).map((r) => {
      const [name, ...file] = r.split('=');
      if (!reporterRegistry.has(name!))
        throw invalid(
          '--reporter',
          `unknown reporter ${JSON.stringify(name)}; available: ${[...reporterRegistry.keys()].join(', ')}`,
        );
      return { name: name!, ...(file.length ? { file: file.join('=') } : {}) };
    }),
    raw: args,
  };
}

/** `--shuffle` takes an optional seed: given alone (last, or before another flag), it gets an empty one. */
function optionalShuffleSeed(args: string[]): string[] {
  return args.flatMap((arg, index) =>
    arg === '--shuffle' && (index === args.length - 1 || args[index + 1]!.startsWith('-')) ? ['--shuffle='] : [arg],
  );
}

function invalid(flag: string, message: string): HarnessError {
  return new HarnessError(HarnessErrorCode.ConfigInvalid, message, flag);
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw invalid(flag, `must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return value;
}

function listOf(flag: string, given: string[], allowed: readonly string[]): string[] {
  const values = given.flatMap((v) => v.split(','));
  const wrong = values.filter((v) => !allowed.includes(v));
  if (wrong.length)
    throw invalid(
      flag,
      `unknown value ${wrong.map((w) => JSON.stringify(w)).join(', ')}; expected one of ${allowed.join(', ')}`,
    );
  return values;
}

/** `high` is that level only; `high+` is high and everything above it. */
function severities(given: string[]): Severity[] {
  const levels = scenarioEnum('Severity');
  return given
    .flatMap((v) => v.split(','))
    .flatMap((value) => {
      const plus = value.endsWith('+');
      const [level] = listOf('--severity', [plus ? value.slice(0, -1) : value], levels);
      return (plus ? levels.slice(levels.indexOf(level!)) : [level!]) as Severity[];
    });
}

function shard(text: string): { index: number; total: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total)
    throw invalid('--shard', `must be i/n with 1 <= i <= n, got ${JSON.stringify(text)}`);
  return { index, total };
}

function checkRegExp(pattern: string): void {
  try {
    new RegExp(pattern);
  } catch (error) {
    throw invalid('--grep', `not a valid regular expression: ${(error as Error).message}`);
  }
}
