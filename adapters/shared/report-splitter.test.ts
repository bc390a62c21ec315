import { describe, expect, it } from 'vitest';
import { ReportSplitter } from './report-splitter.js';

describe('ReportSplitter', () => {
  it('forwards the code stderr and keeps the report after the nonce, even split across chunks', () => {
    const forwarded: string[] = [];
    let reported = 0;
    const splitter = new ReportSplitter(
      'NONCE123',
      (chunk) => forwarded.push(chunk.toString()),
      1000,
      () => reported++,
    );
    for (const chunk of ['warn: x\nNON', 'CE12', '3{"ok":true}', '\n']) splitter.write(Buffer.from(chunk));
    splitter.end();
    expect(forwarded.join('')).toBe('warn: x\n');
    expect(splitter.report()).toBe('{"ok":true}');
    expect(reported).toBe(1);
  });

  it('has no report when the runner never wrote one, and flushes what it held back', () => {
    const forwarded: string[] = [];
    const splitter = new ReportSplitter('NONCE123', (chunk) => forwarded.push(chunk.toString()), 1000);
    splitter.write(Buffer.from('killed mid-write NONCE'));
    splitter.end();
    expect(forwarded.join('')).toBe('killed mid-write NONCE');
    expect(splitter.report()).toBeUndefined();
  });

  it('drops a report larger than its bound', () => {
    const splitter = new ReportSplitter('N0NCE', () => undefined, 4);
    splitter.write(Buffer.from('N0NCE{"ok":true}\n'));
    expect(splitter.report()).toBeUndefined();
  });
});
