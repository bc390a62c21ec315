import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { ListenerHit } from './listener-hit.js';

/** Bytes kept of one contact; the rest is counted. */
const KEEP_BYTES = 4096;
/** Contacts kept per case; a flood is counted, not stored. */
const KEEP_HITS = 100;
const HOST = '127.0.0.1';

/** TCP, HTTP and UDP listeners on 127.0.0.1 that record every contact. */
export interface LoopbackListeners {
  host: string;
  tcpPort: number;
  httpPort: number;
  udpPort: number;
  hits(): ListenerHit[];
  close(): Promise<void>;
}

/**
 * Opens the three listeners on free loopback ports. They never reach out; they only record who
 * came, when, and what they sent (bounded), and answer HTTP with 200 so exfiltration code finishes.
 */
export async function openLoopbackListeners(): Promise<LoopbackListeners> {
  const hits: ListenerHit[] = [];
  const sockets = new Set<Socket>();
  const record = (hit: ListenerHit) => {
    if (hits.length < KEEP_HITS) hits.push(hit);
  };
  const tcp = createTcpServer((socket) => {
    sockets.add(socket);
    const hit: ListenerHit = {
      protocol: 'tcp',
      at: Date.now(),
      from: `${socket.remoteAddress}:${socket.remotePort}`,
      data: '',
      bytes: 0,
    };
    record(hit);
    socket.on('data', (chunk: Buffer) => {
      if (hit.bytes < KEEP_BYTES) hit.data += chunk.subarray(0, KEEP_BYTES - hit.bytes).toString('latin1');
      hit.bytes += chunk.length;
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  const http = createHttpServer((request, response) => {
    const head = `${request.method} ${request.url} HTTP/${request.httpVersion}\n${Object.entries(request.headers)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join('\n')}\n\n`;
    const hit: ListenerHit = {
      protocol: 'http',
      at: Date.now(),
      from: `${request.socket.remoteAddress}:${request.socket.remotePort}`,
      data: head.slice(0, KEEP_BYTES),
      bytes: Buffer.byteLength(head),
    };
    record(hit);
    request.on('data', (chunk: Buffer) => {
      if (hit.data.length < KEEP_BYTES) hit.data += chunk.subarray(0, KEEP_BYTES - hit.data.length).toString('latin1');
      hit.bytes += chunk.length;
    });
    request.on('end', () => response.end('ok'));
    request.on('error', () => undefined);
  });
  http.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const udp = createSocket('udp4');
  udp.on('message', (message, remote) =>
    record({
      protocol: 'udp',
      at: Date.now(),
      from: `${remote.address}:${remote.port}`,
      data: message.subarray(0, KEEP_BYTES).toString('latin1'),
      bytes: message.length,
    }),
  );
  udp.on('error', () => undefined);

  const [tcpPort, httpPort, udpPort] = await Promise.all([listen(tcp), listen(http), bind(udp)]);
  return {
    host: HOST,
    tcpPort,
    httpPort,
    udpPort,
    hits: () => hits.map((hit) => ({ ...hit })),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([
        closeServer(tcp),
        closeServer(http),
        new Promise<void>((resolve) => udp.close(() => resolve())),
      ]);
    },
  };
}

function listen(server: TcpServer | HttpServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

function bind(socket: UdpSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, HOST, () => resolve(socket.address().port));
  });
}

function closeServer(server: TcpServer | HttpServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
