/** tlwire/transport on Node: the portable entry and the WebSocket server (`ws`). */
export * from './index.js';
export {
  DEFAULT_MAX_CONNECTIONS,
  listenWebSocket,
  type ListenOptions,
  type ObfuscatedWebSocketServer,
} from './websocket-server.js';
