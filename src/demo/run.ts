import { explain } from '../explain/explain.js';
import { formatExplain } from '../explain/format.js';
import type { messages_getStatsURL } from '../generated/layer133/types.js';
import { authKeyId } from '../mtproto/crypto/keys.js';
import { RpcError } from '../mtproto/service/index.js';
import { LoopbackClient } from './client.js';
import { describeFrame, describeInit, openPacket } from './describe.js';
import { DEMO_AUTH_KEY, DEMO_CHANNEL, UNKNOWN_CHANNEL } from './fixtures.js';
import { byteCount, hex, hex64, Painter } from './format.js';
import { LAYER_133, SERVICE_133 } from './layer.js';
import { startLoopbackServer } from './server.js';
import { WireRecorder, WireTap, type TappedMessage } from './wiretap.js';

/** Bytes of a WebSocket message shown before `…`. */
const WIRE_PREVIEW = 32;

function getStatsUrl(peer: messages_getStatsURL['peer']) {
  return SERVICE_133.invokeWithLayer({ _: 'messages.getStatsURL', dark: true, peer, params: '' } as const);
}

/** The one packet a recorded WebSocket message carried (the demo sends one frame per message). */
function onlyPacket(message: TappedMessage): Uint8Array {
  if (message.packets.length !== 1) throw new Error(`expected one packet in the WebSocket message, found ${message.packets.length}`);
  return message.packets[0];
}

/** Where the demo writes: text as it comes, in ANSI colours or not (a terminal, or a test). */
export interface DemoOutput {
  out(text: string): void;
  color: boolean;
}

/**
 * `npm run demo`: starts the loopback server, calls messages.getStatsURL (dark set) for a known
 * channel through the whole stack and prints each layer's bytes, explained, as they went over
 * the socket; then calls it for an unknown channel and shows the typed RpcError. Everything
 * printed about the wire is read back from the recorded WebSocket messages.
 */
