import WebSocket, { WebSocketServer } from 'ws';
import type { FrameError, Transport, TransportCloseInfo } from '../protocol/transport.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from './stream-framing.js';

/**
 * The protocol over a WebSocket: one text message per frame. Either end of an open socket; use
 * {@link WebSocketTransport.connect} for the client side and {@link listenWebSocket} for the server.
 * A message over the maximum size makes ws close the socket with code 1009.
 */
export class WebSocketTransport implements Transport {
  onmessage?: (frame: string) => void;
  onframeerror?: (error: FrameError) => void;
  onclose?: (info: TransportCloseInfo) => void;
  #socket: WebSocket | undefined;
  #closed = false;
  readonly #utf8 = new TextDecoder('utf-8', { fatal: true });

  private constructor(
    private readonly url: string | undefined,
    private readonly maxMessageBytes: number,
    private readonly connectTimeoutMs: number,
    socket?: WebSocket,
  ) {
    if (socket) this.#attach(socket);
  }

  /** A client transport that connects to `url` when started. */
  static connect(
    url: string,
    options: { maxMessageBytes?: number; connectTimeoutMs?: number } = {},
  ): WebSocketTransport {
    return new WebSocketTransport(
      url,
      options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
      options.connectTimeoutMs ?? 10_000,
    );
  }

  /** A transport over a socket a server already accepted. */
  static accepted(socket: WebSocket, maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES): WebSocketTransport {
    return new WebSocketTransport(undefined, maxMessageBytes, 0, socket);
  }

  start(): Promise<void> {
    if (this.#socket) return Promise.resolve();
    const socket = new WebSocket(this.url!, {
      maxPayload: this.maxMessageBytes,
      handshakeTimeout: this.connectTimeoutMs,
    });
    this.#attach(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', (error) => reject(error));
    });
  }

  send(frame: string): Promise<void> {
    const socket = this.#socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return Promise.reject(new Error('socket is not open'));
    if (Buffer.byteLength(frame) > this.maxMessageBytes)
      return Promise.reject(new Error(`frame exceeds the maximum message size of ${this.maxMessageBytes}`));
    return new Promise((resolve, reject) => socket.send(frame, (error) => (error ? reject(error) : resolve())));
  }

  sendBytes(bytes: Uint8Array): Promise<void> {
    const socket = this.#socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return Promise.reject(new Error('socket is not open'));
    // A text frame whatever the bytes hold: the receiver, not the sender, must judge them.
    return new Promise((resolve, reject) =>
      socket.send(bytes, { binary: false }, (error) => (error ? reject(error) : resolve())),
    );
  }

  async close(): Promise<void> {
    const socket = this.#socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.close(1000, 'done');
    const timer = setTimeout(() => socket.terminate(), 2000);
    await closed;
    clearTimeout(timer);
  }

  #attach(socket: WebSocket): void {
    this.#socket = socket;
    socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      try {
        if (isBinary) throw new Error('binary');
        this.onmessage?.(this.#utf8.decode(bytes));
      } catch {
        this.onframeerror?.({
          kind: 'invalid-utf8',
          bytes: bytes.length,
          head: bytes.subarray(0, 512).toString('utf8'),
        });
      }
    });
    socket.on('error', () => undefined);
    socket.once('close', (code: number, reason: Buffer) => {
      if (this.#closed) return;
      this.#closed = true;
      const why = code === 1009 ? 'a message exceeded the maximum size' : reason.toString() || 'socket closed';
      this.onclose?.({ reason: `websocket closed (${code}): ${why}` });
    });
  }
}

/** A listening WebSocket server; each accepted connection becomes a transport. */
export interface WebSocketListener {
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on `host:port` (port 0 picks a free one) and hands every connection to `onConnection`. */
export function listenWebSocket(
  options: { host: string; port: number; path?: string; maxMessageBytes?: number },
  onConnection: (transport: WebSocketTransport) => void,
): Promise<WebSocketListener> {
  const maxPayload = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const server = new WebSocketServer({ host: options.host, port: options.port, path: options.path, maxPayload });
  server.on('connection', (socket) => onConnection(WebSocketTransport.accepted(socket, maxPayload)));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : options.port,
        close: () =>
          new Promise<void>((done) => {
            for (const client of server.clients) client.terminate();
            server.close(() => done());
          }),
      });
    });
  });
}
