import { spawn } from 'node:child_process';
import type { ExecutionError } from '../../src/protocol/generated/types.js';
import type { Job, RunOutcome } from './adapter.js';
import { ReportSplitter } from './report-splitter.js';

/** One sandbox process: its command line, complete environment, working directory and stdin. */
export interface ProcessSpec {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  stdin: string;
  /** The nonce the runner writes before its report on stderr. */
  nonce: string;
  /** Explains an exit without a report (a runtime that rejected the program itself, say). */
  explainExit?: (stderrText: string, code: number | null, signal: NodeJS.Signals | null) => ExecutionError | undefined;
}

/** The report a runner writes on stderr after the nonce, as one JSON line. */
interface RunnerReport {
  ok: boolean;
  json?: string | null;
  error?: { kind?: string; name?: string; message?: string; stack?: string };
}

/**
 * Runs one execution as a process group and waits for it, in order:
 * 1. spawn detached (its own group) with the spec's environment only, code on stdin;
 * 2. at the wall-time budget, or when an output cap is passed in kill mode, kill the group;
 * 3. once the runner's report line arrives the execution is over: kill whatever is left;
 * 4. answer from the report, or explain why there was none.
 */
export function runProcess(spec: ProcessSpec, job: Job): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let stoppedBy: 'timeout' | 'output' | 'report' | undefined;
    const killGroup = (why: 'timeout' | 'output' | 'report') => {
      stoppedBy ??= why;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => killGroup('timeout'), job.policy.wallTimeMs);
    const onOutputKill = () => killGroup('output');
    job.outputKill.addEventListener('abort', onOutputKill, { once: true });
    let stderrText = '';
    const splitter = new ReportSplitter(
      spec.nonce,
      (chunk) => {
        job.stderr.write(chunk);
        if (stderrText.length < 64 * 1024) stderrText += chunk.toString('utf8');
      },
      job.policy.output.resultBytes * 2 + 1024 * 1024,
      () => killGroup('report'),
    );
    child.stdout.on('data', (chunk: Buffer) => job.stdout.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => splitter.write(chunk));
    child.stdin.on('error', () => undefined);
    child.stdin.end(spec.stdin);
    let spawnError: Error | undefined;
    child.on('error', (error) => (spawnError = error));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      job.outputKill.removeEventListener('abort', onOutputKill);
      splitter.end();
      const elapsed = Math.round(performance.now() - started);
      if (spawnError)
        return resolve({
          kind: 'error',
          error: { type: 'internal', message: `could not start ${spec.command}: ${spawnError.message}` },
        });
      if (stoppedBy === 'timeout')
        return resolve({
          kind: 'error',
          error: {
            type: 'timeout',
            message: `the process group was killed at the wall-time budget`,
            limit: { kind: 'wall_time', configured: job.policy.wallTimeMs, observed: elapsed },
          },
        });
      const report = splitter.report();
      if (report !== undefined) return resolve(fromReport(report));
      if (stoppedBy === 'output')
        return resolve({ kind: 'error', error: { type: 'output_limit', message: 'an output cap was passed' } });
      const explained = spec.explainExit?.(stderrText, code, signal);
      resolve({
        kind: 'error',
        error: explained ?? {
          type: 'runtime',
          message:
            `the process ended (exit code ${code ?? 'none'}, signal ${signal ?? 'none'}) ` +
            'before its runner reported a result',
        },
      });
    });
  });
}

function fromReport(text: string): RunOutcome {
  let report: RunnerReport;
  try {
    report = JSON.parse(text) as RunnerReport;
  } catch {
    return { kind: 'error', error: { type: 'internal', message: 'the runner wrote a report that is not JSON' } };
  }
  if (report.ok) return typeof report.json === 'string' ? { kind: 'ok-json', json: report.json } : { kind: 'ok-json' };
  const e = report.error ?? {};
  const type = e.kind === 'syntax' || e.kind === 'permission' ? e.kind : 'runtime';
  const denied = type === 'permission' ? /access to "([^"]*)"/.exec(String(e.message ?? ''))?.[1] : undefined;
  return {
    kind: 'error',
    error: {
      type,
      ...(denied ? { resource: denied.slice(0, 500) } : {}),
      message: String(e.message ?? '').slice(0, 16_384),
      ...(e.name ? { name: String(e.name).slice(0, 200) } : {}),
      ...(e.stack ? { stack: String(e.stack).slice(0, 16_384) } : {}),
    },
  };
}
