import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { TransportError } from './errors.js';
import { WebSocketConnection, type AcceptOptions } from './websocket.js';

export interface ListenOptions extends AcceptOptions {
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  path?: string;
  onConnection: (connection: WebSocketConnection) => void;
}

export interface ObfuscatedWebSocketServer {
  readonly host: string;
  readonly port: number;
  /** ws:// URL clients can connect to. */
  readonly url: string;
  /** Closes every open connection, then stops listening. */
  close(): Promise<void>;
}

/** Node-only: accepts obfuscated2 WebSocket clients, e.g. as a loopback test server. */
export async function listenWebSocket(options: ListenOptions): Promise<ObfuscatedWebSocketServer> {
  const host = options.host ?? '127.0.0.1';
  const server = new WebSocketServer({ host, port: options.port ?? 0, path: options.path });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error) =>
      reject(new TransportError('SOCKET_ERROR', error.message, undefined, { cause: error })),
    );
  });

  const connections = new Set<WebSocketConnection>();
  server.on('connection', (socket) => {
    const connection = WebSocketConnection.accept(socket, options);
    connections.add(connection);
    void connection.closed.then(() => connections.delete(connection));
    options.onConnection(connection);
  });

  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    host,
    port,
    url: `ws://${urlHost}:${port}${options.path ?? '/'}`,
    async close() {
      await Promise.all([...connections].map((connection) => connection.close()));
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
