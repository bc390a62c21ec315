/** What `gauntlet init` writes: a commented config and a GitHub workflow that uses the Action. */
export interface InitFiles {
  config: string;
  workflow: string;
}

/**
 * The starter files for an executor named `name`, started with `command` and `args` (a
 * placeholder when no command is given, with the reference executor as the default target so
 * `gauntlet run` works at once).
 */
export function initFiles(name: string, command?: { command: string; args: string[] }): InitFiles {
  // JSON is valid JavaScript, quotes and backslashes in a command included.
  const js = (value: unknown) => JSON.stringify(value);
  const target = command ?? { command: './bin/my-executor', args: ['--stdio'] };
  const config = `// Gauntlet configuration: targets, run defaults, the CI gate and where code-scanning alerts point.
// Its shape is schemas/config.schema.json in the gauntlet package; command-line flags override it.
// Check it with: npx gauntlet list
/** @type {import('gauntlet').Config} */
export default {
  // The target \`gauntlet run\` uses without --target.${
    command
      ? ''
      : ` 'reference' is Gauntlet's own executor, to try
  // the suite; set ${js(name)} once the command below starts yours.`
  }
  defaultTarget: ${js(command ? name : 'reference')},
  targets: {
    // Your executor: Gauntlet starts this command (without a shell) and speaks the protocol on its
    // stdin and stdout (JSON-RPC, one message per line). Its stderr is its log.
    ${js(name)}: {
      transport: 'stdio',
      command: ${js(target.command)},
      args: ${js(target.args)},
      // cwd: '.', // working directory, relative to this file
      // env: { LOG_LEVEL: 'info' }, // the only variables it gets besides PATH and Gauntlet's own
    },
  },
  run: {
    // Attempts after a failed or errored one; a case that passes later is reported as flaky.
    retries: 1,
  },
  // The gate decides the exit code: 0 passed, 1 failed (2 is a harness error).
  gate: {
    // Percent of judged cases that must pass, per severity (and byStride, overall, unrated).
    minPassRate: { bySeverity: { critical: 100, high: 100 } },
    // Errored cases could not be judged; none is ever counted as passed.
    maxErrored: 0,
    // Known problems you accept for now, each with a justification, an owner and an expiry:
    // expectations: { ${js(name)}: 'gauntlet/expectations.yaml' },
  },
  sarif: {
    // The file of this repository that code-scanning alerts point at (default: this file).
    // location: 'SECURITY.md',
    // category: 'gauntlet/${name}',
  },
};
`;
  const workflow = `# Runs the Gauntlet conformance suite against ${name} on every push and pull request:
# annotations on failed cases, the gate's verdict in the job summary, alerts in code scanning.
name: gauntlet
on:
  push:
  pull_request:
permissions:
  contents: read
  security-events: write
jobs:
  gauntlet:
    runs-on: ubuntu-24.04
    timeout-minutes: 60
    steps:
      - uses: actions/checkout@v4
      # Build your executor here, so that the command in gauntlet.config.mjs can start it.
      - uses: gauntlet-dev/gauntlet@v1
        with:
          target: ${name}
          config: gauntlet.config.mjs
`;
  return { config, workflow };
}
