import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../config/load-config.js';
import { runCli } from '../testing/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');

describe('gauntlet init and typed configs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-init-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'writes a commented config that loads and runs the reference until the executor is set, ' +
      'and a workflow using the Action',
    async () => {
      const project = join(dir, 'fresh');
      await mkdir(project);
      const run = await runCli(['init'], { cwd: project });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const config = await readFile(join(project, 'gauntlet.config.mjs'), 'utf8');
      expect(config).toMatch(/^\/\/ Gauntlet configuration/);
      expect(config.split('\n').filter((l) => l.trim().startsWith('//')).length).toBeGreaterThan(10);
      const loaded = await loadConfig(project);
      expect(loaded?.config).toMatchObject({
        defaultTarget: 'reference',
        targets: { 'my-executor': { transport: 'stdio', command: './bin/my-executor', args: ['--stdio'] } },
        gate: { maxErrored: 0 },
      });
      const listed = await runCli(['list', '--stride', 'information-disclosure', '--language', 'javascript'], {
        cwd: project,
      });
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(/cases? selected/);
      const workflow = parse(await readFile(join(project, '.github/workflows/gauntlet.yml'), 'utf8'));
      const step = workflow.jobs.gauntlet.steps.find((s: { uses?: string }) =>
        s.uses?.startsWith('gauntlet-dev/gauntlet@'),
      );
      expect(step.with).toEqual({ target: 'my-executor', config: 'gauntlet.config.mjs' });
    },
    60_000,
  );

  it('takes the executor command, and refuses to overwrite anything', async () => {
    const project = join(dir, 'with-command');
    await mkdir(project);
    expect(
      (await runCli(['init', '--name', 'acme', '--command', `node "dist/exec it's.js" --stdio`], { cwd: project }))
        .code,
    ).toBe(0);
    expect((await loadConfig(project))?.config).toMatchObject({
      defaultTarget: 'acme',
      targets: { acme: { command: 'node', args: ["dist/exec it's.js", '--stdio'] } },
    });
    const before = await readFile(join(project, 'gauntlet.config.mjs'), 'utf8');
    const again = await runCli(['init', '--name', 'other'], { cwd: project });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      'gauntlet.config.mjs, .github/workflows/gauntlet.yml already exist; nothing written',
    );
    expect(await readFile(join(project, 'gauntlet.config.mjs'), 'utf8')).toBe(before);
    // Another config format counts too: init never writes a second, shadowed config.
    const json = join(dir, 'json');
    await mkdir(json);
    await writeFile(join(json, 'gauntlet.config.json'), '{}');
    expect((await runCli(['init'], { cwd: json })).code).toBe(2);
    expect(await readdir(json)).toEqual(['gauntlet.config.json']);
  }, 60_000);

  it(
    "loads a gauntlet.config.ts that imports defineConfig from 'gauntlet' and a neighbouring " +
      'module, leaving nothing behind',
    async () => {
      const project = join(dir, 'typed');
      await mkdir(join(project, 'node_modules'), { recursive: true });
      await symlink(ROOT, join(project, 'node_modules/gauntlet'));
      await writeFile(
        join(project, 'targets.mjs'),
        `export const acme = { transport: 'stdio', command: 'node', args: ['exec.js'] };\n`,
      );
      await writeFile(
        join(project, 'gauntlet.config.ts'),
        `import { defineConfig, type Config } from 'gauntlet';\nimport { acme } from ` +
          `'./targets.mjs';\nconst run: Config['run'] = { workers: 2 };\nexport default ` +
          `defineConfig({ defaultTarget: 'acme', targets: { acme }, run });\n`,
      );
      const loaded = await loadConfig(project);
      expect(loaded?.config).toEqual({
        defaultTarget: 'acme',
        targets: { acme: { transport: 'stdio', command: 'node', args: ['exec.js'] } },
        run: { workers: 2 },
      });
      expect((await readdir(project)).sort()).toEqual(['gauntlet.config.ts', 'node_modules', 'targets.mjs']);
    },
  );

  it('loads a gauntlet.config.ts that imports sibling TypeScript modules, with and without an extension', async () => {
    const project = join(dir, 'siblings');
    await mkdir(join(project, 'lib'), { recursive: true });
    await writeFile(join(project, 'lib/workers.ts'), `export const workers: number = 3;\n`);
    await writeFile(
      join(project, 'targets.ts'),
      `import type { Config } from 'gauntlet';\nimport { workers } from ` +
        `'./lib/workers.js';\nexport const run = { workers } satisfies Config['run'];\nexport ` +
        `const acme = { transport: 'stdio' as const, command: 'node', args: ['exec.js'] };\n`,
    );
    await writeFile(
      join(project, 'gauntlet.config.ts'),
      `import { acme, run } from './targets';\nexport default { defaultTarget: 'acme', targets: { acme }, run };\n`,
    );
    const loaded = await loadConfig(project);
    expect(loaded?.config).toEqual({
      defaultTarget: 'acme',
      targets: { acme: { transport: 'stdio', command: 'node', args: ['exec.js'] } },
      run: { workers: 3 },
    });
    expect((await readdir(project)).sort()).toEqual(['gauntlet.config.ts', 'lib', 'targets.ts']);
  });
});
