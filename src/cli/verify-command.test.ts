import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../report/generated/types.js';
import { sealReport } from '../report/seal-report.js';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { runCli } from '../testing/run-cli.js';

async function writeKeyPair(dir: string, name: string): Promise<{ key: string; pub: string }> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key = join(dir, `${name}.key.pem`);
  const pub = join(dir, `${name}.pub.pem`);
  await writeFile(key, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  await writeFile(pub, publicKey.export({ type: 'spki', format: 'pem' }));
  return { key, pub };
}

/** stderr is exactly one line. */
const oneLine = (text: string) => expect(text.trimEnd().split('\n')).toHaveLength(1);

describe('reports bound to their run: gauntlet verify, and report/merge/compare refusing changed reports', () => {
  let dir: string;
  let intact: string;
  let flipped: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-verify-'));
    intact = join(dir, 'intact.json');
    flipped = join(dir, 'flipped.json');
    const report = sealReport(fixtureReport({ statusOf: (i) => (i === 17 ? 'failed' : 'passed') }));
    await writeFile(intact, JSON.stringify(report, null, 2));
    // What an executor with write access would do: case 17 failed -> passed, summary made to agree.
    const edited = JSON.parse(JSON.stringify(report)) as Report;
    expect(edited.cases[17]!.outcome.status).toBe('failed');
    edited.cases[17]!.outcome = { status: 'passed' };
    edited.summary.all.failed -= 1;
    edited.summary.all.passed += 1;
    await writeFile(flipped, JSON.stringify(edited, null, 2));
  }, 240_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('verify passes the untouched report and refuses the flipped one in one line', async () => {
    const ok = await runCli(['verify', intact]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/intact \(digest [0-9a-f]{64}\); not signed/);
    const bad = await runCli(['verify', flipped]);
    expect(bad.code).toBe(2);
    oneLine(bad.stderr);
    expect(bad.stderr).toContain(
      `${flipped}: digest mismatch at cases[17] ("denial-of-service.cpu.busy-loop@python"), ` +
        `summary: the report was changed after it was written`,
    );
  }, 240_000);

  it('report, merge and compare exit 2 on the flipped report, naming the file and cases[17]', async () => {
    const runs = {
      report: await runCli(['report', 'html', flipped, '-o', join(dir, 'flipped.html')]),
      sarif: await runCli(['report', 'sarif', flipped, '-o', join(dir, 'flipped.sarif')]),
      merge: await runCli(['merge', flipped, '--output', join(dir, 'merged-flipped'), '--min-pass-rate', '0']),
      compare: await runCli(['compare', intact, flipped]),
    };
    for (const [name, run] of Object.entries(runs)) {
      expect(run.code, name).toBe(2);
      oneLine(run.stderr);
      expect(run.stderr, name).toContain(`${flipped}: digest mismatch at cases[17]`);
    }
    expect(runs.compare.stdout).toBe('');
    // The untouched one is accepted by the same commands; merge gates it (the case failed: exit 1).
    expect((await runCli(['report', 'html', intact, '-o', join(dir, 'intact.html')])).code).toBe(0);
    expect((await runCli(['merge', intact, '--output', join(dir, 'merged')])).code).toBe(1);
    expect((await runCli(['verify', join(dir, 'merged/report.json')])).code).toBe(0);
  }, 240_000);

  it('a report without a digest: verify refuses it, report warns and goes on', async () => {
    const legacy = join(dir, 'legacy.json');
    await writeFile(legacy, JSON.stringify(fixtureReport()));
    const verify = await runCli(['verify', legacy]);
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain('has no integrity digest');
    const report = await runCli(['report', 'junit', legacy, '-o', join(dir, 'legacy.xml')]);
    expect(report.code).toBe(0);
    expect(report.stderr).toContain(`gauntlet: warning: ${legacy}: has no integrity digest`);
  }, 240_000);

  it(
    'gauntlet run signs its report with the key in GAUNTLET_SIGNING_KEY (a path); a bad key ' +
      'stops it before any case',
    async () => {
      const mine = await writeKeyPair(dir, 'run');
      const out = join(dir, 'run-signed');
      const grep = '^tampering\\.persistence\\.math-random-fixed@javascript$';
      const run = await runCli(['run', '--grep', grep, '--output', out, '--reporter', 'json'], {
        env: { GAUNTLET_SIGNING_KEY: mine.key },
        deadlineMs: 240_000,
      });
      expect([0, 1]).toContain(run.code);
      const verify = await runCli(['verify', join(out, 'report.json'), '--public-key', mine.pub]);
      expect(verify.stdout).toContain('signature valid');
      expect(verify.code).toBe(0);
      await writeFile(join(dir, 'not-a-key.pem'), 'hello');
      const bad = await runCli([
        'run',
        '--grep',
        grep,
        '--output',
        join(dir, 'run-bad-key'),
        '--sign-key',
        join(dir, 'not-a-key.pem'),
      ]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^gauntlet: CONFIG_INVALID: .*not-a-key\.pem: not a PEM private key/);
    },
    300_000,
  );

  it(
    'a signed merge verifies with its public key and fails with another; merge --public-key ' +
      'refuses an unsigned shard',
    async () => {
      const mine = await writeKeyPair(dir, 'mine');
      const other = await writeKeyPair(dir, 'other');
      const signedByFlag = await runCli(['merge', intact, '--output', join(dir, 'signed'), '--sign-key', mine.key]);
      expect(signedByFlag.code).toBe(1);
      const signedFile = join(dir, 'signed/report.json');
      expect(JSON.parse(await readFile(signedFile, 'utf8'))).toMatchObject({
        integrity: { signature: { algorithm: 'ed25519' } },
      });
      const good = await runCli(['verify', signedFile, '--public-key', mine.pub]);
      expect(good.code).toBe(0);
      expect(good.stdout).toContain('signature valid');
      const wrong = await runCli(['verify', signedFile, '--public-key', other.pub]);
      expect(wrong.code).toBe(2);
      oneLine(wrong.stderr);
      expect(wrong.stderr).toMatch(/signed by key sha256:[0-9a-f]{32}, not by the required key sha256:[0-9a-f]{32}/);
      // The key from the environment (the PEM text itself, as CI secrets hold it) signs the same.
      const byEnv = await runCli(['merge', intact, '--output', join(dir, 'signed-env')], {
        env: { GAUNTLET_SIGNING_KEY: await readFile(mine.key, 'utf8') },
      });
      expect(byEnv.code).toBe(1);
      expect((await runCli(['verify', join(dir, 'signed-env/report.json'), '--public-key', mine.pub])).code).toBe(0);
      // Signing required: the unsigned shard is refused, the signed one accepted.
      const unsigned = await runCli([
        'merge',
        intact,
        '--output',
        join(dir, 'must-sign'),
        '--require-signature',
        '--public-key',
        mine.pub,
      ]);
      expect(unsigned.code).toBe(2);
      oneLine(unsigned.stderr);
      expect(unsigned.stderr).toContain(`${intact}: not signed; a signature by key sha256:`);
      expect(
        (await runCli(['merge', signedFile, '--output', join(dir, 'must-sign'), '--public-key', mine.pub])).code,
      ).toBe(1);
      const noKey = await runCli(['merge', intact, '--output', join(dir, 'must-sign'), '--require-signature']);
      expect(noKey.code).toBe(2);
      expect(noKey.stderr).toContain('--require-signature: needs --public-key FILE');
    },
    240_000,
  );
});
