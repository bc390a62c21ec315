import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult, Report } from '../../src/report/generated/types.js';
import { runCli } from '../../src/testing/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const target = `stdio:/usr/bin/python3 ${join(ROOT, 'examples/python-executor/executor.py')}`;

/**
 * The cases that make "one-shot execution of untrusted Python" safe: hard wall time, memory and
 * output limits, no host environment, files or network, no subprocesses. Each must be judged
 * and passed, never left unsupported.
 */
const CORE = [
  'denial-of-service.cpu.infinite-loop',
  'denial-of-service.cpu.blocking-sleep',
  'denial-of-service.process.worker-bomb',
  'denial-of-service.memory.buffer-bomb',
  'denial-of-service.memory.string-bomb',
  'denial-of-service.memory.array-bomb',
  'denial-of-service.memory.object-graph-bomb',
  'denial-of-service.output.stdout-flood',
  'denial-of-service.output.stderr-flood',
  'denial-of-service.output.flood-kill-mode',
  'denial-of-service.output.huge-result',
  'denial-of-service.io.disk-fill',
  'information-disclosure.env.host-env',
  'information-disclosure.env.proc-self-environ',
  'information-disclosure.filesystem.host-file-read',
  'information-disclosure.file.relative-traversal',
  'information-disclosure.file.symlink-read',
  'information-disclosure.network.tcp-exfiltration',
  'information-disclosure.network.udp-exfiltration',
  'information-disclosure.network.http-exfiltration',
  'elevation-of-privilege.python.os-system-and-subprocess',
  'elevation-of-privilege.process.child-process-exec',
  'denial-of-service.process.fork-bomb',
  'elevation-of-privilege.python.ctypes-libc',
];

describe('examples/python-executor against the harness', () => {
  let dir: string;
  let report: Report;
  let code: number | null;
  let output: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-pyexec-'));
    const run = await runCli(['run', '--target', target, '--profile', 'core', '--workers', '2', '--output', dir], {
      deadlineMs: 300_000,
    });
    code = run.code;
    output = run.stdout + run.stderr;
    report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
  }, 320_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const byId = (id: string): CaseResult => {
    const found = report.cases.find((c) => c.case.id === `${id}@python`);
    if (!found) throw new Error(`no case ${id}@python in the report`);
    return found;
  };

  it('initializes as a Python-only executor whose limits are all hard', () => {
    expect(report.target.initialize?.languages.map((l) => l.id)).toEqual(['python']);
    expect(report.target.initialize?.capabilities.limits).toEqual({ wallTime: 'hard', memory: 'hard', output: 'hard' });
    expect(report.target.initialize?.capabilities.subprocesses).toEqual({ canDeny: true, canAllow: false });
  });

  it('passes every case relevant to one-shot execution, judged rather than unsupported', () => {
    for (const id of CORE) expect(byId(id).outcome, id).toEqual({ status: 'passed' });
  });

  it('conforms to the core profile: every case of it judged and passed, nothing failed or errored', () => {
    const core = report.profiles?.find((p) => p.id === 'core');
    expect(core?.status, output.slice(-4000)).toBe('passed');
    const inCore = new Set(core?.cases);
    // Cases in languages it does not run are planned too, and unsupported: they are not core's.
    const bad = report.cases.filter(
      (c) =>
        (inCore.has(c.case.id) && c.outcome.status !== 'passed') ||
        c.outcome.status === 'failed' ||
        c.outcome.status === 'errored',
    );
    expect(
      bad.map((c) => `${c.case.id}: ${c.outcome.status}`),
      output.slice(-4000),
    ).toEqual([]);
    expect(inCore.size).toBeGreaterThanOrEqual(70);
    expect(code, output.slice(-4000)).toBe(0);
  });
});

