import { targetKinds } from '../targets/target-kinds.js';
import { reporterRegistry } from '../reporters/reporter-registry.js';
import { gateUsage } from './gate-arguments.js';
import { lanes } from './lanes.js';

/** The text of `gauntlet run --help`, built from the registries so it never goes stale. */
export function runUsage(): string {
  const kinds = targetKinds.map((k) => `  ${k.syntax.padEnd(44)} ${k.description}`).join('\n');
  const reporters = [...reporterRegistry.values()].map((r) => `${r.name} (${r.description})`).join('; ');
  const laneFlags = lanes.flatMap((lane) => Object.values(lane.flags).map((flag) => `  ${flag.help}`)).join('\n');
  return `Usage: gauntlet run [options]

Runs the scenario corpus against an executor and writes reports/latest/report.json.
Exit codes: 0 the gate passed, 1 the gate failed, 2 the harness failed (bad input, an executor
that would not start, an invalid scenario file, an empty selection).

Target (--target, -t SPEC; default: the config's defaultTarget, else reference):
${kinds}
  NAME                                         a target of gauntlet.config.json / gauntlet.config.ts
  Calibrating a scenario against a weakened executor: --target reference:fault=env-leak

Conformance profiles (profiles/*.yaml; a failed profile fails the gate):
  -p, --profile P[,P]      core, sessions, tools, audit, redaction, multi-tenant, network-allowlist,
                           container, or a profile .yaml/.json file; none: no profile (the old
                           gate, with a warning).
                           Default: the config's run.profiles, else core. A capability a profile
                           requires that the executor does not declare is a failed critical case.

Options:
  -c, --config FILE        gauntlet.config.json or .ts (default: either one in the working directory)
  --tenants FILE           fixed tenant credentials {attacker, victim} (needed for ws:// targets)
  --scenarios DIR          the scenario corpus, repeatable (default: the scenarios folder shipped with Gauntlet)
  -j, --workers N          CPU-bound cases run at once (default: min(4, CPUs)); cases flagged
                           waits run beside them, 3 per worker
  --retries N              attempts after a failed or errored one; a later pass is "flaky"
  --repeat-each N          run every selected case N times
  --grace-ms MS            added to a step's wall-time budget before the harness gives up
  --seed HEX               reuse a run's seed: the same tokens, proofs and nonces (replays)
  -o, --output DIR         report folder (default reports/latest)
  --reporter NAME[=FILE]   repeatable; ${reporters}. json is always written.
  --sign-key FILE          sign report.json with this Ed25519 private key (PEM); default: the
                           GAUNTLET_SIGNING_KEY environment variable (a PEM file's path or the PEM)
  --sarif-category NAME    code-scanning category of results.sarif (default: the config's
                           sarif.category, else gauntlet/TARGET)

Selection (every given filter must match):
  -g, --grep RE            cases whose id, title or @tag matches (repeatable: any of them);
                           all patterns together get 3 s, so a catastrophic one is an error
  --grep-invert RE         leave out matching cases (repeatable)
  --stride CAT[,CAT]       spoofing, tampering, repudiation, information-disclosure,
                           denial-of-service, elevation-of-privilege
  --severity LVL[,LVL]     info, low, medium, high, critical; "high+" means high and above
  --tag TAG[,TAG]          cases with any of the tags
  --language LANG[,LANG]   javascript, typescript, python, shell
  --last-failed            only the cases that failed, errored or were flaky in the last report
  --shard I/N              the I-th of N deterministic shards (for CI matrices)
  --shuffle [SEED]         run the cases in an order drawn from SEED (default: the run's --seed)
  --list                   print the selected cases and exit without running them

${gateUsage}
${laneFlags ? `\nLanes:\n${laneFlags}\n` : ''}`;
}
