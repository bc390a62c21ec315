import type { Readable, Writable } from 'node:stream';
import type { FrameError } from '../protocol/transport.js';
import { frameWriterOf } from './frame-writer.js';
import { LineDecoder } from './line-decoder.js';

/** Default cap on one frame: 16 MiB. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Reads newline-delimited frames from `input`, bounded by `maxBytes`. */
export function readFrames(
  input: Readable,
  maxBytes: number,
  onFrame: (frame: string) => void,
  onError: (error: FrameError) => void,
): void {
  const decoder = new LineDecoder(maxBytes, onFrame, onError);
  input.on('data', (chunk: Buffer) => decoder.push(chunk));
}

/**
 * Writes one frame and its newline through the stream's {@link FrameWriter}: a slow reader
 * applies back-pressure through one bounded queue, and one that does not read at all makes
 * writes fail once the queue is full, instead of growing our buffers.
 */
export function writeFrame(output: Writable, frame: string, maxBytes: number): Promise<void> {
  if (frame.includes('\n')) return Promise.reject(new Error('a frame must not contain a raw newline'));
  const bytes = Buffer.byteLength(frame);
  if (bytes > maxBytes)
    return Promise.reject(new Error(`frame of ${bytes} bytes exceeds the maximum message size of ${maxBytes}`));
  return frameWriterOf(output).write(Buffer.from(`${frame}\n`));
}

/** Writes raw bytes as one frame, unchecked (for robustness fuzzers), through the same queue. */
export function writeRawFrame(output: Writable, bytes: Uint8Array): Promise<void> {
  return frameWriterOf(output).write(Buffer.concat([bytes, Buffer.from('\n')]));
}
