#!/usr/bin/env node
/**
 * Prints how long the Docker parts take: building the offline images, and starting an executor
 * in a container compared with spawning the same executor as a plain process.
 *
 *   npm run bench:docker            warm builds (what a developer's rerun costs) + start latency
 *   npm run bench:docker -- --cold  also rebuilds the base image from scratch (debootstrap)
 *
 * Needs an engine (docker/start-engine.sh) and a build (npm run build). Containers run with no
 * network; nothing here connects anywhere.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Peer } from '../dist/src/protocol/peer.js';
import { executeParams } from '../dist/src/testing/protocol-fixtures.js';
import { DockerTransport } from '../dist/src/docker/docker-transport.js';
import { buildGauntletImages, GauntletImage } from '../dist/src/docker/docker-images.js';
import { connectDockerEngine } from '../dist/src/docker/docker-engine.js';
import { StdioClientTransport } from '../dist/src/transports/stdio-client-transport.js';

const ROUNDS = 10;
const root = join(import.meta.dirname, '..');
const echo = join(root, 'dist/src/testing/fixtures/echo-executor.js');
const docker = await connectDockerEngine();

/** Milliseconds `fn` takes. */
async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return (
    `median ${at(0.5).toFixed(0).padStart(5)} ms   p90 ${at(0.9).toFixed(0).padStart(5)} ms   ` +
    `min ${sorted[0].toFixed(0).padStart(5)} ms`
  );
}

/** Starts an executor behind a Peer and measures: transport start, first answer, first execute, close. */
async function measure(makeTransport, language = 'javascript', code = 'echo:x') {
  const transport = makeTransport();
  const peer = new Peer(transport, { role: 'harness', defaultDeadlineMs: 60_000 });
  const start = await time(() => peer.start());
  const initialize = await time(() =>
    peer.request('initialize', { protocolVersion: '1.0', harnessInfo: { name: 'bench', version: '0' } }),
  );
  const execute = await time(() => peer.request('execute', executeParams(code, { language })));
  const close = await time(() => peer.close());
  return { start, initialize, execute, close };
}

async function report(title, makeTransport, language, code) {
  const rounds = [];
  for (let i = 0; i < ROUNDS; i += 1) rounds.push(await measure(makeTransport, language, code));
  console.log(`\n${title} (${ROUNDS} rounds)`);
  for (const key of ['start', 'initialize', 'execute', 'close'])
    console.log(`  ${key.padEnd(11)} ${summary(rounds.map((r) => r[key]))}`);
  console.log(`  ${'total'.padEnd(11)} ${summary(rounds.map((r) => r.start + r.initialize + r.execute + r.close))}`);
}

// 1. Image builds. A cold base image is what a fresh CI machine pays once.
console.log(`engine ${(await docker.version()).Version}, ${(await docker.info()).NCPU} CPUs`);
if (process.argv.includes('--cold')) {
  const cold = await time(() =>
    execFileSync('bash', [join(root, 'docker/build-base-image.sh'), '--force'], { stdio: 'inherit' }),
  );
  console.log(`base image, cold (debootstrap + import):    ${(cold / 1000).toFixed(1)} s`);
}
for (const name of ['base', 'runtime', 'reference-executor']) {
  const ms = await time(() => buildGauntletImages([name]));
  console.log(`${`${name} image, warm (cache or label hit):`.padEnd(44)} ${(ms / 1000).toFixed(1)} s`);
}

// 2. Start latency: the echo fixture as a process, then in a container, then the reference executor.
const plainEnv = { PATH: process.env.PATH ?? '' };
await report(
  'echo fixture, spawned process (baseline)',
  () => new StdioClientTransport({ command: process.execPath, args: [echo], env: plainEnv }),
);
const echoTarget = {
  image: GauntletImage['reference-executor'],
  entrypoint: ['node', '/opt/gauntlet/dist/src/testing/fixtures/echo-executor.js'],
  command: [],
};
await report('echo fixture, container', () => new DockerTransport({ runId: 'bench', docker, target: echoTarget }));
const tenants = { GAUNTLET_TENANTS: JSON.stringify({ 'tenant-a': 'token-tenant-a' }) };
const referenceTarget = { image: GauntletImage['reference-executor'], env: tenants };
await report(
  'reference executor, container, JavaScript',
  () => new DockerTransport({ runId: 'bench', docker, target: referenceTarget }),
  'javascript',
  'console.log(1)',
);
await report(
  'reference executor, container, Python',
  () => new DockerTransport({ runId: 'bench', docker, target: referenceTarget }),
  'python',
  'print(1)',
);

// 3. The reference executor's Docker backend: what one execution costs when each gets a fresh
//    hardened container (create, start, exec, kill, remove), per language.
const backend = new StdioClientTransport({
  command: process.execPath,
  args: [join(root, 'dist/reference-impl/src/main.js'), '--stdio', '--backend', 'docker'],
  env: { ...plainEnv, ...tenants },
});
const backendPeer = new Peer(backend, { role: 'harness', defaultDeadlineMs: 60_000 });
await backendPeer.start();
await backendPeer.request('initialize', { protocolVersion: '1.0', harnessInfo: { name: 'bench', version: '0' } });
console.log(`\nreference executor --backend docker, one container per execution (${ROUNDS} executions each)`);
for (const [language, code] of [
  ['python', 'print(1)'],
  ['javascript', 'console.log(1)'],
  ['shell', 'echo 1'],
]) {
  const samples = [];
  for (let i = 0; i < ROUNDS; i += 1)
    samples.push(await time(() => backendPeer.request('execute', executeParams(code, { language }))));
  console.log(`  ${language.padEnd(11)} ${summary(samples)}`);
}
await backendPeer.request('shutdown', {}).catch(() => undefined);
await backendPeer.close();
