// What a browser client ships: the service layer over the layer's registry, MTProto 2.0 messages
// (the envelope) and the obfuscated2 WebSocket transport, on the browser's WebSocket.
import { LayerCodec } from 'tlwire';
import { decryptMessage, encryptMessage, MessageIdGenerator, MsgIdGuard, SeqNoCounter, ServiceCodec } from 'tlwire/mtproto';
import { registry } from 'tlwire/layer228';
import { WebSocketConnection } from 'tlwire/transport';

export const service = new ServiceCodec(new LayerCodec(registry));
export { decryptMessage, encryptMessage, MessageIdGenerator, MsgIdGuard, SeqNoCounter, WebSocketConnection };
