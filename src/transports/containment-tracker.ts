import type { ProcessContainment } from './process-containment.js';

const live = new Set<ProcessContainment>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;

/**
 * Tracks a containment until it is released, so that what the executor started dies with the
 * harness. On SIGINT, SIGTERM or SIGHUP: when someone else handles the signal (the CLI, which
 * stops the running cases and releases every executor through the normal path, so an interrupt
 * is not mistaken for an executor crash) nothing more is done here; when nobody does, everything
 * tracked is killed at once and the signal takes its default course. On any exit with
 * containments still tracked (process.exit from a second Ctrl-C, an uncaught exception) they
 * are killed synchronously. SIGKILL of the harness cannot be caught; the next harness to start
 * reaps what it left.
 */
export function trackContainment(containment: ProcessContainment): void {
  live.add(containment);
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', killEverything);
}

/** Forgets a released containment; the last one removes the handlers. */
export function untrackContainment(containment: ProcessContainment): void {
  live.delete(containment);
  if (live.size > 0 || !installed) return;
  installed = false;
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', killEverything);
}

/** How many containments are tracked now. */
export function trackedContainmentCount(): number {
  return live.size;
}

function killEverything(): void {
  for (const containment of live) containment.killAll();
}

function onSignal(signal: NodeJS.Signals): void {
  if (process.listeners(signal).some((listener) => listener !== onSignal)) return;
  killEverything();
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', killEverything);
  installed = false;
  process.kill(process.pid, signal);
}
