import { describe, expect, it } from 'vitest';
import { runtimeEnvIssues } from './runtime-env-issues.js';

describe('runtimeEnvIssues', () => {
  it('names every variable a runtime, loader or shell acts on at start, whatever its case', () => {
    const env = {
      NODE_OPTIONS: '--require ./x.js',
      ld_preload: './x.so',
      PYTHONPATH: '.',
      BASH_ENV: './x.sh',
      DENO_DIR: '/x',
    };
    expect(runtimeEnvIssues(env).map((issue) => issue.pointer)).toEqual([
      '/policy/env/NODE_OPTIONS',
      '/policy/env/ld_preload',
      '/policy/env/PYTHONPATH',
      '/policy/env/BASH_ENV',
      '/policy/env/DENO_DIR',
    ]);
  });

  it('leaves data for the code alone, and escapes pointer characters', () => {
    expect(runtimeEnvIssues({ API_URL: 'http://127.0.0.1:1', GREETING: 'hi', HOME_DIR: '/w' })).toEqual([]);
    expect(runtimeEnvIssues(undefined)).toEqual([]);
    expect(runtimeEnvIssues({ 'LD_A/B~C': 'x' })[0]?.pointer).toBe('/policy/env/LD_A~1B~0C');
  });
});
