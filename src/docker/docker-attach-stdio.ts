import { Writable, type Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { FrameError } from '../protocol/transport.js';
import { LineDecoder } from '../transports/line-decoder.js';

export interface AttachStdioOptions {
  /** Largest frame accepted on stdout; a longer line is discarded as it streams in. */
  maxMessageBytes: number;
  onFrame: (frame: string) => void;
  onFrameError: (error: FrameError) => void;
  /** Every stderr chunk; the caller bounds what it keeps. */
  onStderr: (chunk: Buffer) => void;
  signal?: AbortSignal;
}

/**
 * Attaches to a created container's stdin, stdout and stderr; call it before start so no early
 * output is lost. The returned stream writes to the container's stdin; its output is split
 * into stdout frames (one per line, bounded) and stderr chunks.
 */
export async function attachStdio(container: Docker.Container, options: AttachStdioOptions): Promise<Duplex> {
  const stream = (await container.attach({
    stream: true,
    stdin: true,
    stdout: true,
    stderr: true,
    hijack: true,
    ...(options.signal ? { abortSignal: options.signal } : {}),
  })) as Duplex;
  const decoder = new LineDecoder(options.maxMessageBytes, options.onFrame, options.onFrameError);
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      decoder.push(chunk);
      done();
    },
  });
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, done) {
      options.onStderr(chunk);
      done();
    },
  });
  // With Tty false the engine multiplexes both streams behind 8-byte frame headers.
  container.modem.demuxStream(stream, stdout, stderr);
  // A write after the executor died fails with EPIPE; the transport's close reports the end.
  stream.on('error', () => undefined);
  return stream;
}
