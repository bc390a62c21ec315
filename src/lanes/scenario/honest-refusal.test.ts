import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../protocol/generated/error-codes.js';
import { Peer } from '../../protocol/peer.js';
import { RpcError } from '../../protocol/rpc-error.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import type { Report } from '../../report/generated/types.js';
import { defaultPolicy } from '../../protocol/default-policy.js';
import { runCli } from '../../testing/run-cli.js';
import { StdioClientTransport } from '../../transports/stdio-client-transport.js';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURE = join(ROOT, 'dist/src/testing/fixtures/honest-refusal-executor-main.js');
const TOKEN = 'attacker-token-0123456789abcdef';

/** Scenarios whose cases used to be refused by this executor: the default scratch directory, kill mode. */
const SELECTION =
  'flood-kill-mode|output-kill-recorded|disk-fill|promise-species-then|secret-plain-stdout|write-executor-code';

describe('an executor that honestly refuses scratch files and kill mode', () => {
  it('refuses the harness default policy with -32004, as protocol §4.3 asks', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [FIXTURE],
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', GAUNTLET_TENANTS: JSON.stringify({ attacker: TOKEN }) },
    });
    const peer = new Peer(transport, { role: 'harness', defaultDeadlineMs: 60_000 });
    try {
      await peer.start();
      const init = await peer.request(
        'initialize',
        { protocolVersion: PROTOCOL_VERSION, harnessInfo: { name: 'test', version: '0' } },
        { deadlineMs: 60_000 },
      );
      expect(init.capabilities.filesystem).not.toContain('ephemeral');
      expect(init.capabilities.outputModes).toEqual(['truncate']);
      const refused = await peer
        .request('execute', {
          principal: { tenantId: 'attacker', userId: 'u', token: TOKEN },
          language: 'javascript',
          code: 'console.log(1)',
          policy: defaultPolicy,
        })
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RpcError);
      expect((refused as RpcError).code).toBe(ErrorCodes.UnsupportedPolicy);
    } finally {
      await peer.request('shutdown', {}, { deadlineMs: 5000 }).catch(() => undefined);
      await transport.close().catch(() => transport.kill());
    }
  });

  it('fails or errors no case for a refusal: kill-mode cases unsupported, the rest judged, gate passes', async () => {
    const out = await mkdtemp(join(tmpdir(), 'gauntlet-honest-'));
    try {
      const run = await runCli(
        [
          'run',
          '--profile',
          'none',
          '--target',
          `stdio:node ${FIXTURE}`,
          '--no-fuzz',
          '--grep',
          SELECTION,
          '--workers',
          '2',
          '--output',
          out,
          '--reporter',
          'json',
        ],
        { deadlineMs: 180_000 },
      );
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      const status = (id: string) => report.cases.find((c) => c.case.id === id)?.outcome.status;
      // Asked for kill mode, which the executor does not declare: not judged, never failed.
      for (const language of ['javascript', 'python', 'shell'])
        expect(status(`denial-of-service.output.flood-kill-mode@${language}`)).toBe('unsupported');
      expect(
        report.cases.find((c) => c.case.id === 'repudiation.audit.output-kill-recorded@javascript')?.outcome,
      ).toMatchObject({ status: 'unsupported', reason: expect.stringContaining('output-kill') as unknown });
      // Judged under the policy the executor accepts: the refused default never reaches a verdict.
      for (const id of [
        'elevation-of-privilege.js.promise-species-then@javascript',
        'denial-of-service.io.disk-fill@javascript',
        'information-disclosure.output.secret-plain-stdout@python',
      ])
        expect(status(id), id).toBe('passed');
      const judged = report.cases.filter((c) => c.outcome.status !== 'unsupported');
      expect(judged.length).toBeGreaterThanOrEqual(6);
      expect(
        judged.filter((c) => c.outcome.status !== 'passed').map((c) => `${c.case.id}: ${JSON.stringify(c.outcome)}`),
      ).toEqual([]);
      expect(JSON.stringify(report.cases)).not.toContain(String(ErrorCodes.UnsupportedPolicy));
      expect(report.gate.passed).toBe(true);
      expect(run.code, run.stdout + run.stderr).toBe(0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 200_000);
});
