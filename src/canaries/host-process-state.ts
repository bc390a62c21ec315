/** A process a canary started on the executor's host, as the harness (its parent) last saw it. */
export interface HostProcessState {
  pid: number;
  /** Still running when the evidence was sealed. */
  alive: boolean;
  /** How it ended, when it did: the signal that ended it, or its exit code. */
  ended?: { signal: string | null; code: number | null; at: number };
}
