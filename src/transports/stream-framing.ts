import type { Readable, Writable } from 'node:stream';
import type { FrameError } from '../protocol/transport.js';
import { LineDecoder } from './line-decoder.js';

/** Default cap on one frame: 16 MiB. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Reads newline-delimited frames from `input`, bounded by `maxBytes`. */
export function readFrames(input: Readable, maxBytes: number, onFrame: (frame: string) => void, onError: (error: FrameError) => void): void {
  const decoder = new LineDecoder(maxBytes, onFrame, onError);
  input.on('data', (chunk: Buffer) => decoder.push(chunk));
}

/**
 * Writes one frame and its newline, waiting for the stream to drain when it is full so a slow
 * reader applies backpressure instead of growing our buffers.
 */
export function writeFrame(output: Writable, frame: string, maxBytes: number): Promise<void> {
  if (frame.includes('\n')) return Promise.reject(new Error('a frame must not contain a raw newline'));
  const bytes = Buffer.byteLength(frame);
  if (bytes > maxBytes) return Promise.reject(new Error(`frame of ${bytes} bytes exceeds the maximum message size of ${maxBytes}`));
  if (output.destroyed || output.writableEnded) return Promise.reject(new Error('the stream is closed'));
  return new Promise((resolve, reject) => {
    const flushed = output.write(`${frame}\n`, (error) => (error ? reject(error) : undefined));
    if (flushed) resolve();
    else output.once('drain', resolve);
  });
}
