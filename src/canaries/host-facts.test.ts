import { release } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hostFacts, procNetHex } from './host-facts.js';

describe('host facts', () => {
  it('spells IPv4 as /proc/net does (little-endian hex)', () => {
    expect(procNetHex('127.0.0.1')).toBe('0100007F');
    expect(procNetHex('192.0.2.1')).toBe('010200C0');
  });

  it('leaves out the kernel release where a container shares it, and every value shorter than 8', async () => {
    const own = await hostFacts(false);
    const shared = await hostFacts(true);
    expect(shared.some((f) => f.what === 'kernel release')).toBe(false);
    if (release().length >= 8) expect(own).toContainEqual({ what: 'kernel release', value: release() });
    expect([...own, ...shared].every((f) => f.value.length >= 8 && !f.value.startsWith('localhost'))).toBe(true);
  });
});
