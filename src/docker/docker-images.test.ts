import type Docker from 'dockerode';
import { beforeAll, describe, expect, it } from 'vitest';
import { connectDockerEngine } from './docker-engine.js';
import { buildGauntletImages, GauntletImage } from './docker-images.js';
import { DockerTransport } from './docker-transport.js';

/** Runs a shell script in an image (no network) and returns what it printed. */
async function run(docker: Docker, image: string, script: string): Promise<string> {
  const transport = new DockerTransport({
    runId: 'images-test',
    docker,
    target: { image, entrypoint: ['sh', '-c', `exec 1>&2; ${script}`], command: [] },
  });
  const closed = new Promise<void>((resolve) => (transport.onclose = () => resolve()));
  await transport.start();
  try {
    await closed;
    return transport.stderr.text();
  } finally {
    await transport.close();
  }
}

describe('the offline images', () => {
  let docker: Docker;
  beforeAll(async () => {
    docker = await connectDockerEngine();
    await buildGauntletImages(['reference-executor']);
  }, 15 * 60_000);

  it('skips the base image when its content label matches', async () => {
    let output = '';
    await buildGauntletImages(['base'], { onOutput: (chunk) => (output += chunk.toString()) });
    expect(output).toMatch(/gauntlet\/base:bookworm is current \(content [0-9a-f]{32}\)/);
    const labels = (await docker.getImage(GauntletImage.base).inspect()).Config.Labels;
    expect(labels['dev.gauntlet.content']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives the runtime image python3, node 20+ and bash, run by a non-root user', async () => {
    const output = await run(
      docker,
      GauntletImage.runtime,
      `id -u; node -p "process.versions.node.split('.')[0]"; python3 -c 'print(3)'; bash -c 'echo bash'`,
    );
    const [uid, node, python, bash] = output.trim().split(/\s+/);
    expect({ uid, python, bash }).toEqual({ uid: '10001', python: '3', bash: 'bash' });
    expect(Number(node)).toBeGreaterThanOrEqual(20);
  });

  it(
    'packs the reference executor, its Deno binary and Pyodide, owned by root and not writable ' + 'by the executor',
    async () => {
      const inspect = await docker.getImage(GauntletImage['reference-executor']).inspect();
      expect(inspect.Config.Entrypoint).toEqual(['node', '/opt/gauntlet/dist/reference-impl/src/main.js']);
      expect(inspect.Config.User).toBe('10001:10001');
      const output = await run(
        docker,
        GauntletImage['reference-executor'],
        'cd /opt/gauntlet && node_modules/@deno/linux-x64-glibc/deno --version | head -n 1; test ' +
          '-f node_modules/pyodide/pyodide.asm.wasm && echo pyodide; test -w dist || echo read-only; ' +
          'test -e node_modules/vitest || echo no-dev-deps',
      );
      expect(output).toMatch(/^deno 2\.\S+ .*\npyodide\nread-only\nno-dev-deps\n$/s);
    },
  );
});
