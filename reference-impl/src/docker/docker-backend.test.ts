import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeContainerHardening } from '../../../src/docker/docker-container-hardening.js';
import { DockerLabel } from '../../../src/docker/docker-container-owner.js';
import { alice, policy, startExecutorUnderTest, type ExecutorUnderTest } from '../testing/executor-under-test.js';

const docker = new Docker();
const SECRET = 'executor-env-secret-7d1f0c9a';

/** The pid labelled on the containers of an executor, read from the container an execution ran in. */
async function ownerPidOf(executor: ExecutorUnderTest): Promise<string> {
  const sessionId = await executor.createSession('python');
  try {
    const result = await executor.execute('python', 'import socket\nprint(socket.gethostname())', {
      sessionId,
      policy: { filesystem: 'session' },
    });
    const info = await docker.getContainer(result.stdout.text.trim()).inspect();
    return info.Config.Labels[DockerLabel.ownerPid]!;
  } finally {
    await executor.peer.request('session/destroy', { principal: alice, sessionId });
  }
}

/** The execution containers of one executor process, as the engine lists them. */
async function containersOf(ownerPid: string): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({
    all: true,
    filters: { label: [`${DockerLabel.ownerPid}=${ownerPid}`, 'dev.gauntlet.role=execution'] },
  });
}

