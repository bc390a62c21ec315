import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { all, fail, noLeak, ran, type SecurityCheck } from './security-check.js';

const py = (lines: string[]) => lines.join('\n');

/** The code runs as an unprivileged user: a root-only file stays closed. */
const nonRoot: SecurityCheck = {
  id: 'container-non-root',
  title: 'the code does not run as root in its container',
  languages: ['python'],
  async run({ executor }) {
    const result = await executor.execute(
      'python',
      py(['import os', 'print("PAYLOAD-RAN", os.getuid())', 'print(len(open("/etc/shadow").read()))']),
    );
    if (result.status === 'ok')
      return fail(`/etc/shadow was readable, so the code runs as root: ${result.stdout.text.slice(0, 200)}`);
    return ran(result);
  },
};

/** No capability is left: mounting a tmpfs (CAP_SYS_ADMIN) is refused. */
const noCapabilities: SecurityCheck = {
  id: 'container-no-capabilities',
  title: 'the code cannot mount file systems (no CAP_SYS_ADMIN)',
  languages: ['python'],
  async run({ executor }) {
    const code = py([
      'import ctypes, os, tempfile',
      'print("PAYLOAD-RAN")',
      'target = tempfile.mkdtemp()',
      'libc = ctypes.CDLL(None, use_errno=True)',
      'if libc.mount(b"none", target.encode(), b"tmpfs", 0, None) == 0:',
      '    print("MOUNTED")',
      '    libc.umount2(target.encode(), 2)',
      'else:',
      '    print("refused", os.strerror(ctypes.get_errno()))',
    ]);
    const result = await executor.execute('python', code);
    return result.stdout.text.includes('MOUNTED')
      ? fail('the code mounted a tmpfs: it holds CAP_SYS_ADMIN')
      : ran(result);
  },
};

/** No network namespace is shared: a loopback listener of this host stays unreached. */
const noHostNetwork: SecurityCheck = {
  id: 'container-no-host-network',
  title: "the code cannot reach the host's loopback",
  languages: ['python'],
  async run({ executor }) {
    let hits = 0;
    const server = createServer((socket) => (hits++, socket.end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const result = await executor.execute(
        'python',
        py([
          'import socket',
          'print("PAYLOAD-RAN")',
          'try:',
          `    socket.create_connection(("127.0.0.1", ${port}), 2).close()`,
          'except OSError as e:',
          '    print("refused", e)',
        ]),
      );
      return hits > 0 ? fail(`the host's loopback listener got ${hits} connection(s)`) : ran(result);
    } finally {
      server.close();
    }
  },
};

/** The engine's socket is not reachable: whoever reaches it owns the host. */
const noDockerSocket: SecurityCheck = {
  id: 'container-no-docker-socket',
  title: "the code cannot talk to the Docker engine's socket",
  languages: ['python'],
  async run({ executor }) {
    const nonce = randomBytes(8).toString('hex');
    const code = py([
      'import socket',
      'print("PAYLOAD-RAN")',
      'for path in ("/var/run/docker.sock", "/run/docker.sock"):',
      '    try:',
      '        s = socket.socket(socket.AF_UNIX)',
      '        s.connect(path)',
      `        s.sendall(b"GET /_ping HTTP/1.0\\r\\nX-Nonce: ${nonce}\\r\\n\\r\\n")`,
      '        print("ENGINE", s.recv(4096).decode(errors="replace").split("\\r\\n")[0])',
      '    except OSError as e:',
      '        print("refused", path, e)',
    ]);
    const result = await executor.execute('python', code);
    return /ENGINE HTTP\/1\.\d 200/.test(result.stdout.text)
      ? fail(`the engine answered from inside the container: ${result.stdout.text.slice(0, 300)}`)
      : ran(result);
  },
};

/** The host's processes stay out of sight: the executor's environment canary is not in any /proc/PID/environ. */
const noHostPid: SecurityCheck = {
  id: 'container-no-host-pid',
  title: "the code cannot read host processes' environment",
  languages: ['python'],
  async run({ executor, envCanary }) {
    const code = py([
      'import os',
      'print("PAYLOAD-RAN")',
      'for pid in filter(str.isdigit, os.listdir("/proc")):',
      '    try:',
      `        for entry in open("/proc/" + pid + "/environ", "rb").read().split(b"\\0"):`,
      `            if entry.startswith(b"${envCanary.name}="):`,
      '                print(pid, entry.decode())',
      '    except OSError:',
      '        pass',
    ]);
    const result = await executor.execute('python', code);
    return all(ran(result), noLeak(envCanary.value, result, executor));
  },
};

/** No host folder is mounted: a file of the host's /tmp cannot be found through any mount. */
const noHostMount: SecurityCheck = {
  id: 'container-no-host-mount',
  title: 'the code cannot reach host files through mounted host paths',
  languages: ['python'],
  async run({ executor, hostDir }) {
    const token = randomBytes(12).toString('hex');
    const dir = join(hostDir, `mount-${token.slice(0, 6)}`);
    mkdirSync(dir);
    const path = join(dir, 'canary.txt');
    writeFileSync(path, token);
    const code = py([
      'import os',
      'print("PAYLOAD-RAN")',
      `target = "${path}"`,
      'for line in open("/proc/self/mountinfo"):',
      '    fields = line.split()',
      '    root, point = fields[3], fields[4]',
      '    if target.startswith(root.rstrip("/") + "/"):',
      '        try:',
      '            print(point, open(point + target[len(root.rstrip("/")):]).read())',
      '        except OSError as e:',
      '            print("refused", point, e)',
    ]);
    const result = await executor.execute('python', code);
    return all(ran(result), noLeak(token, result, executor));
  },
};

/**
 * Checks of the container boundary, for executors that isolate with containers (the reference
 * executor's Docker backend). Each docker-* fault of the registry turns one of them red.
 */
export const containerChecks: readonly SecurityCheck[] = [
  nonRoot,
  noCapabilities,
  noHostNetwork,
  noDockerSocket,
  noHostPid,
  noHostMount,
];
