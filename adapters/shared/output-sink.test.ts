import { describe, expect, it } from 'vitest';
import { OutputSink } from './output-sink.js';

describe('OutputSink', () => {
  it('keeps the first bytes up to the cap, counts everything, and reports the first overflow once', () => {
    let overflows = 0;
    const sink = new OutputSink(5, () => overflows++);
    expect(sink.write('abc')).toBe(true);
    expect(sink.write('defgh')).toBe(false);
    sink.write('ij');
    expect(sink.captured()).toEqual({ text: 'abcde', truncated: true, bytes: 10 });
    expect(overflows).toBe(1);
  });

  const widerReplacements = 'never returns more UTF-8 bytes than the cap, even when invalid bytes decode wider';
  it(widerReplacements, () => {
    const sink = new OutputSink(64);
    sink.write(Buffer.alloc(200, 0xff));
    const { text, truncated, bytes } = sink.captured();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(64);
    expect(truncated).toBe(true);
    expect(bytes).toBe(200);
  });

  it('drops a multi-byte character cut at the cap instead of mangling it', () => {
    const sink = new OutputSink(4);
    sink.write('aaa€');
    expect(sink.captured().text).toBe('aaa');
  });
});
