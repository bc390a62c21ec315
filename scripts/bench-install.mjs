#!/usr/bin/env node
// Measures what a user pays to install the harness: packs `gauntlet` and the reference executor
// it depends on, installs both tarballs into an empty project with its own npm cache, and prints
// the time, size and package count, whether any compiler or install script ran, and whether
// `npx gauntlet run` passes against the reference executor from there.
//   npm run bench:install [-- --full] [-- --keep]
//     --full   also one whole `npx gauntlet run` (the default profile, fuzzing included)
//     --keep   leave the temporary project for inspection
// Exits 1 when a promise breaks: a compiler ran, a package declares an install script, the
// install exceeds 150 MB, or a run does not pass.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const LIMIT_BYTES = 150 * 1024 * 1024;
const GREP =
  '^information-disclosure\\.(filesystem\\.host-file-read|network\\.loopback-exfiltration)@' +
  '|^denial-of-service\\.cpu\\.infinite-loop@';
const full = process.argv.includes('--full');
const keep = process.argv.includes('--keep');

/** Runs a command with a deadline; resolves with its output, exit code and duration, never rejects. */
function run(command, args, options) {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { maxBuffer: 256 * 1024 * 1024, timeout: 30 * 60_000, ...options },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
          seconds: (performance.now() - started) / 1000,
        });
      },
    );
  });
}

/** Packs the workspace `workspace` (or the root) into `dir`; returns the tarball's path. */
async function pack(dir, workspace) {
  const packed = await run(
    'npm',
    ['pack', '--json', '--pack-destination', dir, ...(workspace ? ['--workspace', workspace] : [])],
    { cwd: ROOT },
  );
  if (packed.code !== 0) throw new Error(`npm pack ${workspace ?? '(root)'} failed: ${packed.stderr.slice(-2000)}`);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
  return { file: join(dir, info.filename), bytes: info.size, unpacked: info.unpackedSize, seconds: packed.seconds };
}

/** Every package folder under node_modules (scoped ones included, nested ones too). */
function packageFolders(modules) {
  const found = [];
  for (const name of existsSync(modules) ? readdirSync(modules) : []) {
    if (name.startsWith('.')) continue;
    const folder = join(modules, name);
    if (name.startsWith('@')) {
      for (const scoped of readdirSync(folder))
        found.push(join(folder, scoped), ...packageFolders(join(folder, scoped, 'node_modules')));
    } else {
      found.push(folder, ...packageFolders(join(folder, 'node_modules')));
    }
  }
  return found.filter((folder) => existsSync(join(folder, 'package.json')));
}

