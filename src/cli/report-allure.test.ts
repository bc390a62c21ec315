import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealReport } from '../report/seal-report.js';
import { SITE_MARKER } from '../reporters/allure/claim-site-folder.js';
import { launchChromium } from '../reporters/chromium.js';
import { gatedFixtureReport } from '../testing/fixtures/reports/gated-fixture.js';
import { runCli } from '../testing/run-cli.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Serves a folder on a loopback port the test opens itself, as `allure open` would. */
async function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    readFile(join(root, path.endsWith('/') ? `${path}index.html` : path)).then(
      (body) =>
        response
          .writeHead(200, { 'content-type': TYPES[extname(path || '.html')] ?? 'application/octet-stream' })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

describe('gauntlet report allure', () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-report-allure-'));
    input = join(dir, 'report.json');
    await writeFile(input, JSON.stringify(sealReport(gatedFixtureReport())));
  }, 240_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a folder holding other files (exit 2, one line) and deletes nothing', async () => {
    const project = join(dir, 'project');
    await mkdir(join(project, 'src'), { recursive: true });
    await writeFile(join(project, 'README.md'), '# mine\n');
    await writeFile(join(project, 'src/index.ts'), 'export {};\n');
    const before = (await readdir(project, { recursive: true })).sort();
    const into = await runCli(['report', 'allure', input, '-o', project], { deadlineMs: 200_000 });
    expect(into.code).toBe(2);
    expect(into.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(into.stderr).toContain(
      `${project}: holds files that are not an Allure site Gauntlet built (README.md, src)`,
    );
    // `-o .` in a folder that holds the report itself.
    await writeFile(join(project, 'report.json'), await readFile(input));
    const dot = await runCli(['report', 'allure', 'report.json', '-o', '.'], { cwd: project, deadlineMs: 200_000 });
    expect(dot.code).toBe(2);
    expect(dot.stderr).toContain('holds');
    expect((await readdir(project, { recursive: true })).sort()).toEqual([...before, 'report.json'].sort());
    await expect(readFile(join(project, 'README.md'), 'utf8')).resolves.toBe('# mine\n');
  }, 400_000);

  describe('the site it builds', () => {
    let site: string;
    let browser: Browser | undefined;
    let server: Server | undefined;
    beforeAll(async () => {
      site = join(dir, 'allure-report');
      const first = await runCli(['report', 'allure', input, '-o', site], { deadlineMs: 300_000 });
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
    }, 400_000);
    afterAll(async () => {
      await browser?.close();
      server?.close();
    });

    it('is marked as Gauntlet-built, so building it again into the same folder is allowed', async () => {
      expect(existsSync(join(site, SITE_MARKER))).toBe(true);
      // A site of an older Gauntlet (no marker) holds only what allure-commandline writes: rebuilt.
      await rm(join(site, SITE_MARKER));
      const again = await runCli(['report', 'allure', input, '-o', site], { deadlineMs: 300_000 });
      expect(again.code).toBe(0);
      expect(existsSync(join(site, 'index.html'))).toBe(true);
      expect(existsSync(join(site, SITE_MARKER))).toBe(true);
      // A file of someone else's in it: refused, kept.
      await rm(join(site, SITE_MARKER));
      await writeFile(join(site, 'notes.txt'), 'mine');
      const mixed = await runCli(['report', 'allure', input, '-o', site], { deadlineMs: 300_000 });
      expect(mixed.code).toBe(2);
      await expect(readFile(join(site, 'notes.txt'), 'utf8')).resolves.toBe('mine');
      await rm(join(site, 'notes.txt'));
    }, 400_000);

    it('makes no request to any outside host when opened in Chromium, and still renders', async () => {
      const served = await serve(site);
      server = served.server;
      browser = await launchChromium();
      const page = await browser.newPage();
      const outside: string[] = [];
      // Every request is seen here; one to another host is recorded and never sent.
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${served.origin}/`) || url.startsWith('data:') || url.startsWith('blob:'))
          return route.continue();
        outside.push(url);
        return route.abort();
      });
      page.on('request', (request) => {
        const url = request.url();
        if (
          !url.startsWith(`${served.origin}/`) &&
          !url.startsWith('data:') &&
          !url.startsWith('blob:') &&
          !outside.includes(url)
        )
          outside.push(url);
      });
      await page.goto(`${served.origin}/index.html`, { waitUntil: 'load', timeout: 60_000 });
      // The overview renders from the site's own data: the total number of cases appears.
      await page.locator('#content .spinner').waitFor({ state: 'detached', timeout: 60_000 });
      // Its widgets load one by one after the spinner goes (slowly on a loaded machine): poll.
      await expect
        .poll(() => page.locator('#content').innerText(), { timeout: 60_000, interval: 500 })
        .toContain(String(gatedFixtureReport().cases.length));
      await page.waitForLoadState('networkidle', { timeout: 30_000 });
      expect(outside).toEqual([]);
    }, 200_000);
  });
});
