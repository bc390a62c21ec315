import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { currentOwner, isOwnerAlive, ownerFromLabels, ownerLabels } from './docker-container-owner.js';

describe('container ownership', () => {
  it('round-trips the owner through labels', () => {
    const owner = currentOwner();
    expect(owner.startTicks).toMatch(/^\d+$/);
    expect(ownerFromLabels(ownerLabels('run-1', owner))).toEqual(owner);
    expect(ownerLabels('run-1', owner)['dev.gauntlet.run']).toBe('run-1');
  });

  it('tells a live owner from a dead one and from a recycled pid', () => {
    expect(isOwnerAlive(currentOwner())).toBe(true);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(isOwnerAlive({ pid: dead, host: hostname() })).toBe(false);
    expect(isOwnerAlive({ ...currentOwner(), startTicks: '1' })).toBe(false);
  });

  it('assumes an owner on another host is alive, since it cannot be seen from here', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(isOwnerAlive({ pid: dead, host: `not-${hostname()}` })).toBe(true);
  });

  it('reads incomplete labels as no owner', () => {
    expect(ownerFromLabels({ 'dev.gauntlet.run': 'x' })).toBeUndefined();
    expect(ownerFromLabels({ 'dev.gauntlet.owner-pid': 'abc', 'dev.gauntlet.owner-host': 'h' })).toBeUndefined();
  });
});
