import { describe, expect, it } from 'vitest';
import { hostile } from '../testing/fixtures/reports/hostile-report.js';
import { escapeMarkup } from './markup/escape-markup.js';
import { safeText } from './safe-text.js';

describe('safeText', () => {
  it('cuts a 10 MiB string and says how much it cut', () => {
    const out = safeText(hostile.huge, 100);
    expect(out).toBe(`${'A'.repeat(100)}… [${10 * 1024 * 1024 - 100} more characters cut]`);
  });

  it('replaces lone surrogates and shows control characters as escapes', () => {
    const out = safeText(hostile.surrogates + hostile.ansi, 1000);
    expect(out).not.toMatch(/[\ud800-\udfff]/);
    expect(out).toContain('bad\ufffdutf\ufffd-16 \\x00 nul');
    expect(out).toContain('\\x1b[31mRED');
    expect(out).not.toContain('\u001b');
    expect(() => encodeURIComponent(out)).not.toThrow();
  });

  it('keeps a surrogate pair whole, and a pair cut in half becomes U+FFFD', () => {
    expect(safeText('a😀b', 10)).toBe('a😀b');
    expect(safeText('a😀b', 2)).toBe('a\ufffd… [2 more characters cut]');
  });

  it('escapeMarkup leaves no markup', () => {
    expect(escapeMarkup(safeText(hostile.script, 1000))).not.toMatch(/[<>"]/);
  });
});
