import { readFileSync } from 'node:fs';

/** Resident memory of a process: now, and the most it ever held (VmHWM), in bytes. */
export interface MemoryReading {
  rss: number;
  peak: number;
}

/**
 * Reads /proc/<pid>/status. Resident memory is the outer measure the executor enforces, since
 * Pyodide's WebAssembly memory lies outside the V8 heap that --max-old-space-size caps.
 */
export function readMemory(pid: number): MemoryReading | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}
