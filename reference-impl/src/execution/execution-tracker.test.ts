import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/protocol/generated/error-codes.js';
import { ExecutionTracker } from './execution-tracker.js';

describe('ExecutionTracker', () => {
  it('scopes execution ids to their tenant: the same id in two tenants neither conflicts nor cancels', async () => {
    const tracker = new ExecutionTracker();
    const a = new AbortController();
    const b = new AbortController();
    let finishA: () => void = () => undefined;
    tracker.start('x-1', 'tenant-a', a, new Promise<void>((resolve) => (finishA = resolve)));
    expect(tracker.isRunning('tenant-a', 'x-1')).toBe(true);
    expect(tracker.isRunning('tenant-b', 'x-1')).toBe(false);
    tracker.start('x-1', 'tenant-b', b, new Promise<void>(() => undefined));
    expect(tracker.cancel('tenant-b', 'x-1')).toBe(true);
    expect([a.signal.aborted, b.signal.aborted]).toEqual([false, true]);
    finishA();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // A finished id of the caller answers false; an id the caller never used is unknown.
    expect(tracker.cancel('tenant-a', 'x-1')).toBe(false);
    expect(() => tracker.cancel('tenant-c', 'x-1')).toThrow(
      expect.objectContaining({ code: ErrorCodes.ExecutionNotFound }) as unknown as Error,
    );
  });
});