export async function runDemo(io: DemoOutput): Promise<void> {
  const p = new Painter(io.color);
  const out = (text: string) => io.out(text.endsWith('\n') ? text : `${text}\n`);
  const explainBody = (body: Uint8Array, method?: string) => out(formatExplain(explain(LAYER_133, body, { method }), { color: io.color }));

  const server = await startLoopbackServer();
  const recorder = new WireRecorder();
  let client: LoopbackClient | undefined;
  try {
    client = await LoopbackClient.connect(server.url, { WebSocket: recorder.WebSocket });
    out(p.paint('bold', 'tlwire demo: messages.getStatsURL through MTProto 2.0, obfuscated2 and a WebSocket, to a loopback server and back'));
    out(`  server    ${server.url}  (in this process: binary WebSocket messages, obfuscated2, intermediate framing)`);
    out(`  auth key  a fixed demo key both sides know, auth_key_id ${hex64(authKeyId(DEMO_AUTH_KEY))} (the DH exchange that creates one is out of scope)`);
    out(`  session   ${hex64(client.sessionId)}`);

    // The call that succeeds.
    const call = getStatsUrl(DEMO_CHANNEL);
    const stats = await client.call(call);
    const tap = new WireTap(recorder.sent[0]);
    const request = tap.fromClient(recorder.sent[1]);
    const requestPacket = onlyPacket(request);
    const sent = openPacket(DEMO_AUTH_KEY, requestPacket, 'client', 'the call of step 1');

    const body = LAYER_133.encode(call);
    out(p.heading(`1. The call, serialized with layer 133 (${byteCount(body.length)})`));
    out(`invokeWithLayer(133, messages.getStatsURL { dark, peer: inputPeerChannel ${DEMO_CHANNEL.channelId}, params: "" })\n`);
    explainBody(sent.message.body);

    out(p.heading(`2. The plaintext message (${byteCount(sent.plaintextLength)})`));
    out(p.table(sent.plaintext));

    out(p.heading(`3. The encrypted message, MTProto 2.0 (${byteCount(requestPacket.length)})`));
    out(p.table(sent.encrypted));

    out(p.heading(`4. The transport frame, ${tap.framing.name} (${byteCount(request.frames.length)})`));
    out(p.table(describeFrame(tap.framing, request.frames, requestPacket.length)));

    out(p.heading('5. On the wire: obfuscated2 in binary WebSocket messages'));
    out(`WebSocket message 1, client -> server (${byteCount(tap.init.length)}): the obfuscation init, sent once`);
    out(p.table(describeInit(tap.init, tap.framing, tap.tag)));
    out(`\nWebSocket message 2, client -> server (${byteCount(request.wire.length)}): the frame of step 4 under AES-256-CTR`);
    out(`  ${p.paint('cyan', hex(request.wire, WIRE_PREVIEW))}`);

    // The answer, read back from the wire in reverse.
    const response = tap.fromServer(recorder.received[0]);
    const responsePacket = onlyPacket(response);
    const answer = openPacket(DEMO_AUTH_KEY, responsePacket, 'server', 'the answer below');
    out(p.heading('6. The answer, layer by layer'));
    out(`WebSocket message, server -> client (${byteCount(response.wire.length)}):`);
    out(`  ${p.paint('cyan', hex(response.wire, WIRE_PREVIEW))}`);
    out(`With AES-256-CTR taken off (the server->client stream), the ${tap.framing.name} frame (${byteCount(response.frames.length)}):\n`);
    out(p.table(describeFrame(tap.framing, response.frames, responsePacket.length)));
    out('\nThe encrypted message (auth_key_id and the recomputed msg_key checked):\n');
    out(p.table(answer.encrypted));
    out('\nThe plaintext message (session_id, msg_id, length and padding checked):\n');
    out(p.table(answer.plaintext));
    out('\nThe body, an rpc_result whose result is read as messages.getStatsURL returns it:\n');
    explainBody(answer.message.body, 'messages.getStatsURL');
    out(`\n${p.paint('bold', 'Result')} (typed StatsURL): ${p.paint('green', JSON.stringify(LAYER_133.json.toJson(stats)))}`);

    // The call that fails.
    out(p.heading(`7. The error case: a channel the server does not know (${UNKNOWN_CHANNEL.channelId})`));
    const failing = client.call(getStatsUrl(UNKNOWN_CHANNEL));
    const outcome = await failing.then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if (!('error' in outcome) || !(outcome.error instanceof RpcError)) {
      throw new Error(`expected an RpcError for the unknown channel, got ${JSON.stringify('error' in outcome ? String(outcome.error) : outcome)}`);
    }
    const second = openPacket(DEMO_AUTH_KEY, onlyPacket(tap.fromClient(recorder.sent[2])), 'client', '');
    out('The call goes out in a msg_container with the acknowledgment of the first answer:\n');
    explainBody(second.message.body);
    const { msgId: containerMsgId, seqNo: containerSeqNo } = second.message;
    out(`(the container itself: msg_id ${containerMsgId}, above the two inside it; seq_no ${containerSeqNo}, even: not content-related)`);
    const refusal = openPacket(DEMO_AUTH_KEY, onlyPacket(tap.fromServer(recorder.received[1])), 'server', '');
    out('\nThe answer is an rpc_result holding rpc_error:\n');
    explainBody(refusal.message.body, 'messages.getStatsURL');
    const error = outcome.error;
    out(`\n${p.paint('bold', 'The call rejects with')} ${p.paint('red', `RpcError ${error.code} ${error.message}`)}: code ${error.code}, pattern ${error.pattern}, for msg_id ${error.reqMsgId}`);
  } finally {
    await client?.close();
    await server.close();
  }
  const sentBytes = recorder.sent.reduce((sum, m) => sum + m.length, 0);
  const receivedBytes = recorder.received.reduce((sum, m) => sum + m.length, 0);
  out(`\nClient and server closed: ${byteCount(sentBytes)} sent and ${byteCount(receivedBytes)} received in ${recorder.sent.length + recorder.received.length} WebSocket messages.`);
}
