import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { defaultWebSocket, messageBytes } from '../../src/transport/socket.js';

describe('the WebSocket adapter', () => {
  it('defaults to ws on Node', () => {
    expect(defaultWebSocket()).toBe(WebSocket);
  });

  it('reads an ArrayBuffer or a view as bytes and a text frame as none', () => {
    const buffer = new Uint8Array([1, 2, 3, 4]).buffer;
    expect(messageBytes(buffer)).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(messageBytes(new DataView(buffer, 1, 2))).toEqual(new Uint8Array([2, 3]));
    expect(messageBytes('text')).toBeUndefined();
  });
});