describe('examples/python-executor: the fuzz lane', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-pyexec-fuzz-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // A fixed seed, so the run is the same every time; this one generates a 986-deep tool schema,
  // which Python's json module cannot parse and which must still be answered with its own id.
  it('holds protocol-robustness: malformed, oversized and too-deep frames get their answers', async () => {
    const run = await runCli([
      'run',
      '--target',
      target,
      '--grep',
      '^fuzz/protocol-robustness$',
      '--seed',
      '9a1e2a40fd538cc28084b99e5be2169e',
      '--fuzz-runs',
      '40',
      '--output',
      dir,
    ]);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
    expect(
      report.cases.map((c) => [c.case.id, c.outcome]),
      run.stdout + run.stderr,
    ).toEqual([['fuzz/protocol-robustness', { status: 'passed' }]]);
    expect(run.code).toBe(0);
  }, 90_000);
});

/**
 * The catalogue's subprocess cases pass here even without the seccomp filter, since the sandbox
 * mounts no shell and no host file for a child to leak. This one goes below subprocess.Popen's
 * audit event (`_posixsubprocess.fork_exec` raises none) and runs the one program that is
 * mounted, the interpreter: only the kernel's filter can stop it.
 */
const forkBelowAuditHook =
  `id: elevation-of-privilege.python-executor.fork-exec-below-audit-hook
title: fork and exec below the audit hook
description: Starts the sandbox's own interpreter through _posixsubprocess.fork_exec, which raises no audit event.
stride: elevation-of-privilege
severity: high
securitySeverity: 8
classification: { cwe: [CWE-78] }
canaries: []
payloads:
  python: |
    import _posixsubprocess, os
    print({{proof}}, flush=True)
    r, w = os.pipe()
    python = os.path.realpath("/usr/bin/python3.11")
    pid = _posixsubprocess.fork_exec([python.encode(), b"-c", b"print('the child ran')"], ` +
  `[python.encode()], True, (), None, None, ` +
  `-1, -1, -1, -1, -1, -1, r, w, True, False, -1, None, None, None, -1, None, False)
    os.waitpid(pid, 0)
expect: [{ oracle: error-type-is, types: [permission] }]
calibration: { failsWith: [{ executor: wide-open }] }
remediation: Deny fork and exec in the kernel (seccomp), not only in the interpreter.
`;

describe('examples/python-executor: the seccomp filter', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-pyexec-seccomp-'));
    const file = join(dir, 'scenarios/elevation-of-privilege/python-executor/fork-exec-below-audit-hook.yaml');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, forkBelowAuditHook);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stops a fork that no audit hook sees, with a permission error', async () => {
    const run = await runCli([
      'run',
      '--profile',
      'none',
      '--target',
      target,
      '--no-fuzz',
      '--scenarios',
      join(dir, 'scenarios'),
      '--output',
      join(dir, 'reports'),
    ]);
    const report = JSON.parse(await readFile(join(dir, 'reports/report.json'), 'utf8')) as Report;
    expect(
      report.cases.map((c) => [c.case.id, c.outcome]),
      run.stdout + run.stderr,
    ).toEqual([['elevation-of-privilege.python-executor.fork-exec-below-audit-hook@python', { status: 'passed' }]]);
    expect(run.stdout).not.toContain('the child ran');
    expect(run.code).toBe(0);
  }, 60_000);
});

