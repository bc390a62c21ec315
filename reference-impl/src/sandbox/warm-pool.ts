import type { SandboxHandle as Sandbox } from './sandbox-handle.js';
import { profileKey, type SandboxProfile } from './sandbox-profile.js';

/** Starts a fresh sandbox for a profile. */
export type SandboxFactory = (profile: SandboxProfile) => Promise<Sandbox>;

export interface WarmPoolOptions {
  /**
   * Profiles kept warm, with how many ready sandboxes each: from the start when `atStart`, else
   * from their first request on (that one starts cold).
   */
  warm: readonly { profile: SandboxProfile; size: number; atStart?: boolean }[];
  /** Profiles requested at least twice are kept warm too (one sandbox each), up to this many. */
  adaptiveProfiles: number;
  onError: (error: unknown) => void;
}

interface Slot {
  profile: SandboxProfile;
  size: number;
  ready: Sandbox[];
  starting: number;
  failures: number;
  adaptive: boolean;
  /** Requests of this profile so far (learned profiles only warm up from the second). */
  requests: number;
}

const MAX_FAILURES = 3;

/**
 * Pre-started sandboxes, keyed by profile. A sandbox leaves the pool for good when acquired:
 * it serves one execution or one session and is then killed, never returned (only the
 * reuse-sandbox fault puts one back). A profile without a ready sandbox starts one cold; once it
 * has been asked for twice it is kept warm itself, so a harness with its own default policy soon
 * hits the pool, while a one-off policy (a scenario's memory cap) never costs a second, idle boot:
 * on a two-core machine, idle Pyodide boots are what slows everything else down.
 */
export class WarmPool {
  readonly #slots = new Map<string, Slot>();
  readonly #starting = new Set<Promise<unknown>>();
  #closed = false;

  constructor(
    private readonly factory: SandboxFactory,
    private readonly options: WarmPoolOptions,
  ) {
    for (const { profile, size } of options.warm)
      this.#slots.set(profileKey(profile), {
        profile,
        size,
        ready: [],
        starting: 0,
        failures: 0,
        adaptive: false,
        requests: 0,
      });
    // Unless asked to, no slot warms before its first request: an executor that never runs a language
    // (most of the short-lived ones a harness starts) would pay an idle boot for it, ~0.6 s of CPU for Python.
    for (const { profile, atStart } of options.warm) if (atStart) this.#refill(this.#slot(profile));
  }

  /**
   * A sandbox of this profile for exclusive use: a warm one if ready, else a cold start. After a
   * miss the refill waits until the cold start is done: booting the spare beside it would double
   * the boots of a burst of misses (a harness starting many cases at once, each on a fresh
   * executor), and on two cores every boot of the burst would then be late, not just the spares.
   */
  async acquire(profile: SandboxProfile): Promise<Sandbox> {
    const slot = this.#slot(profile);
    slot.requests++;
    if (slot.adaptive && slot.requests >= 2) slot.size = 1;
    let sandbox = slot.ready.shift();
    while (sandbox?.exit) sandbox = slot.ready.shift();
    if (sandbox) {
      this.#refill(slot);
      return sandbox;
    }
    const cold = this.factory(profile);
    const refill = () => this.#refill(slot);
    cold.then(refill, refill);
    return cold;
  }

  /** Puts a used sandbox back: only the reuse-sandbox fault does this. */
  giveBack(sandbox: Sandbox): void {
    if (this.#closed || sandbox.exit) return void sandbox.kill();
    this.#slot(sandbox.profile).ready.unshift(sandbox);
  }

  /** Stops refilling, waits (boundedly) for sandboxes still starting, and kills every ready one. */
  async close(deadlineMs = 5000): Promise<void> {
    this.#closed = true;
    await Promise.race([
      Promise.allSettled([...this.#starting]),
      new Promise((resolve) => setTimeout(resolve, deadlineMs)),
    ]);
    const all = [...this.#slots.values()].flatMap((slot) => slot.ready.splice(0));
    await Promise.all(all.map((sandbox) => sandbox.kill()));
  }

  #slot(profile: SandboxProfile): Slot {
    const key = profileKey(profile);
    let slot = this.#slots.get(key);
    if (!slot) {
      slot = { profile, size: 0, ready: [], starting: 0, failures: 0, adaptive: true, requests: 0 };
      this.#slots.set(key, slot);
      this.#evictAdaptive(key);
    }
    return slot;
  }

  /** Keeps at most `adaptiveProfiles` learned profiles; the oldest one's sandboxes are killed. */
  #evictAdaptive(keep: string): void {
    const adaptive = [...this.#slots].filter(([key, slot]) => slot.adaptive && key !== keep);
    while (adaptive.length >= this.options.adaptiveProfiles && adaptive.length > 0) {
      const [key, slot] = adaptive.shift()!;
      this.#slots.delete(key);
      for (const sandbox of slot.ready.splice(0)) void sandbox.kill();
    }
  }

  /** Starts sandboxes one at a time until the slot is full; stops after repeated failures. */
  #refill(slot: Slot): void {
    if (this.#closed || slot.starting > 0 || slot.ready.length >= slot.size || slot.failures >= MAX_FAILURES) return;
    slot.starting++;
    const start = this.factory(slot.profile);
    this.#starting.add(start);
    void start.finally(() => this.#starting.delete(start)).catch(() => undefined);
    start.then(
      (sandbox) => {
        slot.starting--;
        slot.failures = 0;
        if (this.#closed || this.#slots.get(profileKey(slot.profile)) !== slot) return void sandbox.kill();
        slot.ready.push(sandbox);
        this.#refill(slot);
      },
      (error: unknown) => {
        slot.starting--;
        slot.failures++;
        this.options.onError(error);
        setTimeout(() => this.#refill(slot), 500).unref();
      },
    );
  }
}
