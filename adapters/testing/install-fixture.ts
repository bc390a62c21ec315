import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version a fixture's package-lock.json pins for `library`; throws when it pins none. */
export function pinnedVersion(folder: string, library: string): string {
  const lock = JSON.parse(readFileSync(join(folder, 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, { version?: string }>;
  };
  const version = lock.packages?.[`node_modules/${library}`]?.version;
  if (version === undefined) throw new Error(`${folder}/package-lock.json pins no ${library}`);
  return version;
}

function installedVersion(packageFolder: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * Makes sure test fixture `folder` (its own package.json and package-lock.json, never part of
 * the harness's dependencies) has `library` installed at the pinned version, running
 * `npm ci --ignore-scripts` there when it has not, and returns the library's package folder.
 * A fresh machine installs from the registry; an install that fails or outlives `deadlineMs`
 * rejects, so a test that needs the fixture fails rather than skips.
 */
export async function installFixture(folder: string, library: string, deadlineMs: number): Promise<string> {
  // 1. What the lock file pins, and whether it is already there.
  const pinned = pinnedVersion(folder, library);
  const packageFolder = join(folder, 'node_modules', library);
  if (installedVersion(packageFolder) === pinned) return packageFolder;
  // 2. Install exactly the lock file, running no install scripts of the old package.
  const args = ['ci', '--prefix', folder, '--ignore-scripts', '--no-audit', '--no-fund'];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text = (text + chunk.toString()).slice(-4000)));
    child.stderr.on('data', (chunk: Buffer) => (text = (text + chunk.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.on('error', (error) => (clearTimeout(timer), reject(error)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(text);
      const ending = signal ?? `code ${String(code)}`;
      reject(new Error(`npm ${args.join(' ')} ended with ${ending} (deadline ${deadlineMs} ms):\n${text}`));
    });
  });
  // 3. The install must have produced the pinned version, not merely exited 0.
  const installed = installedVersion(packageFolder);
  if (!existsSync(packageFolder) || installed !== pinned) {
    throw new Error(`npm ci in ${folder} left ${library} ${String(installed)}, not the pinned ${pinned}:\n${output}`);
  }
  return packageFolder;
}