/** Runs a command in a container as the sandbox user and returns its exit code. */
async function runAs(container: Docker.Container, cmd: string[]): Promise<number | null> {
  const exec = await container.exec({ Cmd: cmd, User: '10001:10001', AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  await new Promise<void>(
    (resolve) => (
      stream
        .on('end', resolve)
        .on('close', resolve)
        .on('error', () => resolve()),
      stream.resume()
    ),
  );
  return (await exec.inspect()).ExitCode;
}

/** The running execution container of `owner` whose code wrote /work/waiting, if any yet. */
async function waitingContainer(owner: string): Promise<Docker.Container | undefined> {
  const running = await docker.listContainers({
    filters: { label: [`${DockerLabel.ownerPid}=${owner}`, 'dev.gauntlet.role=execution'], status: ['running'] },
  });
  for (const info of running) {
    const container = docker.getContainer(info.Id);
    if ((await runAs(container, ['test', '-e', '/work/waiting']).catch(() => null)) === 0) return container;
  }
  return undefined;
}

describe('reference executor, Docker backend (needs the engine and gauntlet/runtime:bookworm)', () => {
  let executor: ExecutorUnderTest;
  beforeAll(async () => {
    executor = await startExecutorUnderTest({ args: ['--backend', 'docker'], env: { GAUNTLET_CANARY_X: SECRET } });
  });
  afterAll(async () => {
    await executor?.close();
  });

  it('declares container isolation, the native languages and no tools', () => {
    expect(executor.info.executorInfo.isolation).toBe('container');
    expect(executor.info.languages.map((l) => l.id)).toEqual(['javascript', 'python', 'shell']);
    expect(executor.info.capabilities.tools.supported).toBe(false);
  });

  it('runs python3, node and bash natively as the unprivileged user, without the executor environment', async () => {
    const python = await executor.execute(
      'python',
      `import os\nprint("py", os.getuid(), os.environ.get("GAUNTLET_CANARY_X"))`,
    );
    const js = await executor.execute(
      'javascript',
      `console.log("js", process.getuid(), process.env.GAUNTLET_CANARY_X)`,
    );
    const shell = await executor.execute('shell', `echo "sh $(( 6 * 7 )) \${GAUNTLET_CANARY_X:-none}"`, {
      policy: { env: { GIVEN: 'yes' } },
    });
    expect(python).toMatchObject({ status: 'ok', stdout: { text: 'py 10001 None\n' } });
    expect(js).toMatchObject({ status: 'ok', stdout: { text: 'js 10001 undefined\n' } });
    expect(shell).toMatchObject({ status: 'ok', stdout: { text: 'sh 42 none\n' } });
  });

  it('types syntax, permission and runtime errors', async () => {
    expect(await executor.execute('python', 'def f(:\n  pass')).toMatchObject({
      status: 'error',
      error: { type: 'syntax' },
    });
    expect(await executor.execute('python', 'open("/etc/shadow").read()')).toMatchObject({
      status: 'error',
      error: { type: 'permission', name: 'PermissionError' },
    });
    expect(await executor.execute('javascript', 'throw new TypeError("boom")')).toMatchObject({
      status: 'error',
      error: { type: 'runtime' },
    });
  });

  it('runs every execution in a container the engine reports as hardened', async () => {
    // The code holds its container until the test releases it, so the engine is asked about a
    // container that provably still serves an execution (no race with its removal).
    const owner = await ownerPidOf(executor);
    const running = executor.execute(
      'python',
      'import os, time\nopen("waiting", "w").close()\n' +
        'while not os.path.exists("release"): time.sleep(0.02)\nprint("released")',
    );
    let held: Docker.Container | undefined;
    await expect
      .poll(async () => (held = await waitingContainer(owner)), { timeout: 20_000, interval: 100 })
      .toBeDefined();
    const facts = describeContainerHardening(await held!.inspect());
    await runAs(held!, ['touch', '/work/release']);
    expect(facts).toMatchObject({
      user: '10001:10001',
      runsAsRoot: false,
      privileged: false,
      capAdd: [],
      capDrop: ['ALL'],
      readonlyRootfs: true,
      networkMode: 'none',
      noNewPrivileges: true,
      seccomp: 'default',
      swapDisabled: true,
      dockerSocketMounted: false,
      hostPathMounts: [],
    });
    expect(facts.pidsLimit).toBeGreaterThan(0);
    expect(facts.nanoCpus).toBeGreaterThan(0);
    expect(facts.ulimits.map((u) => u.name).sort()).toEqual(['fsize', 'nofile']);
    expect(Object.keys(facts.tmpfs)).toContain('/work');
    expect(await running).toMatchObject({ status: 'ok', stdout: { text: 'released\n' } });
  });

  it('tells a timeout (its own clock) from the OOM killer (the memory cgroup) and the fsize limit', async () => {
    const spin = await executor.execute('python', 'while True: pass', { policy: { wallTimeMs: 1500 } });
    expect(spin).toMatchObject({ status: 'error', error: { type: 'timeout', limit: { kind: 'wall_time' } } });
    const hog = await executor.execute('python', 'chunks = []\nwhile True: chunks.append(bytearray(8 * 1024 * 1024))', {
      policy: { memoryBytes: 32 * 1024 * 1024, wallTimeMs: 20_000 },
    });
    expect(hog).toMatchObject({ status: 'error', error: { type: 'resource', limit: { kind: 'memory' } } });
    const fill = await executor.execute(
      'python',
      'with open("big.bin", "wb") as f:\n    f.write(b"x" * (17 * 1024 * 1024))',
    );
    expect(fill).toMatchObject({
      status: 'error',
      error: { type: 'resource', limit: { kind: 'disk', configured: 16 * 1024 * 1024 } },
    });
    const suicide = await executor.execute('shell', 'kill -9 $$', { policy: { allowSubprocesses: true } });
    expect(suicide).toMatchObject({ status: 'error', error: { type: 'runtime' } });
  });

  it('denies subprocesses unless the policy allows them', async () => {
    const denied = await executor.execute('python', 'import subprocess\nsubprocess.run(["id"])');
    expect(denied).toMatchObject({ status: 'error', error: { type: 'permission' } });
    const shell = await executor.execute('shell', 'id -u');
    expect(shell.status).toBe('error');
    expect(shell.stdout.text).toBe('');
    const allowed = await executor.execute('shell', 'id -u', { policy: { allowSubprocesses: true } });
    expect(allowed).toMatchObject({ status: 'ok', stdout: { text: '10001\n' } });
  });

  it('refuses what it cannot enforce: tools, network allow-lists, typescript', async () => {
    await expect(
      executor.execute('python', 'print(1)', { policy: { network: { mode: 'allowlist', allow: ['127.0.0.1:9'] } } }),
    ).rejects.toMatchObject({ code: -32004 });
    await expect(executor.execute('typescript', 'const x: number = 1')).rejects.toMatchObject({ code: -32602 });
  });

  it('keeps a session in one container and removes it when the session ends', async () => {
    const { sessionId } = await executor.peer.request('session/create', {
      principal: alice,
      language: 'shell',
      policy: policy({ filesystem: 'session' }),
    });
    await executor.execute('shell', 'echo kept > note.txt', { sessionId, policy: { filesystem: 'session' } });
    const read = await executor.execute('shell', 'read -r line < note.txt; echo "$line $HOSTNAME"', {
      sessionId,
      policy: { filesystem: 'session' },
    });
    expect(read).toMatchObject({ status: 'ok', stdout: { text: expect.stringMatching(/^kept [0-9a-f]{12}\n$/) } });
    const containerId = read.stdout.text.trim().split(' ')[1]!;
    const owner = await ownerPidOf(executor);
    expect((await containersOf(owner)).map((c) => c.Id.slice(0, 12))).toContain(containerId);
    await executor.peer.request('session/destroy', { principal: alice, sessionId });
    // Killed at once, removed in the background: gone within a few seconds.
    await expect
      .poll(async () => (await containersOf(owner)).map((c) => c.Id.slice(0, 12)), { timeout: 15_000, interval: 250 })
      .not.toContain(containerId);
  });

  it('removes every container when it shuts down', async () => {
    const other = await startExecutorUnderTest({ args: ['--backend', 'docker'] });
    const owner = await ownerPidOf(other);
    expect((await containersOf(owner)).length).toBeGreaterThan(0);
    await other.close();
    expect(await containersOf(owner)).toEqual([]);
  });
});
