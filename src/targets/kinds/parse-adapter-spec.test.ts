import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../errors/harness-error.js';
import { parseAdapterSpec } from './parse-adapter-spec.js';

const here = import.meta.dirname;

function problem(spec: string): { code: string; message: string; path: string | undefined } {
  try {
    parseAdapterSpec(spec, here);
  } catch (error) {
    if (error instanceof HarnessError) return { code: error.code, message: error.message, path: error.path };
    throw error;
  }
  throw new Error(`${spec} was accepted`);
}

describe('adapter target specs', () => {
  it('takes a bare name, and a declared path option made absolute', () => {
    expect(parseAdapterSpec('adapter:vm2', here)).toEqual({ name: 'vm2', options: {} });
    expect(parseAdapterSpec('adapter:vm2:module=..', here)).toEqual({
      name: 'vm2',
      options: { module: join(here, '..') },
    });
  });

  it('takes a declared flag by its name alone', () => {
    expect(parseAdapterSpec('adapter:pyodide:claim-limits', here)).toEqual({
      name: 'pyodide',
      options: { 'claim-limits': 'true' },
    });
    expect(problem('adapter:pyodide:claim-limits=yes')).toMatchObject({
      path: '--target',
      message: expect.stringContaining('options: claim-limits)') as string,
    });
    expect(problem('adapter:pyodide:claim-limits,claim-limits')).toMatchObject({
      message: expect.stringContaining('given twice') as string,
    });
  });

  it('refuses unknown adapters, undeclared, empty or repeated options and missing paths, naming where', () => {
    expect(problem('adapter:no-such')).toMatchObject({
      code: 'CONFIG_INVALID',
      path: '--target',
      message: expect.stringContaining('unknown adapter "no-such"') as string,
    });
    expect(problem('adapter:node-vm:module=.')).toMatchObject({
      path: '--target',
      message: expect.stringContaining('options: none') as string,
    });
    expect(problem('adapter:vm2:modul=.')).toMatchObject({
      path: '--target',
      message: expect.stringContaining('module=<path>') as string,
    });
    expect(problem('adapter:vm2:module=')).toMatchObject({ path: '--target' });
    expect(problem('adapter:vm2:module=.,module=.')).toMatchObject({
      path: '--target',
      message: expect.stringContaining('given twice') as string,
    });
    expect(problem('adapter:vm2:module=no/such/folder')).toMatchObject({
      code: 'CONFIG_INVALID',
      path: join(here, 'no/such/folder'),
    });
  });
});
