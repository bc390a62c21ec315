/**
 * The sandbox's end of the control channel: newline-delimited JSON over the unix socket the
 * executor opened for this sandbox. Everything here is captured before user code runs, so code
 * that later replaces globals (JSON, TextEncoder, Uint8Array methods) cannot reach the channel.
 */
const stringify = JSON.stringify;
const parse = JSON.parse;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const indexOf = Function.prototype.call.bind(Uint8Array.prototype.indexOf) as (
  a: Uint8Array,
  v: number,
  from?: number,
) => number;
const subarray = Function.prototype.call.bind(Uint8Array.prototype.subarray) as (
  a: Uint8Array,
  s: number,
  e?: number,
) => Uint8Array;

export type ControlMessage = Record<string, unknown> & { t: string };

export interface ControlChannel {
  send(message: ControlMessage): Promise<void>;
  /** Calls `onMessage` for every message until the socket closes, then resolves. */
  listen(onMessage: (message: ControlMessage) => void): Promise<void>;
}

/** Connects to the executor's socket; the caller revokes the permission to do so right after. */
export async function connectControl(path: string): Promise<ControlChannel> {
  const conn = await Deno.connect({ transport: 'unix', path });
  const write = conn.write.bind(conn);
  const read = conn.read.bind(conn);
  let queue: Promise<void> = Promise.resolve();
  return {
    send(message) {
      const bytes = encoder.encode(stringify(message) + '\n');
      // Writes are chained so that two messages never interleave on the socket.
      queue = queue.then(async () => {
        for (let off = 0; off < bytes.length;) off += await write(subarray(bytes, off));
      });
      return queue;
    },
    async listen(onMessage) {
      let pending = new Uint8Array(0);
      const chunk = new Uint8Array(64 * 1024);
      for (;;) {
        const n = await read(chunk);
        if (n === null) return;
        const joined = new Uint8Array(pending.length + n);
        joined.set(pending);
        joined.set(subarray(chunk, 0, n), pending.length);
        let start = 0;
        for (let nl = indexOf(joined, 10, start); nl !== -1; nl = indexOf(joined, 10, start)) {
          onMessage(parse(decoder.decode(subarray(joined, start, nl))) as ControlMessage);
          start = nl + 1;
        }
        pending = joined.slice(start);
      }
    },
  };
}
