import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** What a CLI process printed and how it exited. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = join(import.meta.dirname, '../..');

/** Runs the built `gauntlet` CLI as a real process, with a deadline; rejects if it outlives it. */
export function runCli(
  args: readonly string[],
  options: {
    cwd?: string;
    deadlineMs?: number;
    env?: Record<string, string>;
    onSpawn?: (child: ChildProcess) => void;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1', ...options.env },
    });
    options.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `gauntlet ${args.join(' ')} did not exit within ${options.deadlineMs ?? 120_000} ms\n${stdout}\n${stderr}`,
        ),
      );
    }, options.deadlineMs ?? 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
