import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FrameWriter } from './frame-writer.js';

/** A stream with a tiny buffer whose reader takes nothing until `read()` is called. */
function stalledStream() {
  const held: Array<() => void> = [];
  const received: string[] = [];
  const stream = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk.toString());
      held.push(callback);
    },
  });
  const read = () => {
    while (held.length > 0) held.shift()!();
  };
  return { stream, received, read };
}

describe('FrameWriter', () => {
  it(
    'queues behind one drain waiter, however many frames wait, and sends them in order once ' + 'the reader catches up',
    async () => {
      const { stream, received, read } = stalledStream();
      const writer = new FrameWriter(stream, { frames: 10_000, bytes: 1 << 20 });
      const writes = Array.from({ length: 5000 }, (_, i) => writer.write(Buffer.from(`frame ${i}\n`)));
      expect(stream.listenerCount('drain')).toBe(1);
      expect(writer.backlog.frames).toBeGreaterThan(4990);
      const done = Promise.all(writes);
      for (let i = 0; i < 5000 && writer.backlog.frames > 0; i++) {
        read();
        await new Promise((resolve) => setImmediate(resolve));
      }
      read();
      await done;
      expect(received.join('')).toBe(Array.from({ length: 5000 }, (_, i) => `frame ${i}\n`).join(''));
      expect(stream.listenerCount('drain')).toBeLessThanOrEqual(1);
    },
  );

  it('refuses a frame beyond its bounds at once, so a reader that never reads costs bounded memory', async () => {
    const { stream } = stalledStream();
    const writer = new FrameWriter(stream, { frames: 100, bytes: 1 << 20 });
    const refused: Error[] = [];
    for (let i = 0; i < 20_000; i++)
      writer.write(Buffer.from(`frame ${i}\n`)).catch((error: Error) => refused.push(error));
    await new Promise((resolve) => setImmediate(resolve));
    // Two frames went into the stream's own buffer, 100 wait in the queue, the rest are refused.
    expect(refused).toHaveLength(20_000 - 100 - 2);
    expect(refused.at(-1)?.message).toMatch(/queue is full \(100 frames.*not reading/);
    expect(writer.backlog.frames).toBe(100);
    expect(stream.listenerCount('drain')).toBe(1);
  });

  it('fails the queued frames when the stream closes', async () => {
    const { stream } = stalledStream();
    const writer = new FrameWriter(stream);
    void writer.write(Buffer.from('a first frame, larger than the buffer\n'));
    const queued = writer.write(Buffer.from('second\n'));
    stream.destroy();
    await expect(queued).rejects.toThrow(/closed/);
    expect(writer.backlog).toEqual({ frames: 0, bytes: 0 });
  });
});
