import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { BoundedCapture } from '../transports/bounded-capture.js';

/** The images docker/build-images.sh builds offline, each on top of the one before. */
export const GauntletImage = {
  /** debootstrap minbase + python3 + the host's Node.js (docker/build-base-image.sh). */
  base: 'gauntlet/base:bookworm',
  /** python3, node and bash with the non-root `sandbox` user (docker/runtime.Dockerfile). */
  runtime: 'gauntlet/runtime:bookworm',
  /** The reference executor on stdio (docker/reference-executor.Dockerfile). */
  'reference-executor': 'gauntlet/reference-executor:local',
} as const;

export type GauntletImageName = keyof typeof GauntletImage;

export interface BuildImagesOptions {
  /** Deadline for the whole build; a cold base image takes about a minute. */
  deadlineMs?: number;
  /** Every chunk the build prints, for progress. */
  onOutput?: (chunk: Buffer) => void;
}

/**
 * Builds the named images (and what they stand on) with docker/build-images.sh. Unchanged
 * images cost little: the base is skipped by its content label, the rest hit the build cache.
 * The reference executor image packs dist/, so the project must be built first.
 */
export async function buildGauntletImages(
  names: readonly GauntletImageName[],
  options: BuildImagesOptions = {},
): Promise<void> {
  const script = join(projectRoot(), 'docker', 'build-images.sh');
  const deadlineMs = options.deadlineMs ?? 15 * 60_000;
  const output = new BoundedCapture(64 * 1024);
  // The script's tags come from here, so the two can never disagree.
  const env = {
    ...process.env,
    GAUNTLET_BASE_IMAGE: GauntletImage.base,
    GAUNTLET_RUNTIME_IMAGE: GauntletImage.runtime,
    GAUNTLET_REFERENCE_IMAGE: GauntletImage['reference-executor'],
  };
  const child = spawn('bash', [script, ...names], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const collect = (chunk: Buffer) => (output.push(chunk), options.onOutput?.(chunk));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const timer = setTimeout(() => killGroup(child.pid), deadlineMs);
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(null));
    child.once('close', (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(timer));
  if (code !== 0) {
    throw new HarnessError(
      HarnessErrorCode.ExecutorStartFailed,
      `building ${names.join(', ')} failed (exit ${code}, deadline ${deadlineMs} ms):\n${output.tailText()}`,
      script,
    );
  }
}

/** The folder holding docker/, found upward from this file in src/ or in dist/. */
function projectRoot(): string {
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'docker', 'build-images.sh'))) return dir;
  }
  throw new HarnessError(
    HarnessErrorCode.Internal,
    'cannot find docker/build-images.sh above this module',
    import.meta.dirname,
  );
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
