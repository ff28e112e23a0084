import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { TransportError } from './errors.js';
import { connectionLimits, maxPayloadFor, WebSocketConnection, type AcceptOptions } from './websocket.js';

/** Connections a server holds at once by default; each costs its buffers (ConnectionLimits) while open. */
export const DEFAULT_MAX_CONNECTIONS = 1024;


export interface ListenOptions extends AcceptOptions {
  /** Most connections open at once (default 1024); more are dropped at once (TCP closed, no WebSocket close handshake to wait for). */
  maxConnections?: number;
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
  const limits = connectionLimits(options);
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  if (!Number.isSafeInteger(maxConnections) || maxConnections < 1) {
    throw new TransportError('BAD_ARGUMENT', `maxConnections must be a whole number above 0, got ${maxConnections}`);
  }
  // ws refuses a bigger message from its header (close 1009), before buffering its body.
  const server = new WebSocketServer({ host, port: options.port ?? 0, path: options.path, maxPayload: maxPayloadFor(limits.maxFrameSize) });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error) =>
      reject(new TransportError('SOCKET_ERROR', error.message, undefined, { cause: error })),
    );
  });

  const connections = new Set<WebSocketConnection>();
  server.on('connection', (socket) => {
    if (connections.size >= maxConnections) {
      socket.terminate();
      return;
    }
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
