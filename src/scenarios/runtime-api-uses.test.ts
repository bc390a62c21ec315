import { describe, expect, it } from 'vitest';
import { runtimeApiUses } from './runtime-api-uses.js';

const APIS = ['btoa', 'TextEncoder', 'setTimeout', 'process', 'Deno', 'fetch'];

function summary(code: string): string[] {
  return runtimeApiUses(code, APIS).map((u) => `${u.api}@${u.line}:${u.guarded ? 'guarded' : 'needed'}`);
}

describe('runtimeApiUses', () => {
  it('finds needed uses and tells them from attempts', () => {
    const code = [
      'console.log({{proof}});',
      "const b = btoa('{{canary.secret.value}}');",
      "try { Deno.env.get('X'); } catch { process.env['X']; }",
      "if (typeof setTimeout === 'function') setTimeout(() => 0, 1);",
      'globalThis.fetch?.("http://{{canary.listener.host}}/");',
      'await new Promise((r) => setTimeout(r, 5));',
    ].join('\n');
    expect(summary(code)).toEqual([
      'btoa@2:needed',
      'Deno@3:guarded',
      'process@3:needed',
      'setTimeout@4:guarded',
      'setTimeout@4:guarded',
      'fetch@5:guarded',
      'setTimeout@6:needed',
    ]);
  });

  it('ignores strings, comments, regular expressions, properties, keys and declarations', () => {
    const code = [
      "// btoa(x) in a comment, 'process' in a string",
      'console.log(\'Deno.env\', "fetch", `TextEncoder ${1}`);',
      'const re = /process|btoa/g;',
      'const o = { process: 1, fetch: 2 }; o.process; o.btoa();',
      'function setTimeout(f) { return f; }',
    ].join('\n');
    expect(summary(code)).toEqual([]);
  });

  it('counts a spread and globalThis as uses and does not lose track after a division', () => {
    expect(summary('const e = { ...process.env };\nconst x = 4 / 2; globalThis.btoa("a")')).toEqual([
      'process@1:needed',
      'btoa@2:needed',
    ]);
  });
});
