import { sealReport } from '../report/seal-report.js';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { runCli } from '../testing/run-cli.js';
import { resolveSarifSettings } from './resolve-sarif-settings.js';

const config = (extra: object = {}) => `{
  "targets": {
    "reference": { "transport": "stdio", "command": "node", "args": ["x.js"] },
    "acme": {
      "transport": "stdio",
      "command": "./bin/acme"
    }
  }${Object.keys(extra).length ? `,\n  ${JSON.stringify(extra).slice(1, -1)}` : ''}
}
`;

/** A user's repository: a .git folder, the config in ci/, the executor's own SECURITY.md. */
describe('resolveSarifSettings', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'gauntlet-sarif-repo-'));
    await mkdir(join(repo, '.git'));
    await mkdir(join(repo, 'ci'));
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it('points at the config file, relative to the repository root, on the line defining the target', async () => {
    await writeFile(join(repo, 'ci/gauntlet.config.json'), config());
    const loaded = await loadConfig(repo, 'ci/gauntlet.config.json');
    expect(resolveSarifSettings({ cwd: repo, config: loaded, targetName: 'acme', env: {} })).toEqual({
      location: { uri: 'ci/gauntlet.config.json', startLine: 4 },
      rootUri: `${pathToFileURL(repo).href}/`,
    });
  });

  it(
    'points at sarif.location when the config names one, with the config category unless the ' + 'flag overrides it',
    async () => {
      await writeFile(
        join(repo, 'ci/gauntlet.config.json'),
        config({ sarif: { location: '../SECURITY.md', category: 'sandbox/acme' } }),
      );
      const loaded = await loadConfig(repo, 'ci/gauntlet.config.json');
      expect(resolveSarifSettings({ cwd: repo, config: loaded, targetName: 'acme', env: {} })).toMatchObject({
        location: { uri: 'SECURITY.md', startLine: 1 },
        category: 'sandbox/acme',
      });
      expect(resolveSarifSettings({ cwd: repo, config: loaded, category: 'matrix/2', env: {} }).category).toBe(
        'matrix/2',
      );
      expect(() => resolveSarifSettings({ cwd: repo, config: loaded, category: 'has space', env: {} })).toThrow(
        /--sarif-category/,
      );
    },
  );

  it('without a config points at the workflow that ran Gauntlet, else at gauntlet.config.json', () => {
    const env = {
      GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/sandbox.yml@refs/heads/main',
      GITHUB_WORKSPACE: repo,
    };
    expect(resolveSarifSettings({ cwd: repo, config: undefined, env }).location.uri).toBe(
      '.github/workflows/sandbox.yml',
    );
    expect(resolveSarifSettings({ cwd: join(repo, 'ci'), config: undefined, env: {} }).location.uri).toBe(
      'ci/gauntlet.config.json',
    );
  });

  it('gauntlet report sarif writes relative locations into the user repository', async () => {
    await writeFile(join(repo, 'ci/gauntlet.config.json'), config());
    await writeFile(join(repo, 'report.json'), JSON.stringify(sealReport(fixtureReport({ target: 'acme' }))));
    const run = await runCli(
      ['report', 'sarif', 'report.json', '-c', 'ci/gauntlet.config.json', '--sarif-category', 'gauntlet/acme'],
      { cwd: repo },
    );
    expect(run.stderr).toBe('');
    const log = JSON.parse(await readFile(join(repo, 'results.sarif'), 'utf8')) as {
      runs: Array<{
        automationDetails: { id: string };
        results: Array<{ locations: Array<{ physicalLocation: unknown }> }>;
      }>;
    };
    expect(log.runs[0]!.automationDetails.id).toBe('gauntlet/acme/run-acme-20261120');
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    for (const r of log.runs[0]!.results)
      expect(r.locations[0]!.physicalLocation).toEqual({
        artifactLocation: { uri: 'ci/gauntlet.config.json', uriBaseId: '%SRCROOT%' },
        region: { startLine: 4 },
      });
  }, 60_000);
});
