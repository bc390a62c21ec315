import type { SandboxHandle as Sandbox } from '../sandbox/sandbox-handle.js';
import { profileKey, type SandboxProfile } from '../sandbox/sandbox-profile.js';

/**
 * Only for the shared-state fault: one sandbox per profile that every session of that profile
 * uses, whatever its tenant, so state written by one session is visible to the others.
 */
export class SharedSandboxes {
  readonly #byProfile = new Map<string, Promise<Sandbox>>();
  readonly #held = new Set<Sandbox>();

  async get(profile: SandboxProfile, start: () => Promise<Sandbox>): Promise<Sandbox> {
    const key = profileKey(profile);
    let pending = this.#byProfile.get(key);
    if (!pending || (await pending).exit) {
      pending = start();
      this.#byProfile.set(key, pending);
    }
    const sandbox = await pending;
    this.#held.add(sandbox);
    return sandbox;
  }

  holds(sandbox: Sandbox): boolean {
    return this.#held.has(sandbox);
  }

  async close(): Promise<void> {
    await Promise.all([...this.#held].map((sandbox) => sandbox.kill()));
    this.#held.clear();
    this.#byProfile.clear();
  }
}
