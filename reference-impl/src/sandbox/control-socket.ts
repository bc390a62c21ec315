import { createServer, type Server, type Socket } from 'node:net';

/** A message from the sandbox's bootstrap. Untrusted: the executor validates what it reads. */
export type SandboxMessage = Record<string, unknown> & { t?: unknown };

/** Control lines larger than this end the sandbox: nothing legitimate is that big. */
const MAX_LINE_BYTES = 32 * 1024 * 1024;

/**
 * The executor's end of a sandbox's control channel: a unix socket in a folder only the executor
 * can enter, accepting exactly one connection, carrying newline-delimited JSON.
 */
export class ControlSocket {
  #socket: Socket | undefined;
  onMessage: (message: SandboxMessage) => void = () => undefined;
  onBroken: (why: string) => void = () => undefined;

  private constructor(private readonly server: Server) {}

  static listen(path: string): Promise<ControlSocket> {
    const server = createServer();
    const control = new ControlSocket(server);
    server.on('connection', (socket) => control.#accept(socket));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve(control));
    });
  }

  send(message: object): void {
    this.#socket?.write(`${JSON.stringify(message)}\n`);
  }

  close(): void {
    this.#socket?.destroy();
    this.server.close();
  }

  #accept(socket: Socket): void {
    // The first connection is the bootstrap's; the permission to connect is revoked right after.
    if (this.#socket) {
      socket.destroy();
      return;
    }
    this.#socket = socket;
    socket.on('error', () => undefined);
    let pending: Buffer[] = [];
    let size = 0;
    socket.on('data', (chunk: Buffer) => {
      let start = 0;
      for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
        pending.push(chunk.subarray(start, nl));
        this.#deliver(Buffer.concat(pending).toString('utf8'));
        pending = [];
        size = 0;
        start = nl + 1;
      }
      pending.push(chunk.subarray(start));
      size += chunk.length - start;
      if (size > MAX_LINE_BYTES) {
        socket.destroy();
        this.onBroken('a control message exceeded the maximum size');
      }
    });
  }

  #deliver(line: string): void {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      this.onBroken('the sandbox sent a control line that is not JSON');
      return;
    }
    if (typeof message === 'object' && message !== null && !Array.isArray(message))
      this.onMessage(message as SandboxMessage);
  }
}