function bytesOf(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesOf(join(path, name)), 0);
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const work = mkdtempSync(join(tmpdir(), 'gauntlet-bench-install-'));
const problems = [];
try {
  // 1. Pack the harness and the reference executor (each builds itself first).
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  const harness = await pack(tarballs);
  const reference = await pack(tarballs, 'reference-impl');

  // 2. Install both tarballs into an empty project, with an empty npm cache of its own.
  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true }, null, 2)}\n`,
  );
  const env = {
    ...process.env,
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  delete env.npm_config_nodedir;
  const install = await run(
    'npm',
    ['install', '--foreground-scripts', '--loglevel', 'verbose', harness.file, reference.file],
    { cwd: project, env },
  );
  writeFileSync(join(work, 'install.log'), `${install.stdout}\n${install.stderr}`);
  if (install.code !== 0)
    throw new Error(
      `npm install failed (exit ${install.code}); log in ${join(work, 'install.log')}\n${install.stderr.slice(-3000)}`,
    );

  // 3. What the install brought: size, packages, and no sign of a compiler or an install script.
  const modules = join(project, 'node_modules');
  const folders = packageFolders(modules);
  const bytes = bytesOf(modules);
  const log = `${install.stdout}\n${install.stderr}`;
  const compilerLines = log.split('\n').filter((line) => /\bgyp\b|node-gyp|\bg\+\+|\bcc1plus\b|\bmake: /.test(line));
  const scriptWarnings = log.split('\n').filter((line) => /install-scripts|allowScripts/.test(line));
  const withScripts = folders.filter((folder) => {
    const scripts = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).scripts ?? {};
    return (
      ['preinstall', 'install', 'postinstall'].some((hook) => hook in scripts) ||
      existsSync(join(folder, 'binding.gyp'))
    );
  });
  const largest = folders
    .filter((f) => !f.slice(modules.length + 1).includes('/node_modules/'))
    .map((f) => ({ name: f.slice(modules.length + 1), bytes: bytesOf(f) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6);
  if (compilerLines.length) problems.push(`a compiler ran: ${compilerLines.slice(0, 3).join(' | ')}`);
  if (scriptWarnings.length)
    problems.push(`npm warned about install scripts: ${scriptWarnings.slice(0, 3).join(' | ')}`);
  if (withScripts.length)
    problems.push(
      `packages with install scripts or native sources: ` +
        `${withScripts.map((f) => f.slice(modules.length + 1)).join(', ')}`,
    );
  if (bytes >= LIMIT_BYTES) problems.push(`node_modules is ${mb(bytes)}, over ${mb(LIMIT_BYTES)}`);
  const du = await run('du', ['-sh', modules], {});

  // 4. `npx gauntlet run` against the reference executor, a few scenarios, then (--full) all of it.
  const runs = [];
  const selections = [['--no-fuzz', '--grep', GREP], ...(full ? [[]] : [])];
  for (const [index, selection] of selections.entries()) {
    const args = ['gauntlet', 'run', '--output', join(project, `reports-${index}`), ...selection];
    const result = await run('npx', ['--no-install', ...args], { cwd: project, env });
    const summary = result.stdout
      .split('\n')
      .filter((line) => /gate (passed|failed)|profile|^\s*total/i.test(line))
      .slice(-4)
      .join(' / ');
    runs.push({ command: `npx ${args.join(' ')}`, code: result.code, seconds: result.seconds, summary });
    if (result.code !== 0)
      problems.push(
        `npx ${args.join(' ')} exited ${result.code}: ${result.stderr.slice(-1500) || result.stdout.slice(-1500)}`,
      );
  }

  // 5. What the install leaves out says which package to add, in one line, and runs nothing.
  const hints = [];
  for (const args of [
    ['report', 'allure', join(project, 'reports-0/report.json'), '-o', join(project, 'allure-site')],
    ['run', '--target', 'adapter:vm2', '--output', join(project, 'reports-adapter')],
  ]) {
    const result = await run('npx', ['--no-install', 'gauntlet', ...args], { cwd: project, env });
    const line = result.stderr.trim();
    hints.push(
      `gauntlet ${args.slice(0, 3).join(' ')}: exit ${result.code}: ${line.split('\n').length} ` +
        `line(s): ${line.slice(0, 240)}`,
    );
    if (result.code !== 2 || !/PACKAGE_MISSING.*npm install --save-dev --save-exact/.test(line))
      problems.push(`gauntlet ${args[0]} did not name the missing package: ${line.slice(0, 500)}`);
  }

  // 6. The figures.
  console.log(
    `harness tarball   ${harness.file.split('/').pop()}: ${mb(harness.bytes)} packed, ` +
      `${mb(harness.unpacked)} unpacked (pack ${harness.seconds.toFixed(1)} s)`,
  );
  console.log(
    `reference tarball ${reference.file.split('/').pop()}: ${mb(reference.bytes)} packed, ` +
      `${mb(reference.unpacked)} unpacked (pack ${reference.seconds.toFixed(1)} s)`,
  );
  console.log(
    `install           ${install.seconds.toFixed(1)} s with an empty cache, ${folders.length} ` +
      `packages, node_modules ${mb(bytes)} (du -sh: ${du.stdout.split('\t')[0]})`,
  );
  console.log(`largest           ${largest.map((l) => `${l.name} ${mb(l.bytes)}`).join(', ')}`);
  console.log(
    `compiler lines    ${compilerLines.length}; install-script warnings ` +
      `${scriptWarnings.length}; packages with install scripts ${withScripts.length}`,
  );
  for (const r of runs)
    console.log(
      `run               ${r.command}: exit ${r.code} in ${r.seconds.toFixed(1)} ` +
        `s${r.summary ? ` (${r.summary.trim()})` : ''}`,
    );
  for (const hint of hints) console.log(`missing package   ${hint}`);
  console.log(
    `node ${process.version}, npm ` +
      `${(await run('npm', ['--version'], {})).stdout.trim()}${keep ? `; kept ${work}` : ''}`,
  );
} catch (error) {
  problems.push(error.message);
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
for (const problem of problems) console.error(`PROBLEM: ${problem}`);
process.exitCode = problems.length ? 1 : 0;
