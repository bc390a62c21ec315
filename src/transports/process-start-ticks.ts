import { readFileSync } from 'node:fs';

/**
 * Field 22 of /proc/PID/stat (the process's start time in clock ticks), read after the command
 * name, which may hold spaces. With the pid it identifies one process even after pid reuse.
 * Undefined where there is no such process or no /proc.
 */
export function processStartTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