/** A bare protocol client over the executor's stdio: one JSON line per message, answers by id. */
function connect(tenants: Record<string, string>) {
  const child = spawn('/usr/bin/python3', [join(ROOT, 'examples/python-executor/executor.py')], {
    env: { GAUNTLET_TENANTS: JSON.stringify(tenants) },
  });
  const waiting = new Map<unknown, (answer: Record<string, unknown>) => void>();
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const answer = JSON.parse(buffered.slice(0, end)) as Record<string, unknown>;
      buffered = buffered.slice(end + 1);
      waiting.get(answer['id'])?.(answer);
    }
  });
  let next = 0;
  return {
    child,
    send(method: string, params: object, deadlineMs = 20_000): Promise<Record<string, unknown>> {
      const id = `t-${next++}`;
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to ${method} within ${deadlineMs} ms`)), deadlineMs);
        waiting.set(id, (answer) => {
          clearTimeout(timer);
          resolve(answer);
        });
      });
    },
  };
}

describe('examples/python-executor: the protocol, spoken directly', () => {
  const alice = { tenantId: 'alice', userId: 'u1', token: 'alice-token' };
  const policy = {
    wallTimeMs: 20_000,
    memoryBytes: 128 * 1024 * 1024,
    output: { stdoutBytes: 4096, stderrBytes: 4096, resultBytes: 4096, onExceed: 'truncate' },
    network: { mode: 'none' },
    filesystem: 'ephemeral',
    allowSubprocesses: false,
  };
  let peer: ReturnType<typeof connect>;
  beforeAll(() => {
    peer = connect({ alice: 'alice-token', bob: 'bob-token' });
  });
  afterAll(() => {
    peer.child.kill('SIGKILL');
  });

  it('refuses before initialize, what it cannot enforce, what it does not run, and strangers', async () => {
    expect(await peer.send('execute', { principal: alice, language: 'python', code: '1', policy })).toMatchObject({
      error: { code: -32001 },
    });
    expect(await peer.send('ping', {})).toMatchObject({ result: {} });
    expect(
      await peer.send('initialize', { protocolVersion: '1.2', harnessInfo: { name: 'test', version: '0' } }),
    ).toMatchObject({ result: { languages: [{ id: 'python' }] } });
    const loose = {
      ...policy,
      network: { mode: 'allowlist', allow: ['127.0.0.1:8080'] },
      secrets: [{ name: 'API_KEY', value: 'secret-value-1' }],
    };
    expect(
      await peer.send('execute', { principal: alice, language: 'python', code: '1', policy: loose }),
    ).toMatchObject({ error: { code: -32004, data: { unsupported: ['/policy/network', '/policy/secrets'] } } });
    expect(await peer.send('execute', { principal: alice, language: 'javascript', code: '1', policy })).toMatchObject({
      error: { code: -32602, data: { issues: [{ pointer: '/language' }] } },
    });
    expect(
      await peer.send('execute', {
        principal: { ...alice, token: 'bob-token' },
        language: 'python',
        code: '1',
        policy,
      }),
    ).toMatchObject({ error: { code: -32005 } });
    expect(await peer.send('session/create', { principal: alice, language: 'python', policy })).toMatchObject({
      error: { code: -32601 },
    });
    // Without sessions every session id is unknown (§4.5), not an unsupported policy.
    const inSession = { principal: alice, language: 'python', code: '1', policy, sessionId: 's-1' };
    expect(await peer.send('execute', inSession)).toMatchObject({ error: { code: -32002 } });
  });

  it('cancels a running execution for its own tenant only, and answers it cancelled', async () => {
    const running = peer.send('execute', {
      principal: alice,
      language: 'python',
      code: 'print("started", flush=True)\nwhile True: pass',
      executionId: 'e-1',
      policy,
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(
      await peer.send('execute/cancel', {
        principal: { tenantId: 'bob', userId: 'u2', token: 'bob-token' },
        executionId: 'e-1',
      }),
    ).toMatchObject({ error: { code: -32010 } });
    const started = performance.now();
    expect(await peer.send('execute/cancel', { principal: alice, executionId: 'e-1' })).toMatchObject({
      result: { cancelled: true },
    });
    expect(await running).toMatchObject({
      result: { status: 'error', error: { type: 'cancelled' }, stdout: { text: 'started\n' } },
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(await peer.send('execute/cancel', { principal: alice, executionId: 'e-1' })).toMatchObject({
      result: { cancelled: false },
    });
  });

  it('answers shutdown and exits', async () => {
    const exited = new Promise((resolve) => peer.child.on('exit', resolve));
    expect(await peer.send('shutdown', {})).toMatchObject({ result: {} });
    expect(await exited).toBe(0);
  });
});
