import { describe, expect, expectTypeOf, it } from 'vitest';
import { DEMO_AUTH_KEY, DEMO_CHANNEL, DEMO_SERVER_SALT, UNKNOWN_CHANNEL } from '../../src/demo/fixtures.js';
import { LAYER_133, SERVICE_133 } from '../../src/demo/layer.js';
import { BAD_MSG } from '../../src/demo/errors.js';
import { WireRecorder, WireTap } from '../../src/demo/wiretap.js';
import type { messages_getStatsURL, StatsURL } from '../../src/generated/layer133/types.js';
import { decryptMessage, type DecryptedMessage } from '../../src/mtproto/envelope.js';
import { msgIdToUnixMs } from '../../src/mtproto/msg-id.js';
import { encodeContainer, packIfSmaller, RpcError } from '../../src/mtproto/service/index.js';
import { abridged, intermediate, paddedIntermediate, type Framing } from '../../src/transport/index.js';
import { connectClient, RawSession, rejection, startServer } from './helpers.js';

const statsCall = (peer: messages_getStatsURL['peer'], fields: { dark?: true; params?: string } = {}): messages_getStatsURL => ({
  _: 'messages.getStatsURL',
  ...(fields.dark ? { dark: true } : {}),
  peer,
  params: fields.params ?? '',
});

describe.each([abridged, intermediate, paddedIntermediate])('getStatsURL round trip over $name', (framing: Framing) => {
  it('resolves to the typed StatsURL for the known channel, and rejects any other peer with RpcError 400', async () => {
    const server = await startServer();
    const client = await connectClient(server.url, { framing });
    const stats = await client.call(SERVICE_133.invokeWithLayer(statsCall(DEMO_CHANNEL, { dark: true })));
    expectTypeOf(stats).toEqualTypeOf<StatsURL>();
    expect(stats).toEqual({ _: 'statsURL', url: 'https://t.me/stats/1001234567890?dark=1' });
    const error = await rejection(client.call(statsCall(UNKNOWN_CHANNEL)), RpcError);
    expect([error.code, error.pattern, error.message]).toEqual([400, 'PEER_ID_INVALID', 'PEER_ID_INVALID']);
  });
});

describe('the loopback server', () => {
  it('answers by peer, dark flag and params, with or without invokeWithLayer', async () => {
    const server = await startServer();
    const client = await connectClient(server.url);
    expect((await client.call(statsCall(DEMO_CHANNEL))).url).toBe('https://t.me/stats/1001234567890');
    expect((await client.call(statsCall(DEMO_CHANNEL, { dark: true, params: 'a b&c' }))).url).toBe(
      'https://t.me/stats/1001234567890?dark=1&params=a+b%26c',
    );
    const wrongHash = { ...DEMO_CHANNEL, accessHash: DEMO_CHANNEL.accessHash + 1n };
    for (const peer of [wrongHash, { _: 'inputPeerSelf' } as const, { _: 'inputPeerUser', userId: DEMO_CHANNEL.channelId, accessHash: 1n } as const]) {
      expect((await rejection(client.call(SERVICE_133.invokeWithLayer(statsCall(peer))), RpcError)).pattern).toBe('PEER_ID_INVALID');
    }
  });

  it('answers other calls with INPUT_METHOD_INVALID and knows the channels it is given', async () => {
    const other = { channelId: 42n, accessHash: -42n };
    const server = await startServer({ channels: [other] });
    const client = await connectClient(server.url);
    const peer = { _: 'inputPeerChannel', ...other } as const;
    expect((await client.call(statsCall(peer))).url).toBe('https://t.me/stats/42');
    expect((await rejection(client.call(statsCall(DEMO_CHANNEL)), RpcError)).pattern).toBe('PEER_ID_INVALID');
    const wrongMethod = await rejection(client.call({ _: 'help.getConfig' }), RpcError);
    expect([wrongMethod.code, wrongMethod.pattern]).toEqual([400, 'INPUT_METHOD_INVALID']);
  });

  it('serves several clients at once, each in its own session', async () => {
    const server = await startServer();
    const clients = await Promise.all([1, 2, 3].map(() => connectClient(server.url)));
    const urls = await Promise.all(clients.map((client, i) => client.call(statsCall(DEMO_CHANNEL, { params: String(i) }))));
    expect(urls.map((u) => u.url)).toEqual([0, 1, 2].map((i) => `https://t.me/stats/1001234567890?params=${i}`));
    expect(new Set(clients.map((c) => c.sessionId)).size).toBe(3);
  });
});

describe('the bytes on the wire', () => {
  /** Every message of a recorded connection, decrypted by the side that received it. */
  async function recordedSession(calls: number) {
    const server = await startServer();
    const recorder = new WireRecorder();
    const client = await connectClient(server.url, { WebSocket: recorder.WebSocket });
    for (let i = 0; i < calls; i++) await client.call(SERVICE_133.invokeWithLayer(statsCall(DEMO_CHANNEL, { dark: true })));
    const tap = new WireTap(recorder.sent[0]);
    const open = (packets: Uint8Array[], side: 'client' | 'server') =>
      packets.map((data) => decryptMessage({ authKey: DEMO_AUTH_KEY, data, side, expectedSessionId: client.sessionId }));
    const up = recorder.sent.slice(1).map((wire) => tap.fromClient(wire));
    const down = recorder.received.map((wire) => tap.fromServer(wire));
    return { recorder, tap, up, down, sent: open(up.flatMap((m) => m.packets), 'server'), received: open(down.flatMap((m) => m.packets), 'client') };
  }

  it('are obfuscate(frame(encrypt(message(body)))), one frame per WebSocket message', async () => {
    const { recorder, tap, up, sent } = await recordedSession(1);
    expect(recorder.sent[0]).toHaveLength(64);
    expect(tap.framing).toBe(intermediate);
    expect(up).toHaveLength(1);
    const [{ wire, frames, packets }] = up;
    // The frame is the 4-byte length and the packet; obfuscation changed every byte position's value.
    expect(frames).toEqual(intermediate.createEncoder().encode(packets[0]));
    expect(wire).not.toEqual(frames);
    expect(wire).toHaveLength(frames.length);
    expect(sent[0].body).toEqual(LAYER_133.encode(SERVICE_133.invokeWithLayer(statsCall(DEMO_CHANNEL, { dark: true }))));
    expect(sent[0].salt).toBe(DEMO_SERVER_SALT);
  });

  it('follow the msg_id and seq_no rules in both directions', async () => {
    const { sent, received } = await recordedSession(3);
    const ids = (messages: DecryptedMessage[]) => messages.map((m) => m.msgId);
    const increasing = (values: bigint[]) => values.every((v, i) => i === 0 || v > values[i - 1]);
    // Client msg_ids are divisible by 4, server responses are 1 mod 4; both strictly increase and carry the time.
    expect(ids(sent).map((id) => BigInt.asUintN(2, id))).toEqual([0n, 0n, 0n]);
    expect(ids(received).map((id) => BigInt.asUintN(2, id))).toEqual([1n, 1n, 1n]);
    expect(increasing(ids(sent)) && increasing(ids(received))).toBe(true);
    for (const id of [...ids(sent), ...ids(received)]) expect(Math.abs(msgIdToUnixMs(id) - Date.now())).toBeLessThan(60_000);
    // The first call goes alone (seq_no 1); the next two in containers (even seq_no) with the
    // call (2n+1) and the acknowledgment of the previous answer (2n).
    expect(sent[0].seqNo).toBe(1);
    expect(sent.slice(1).map((m) => m.seqNo)).toEqual([4, 6]);
    for (const [i, message] of sent.slice(1).entries()) {
      const container = LAYER_133.decode(message.body, { as: 'msg_container' }) as { messages: Array<{ msgId: bigint; seqno: number; body: { _: string; msgIds?: bigint[] } }> };
      expect(container.messages.map((m) => [m.body._, m.seqno])).toEqual([
        ['invokeWithLayer', 3 + 2 * i],
        ['msgs_ack', 4 + 2 * i],
      ]);
      expect(container.messages[1].body.msgIds).toEqual([received[i].msgId]);
      expect(container.messages.every((m) => m.msgId < message.msgId)).toBe(true);
    }
    // The server's rpc_results are content-related: 1, 3, 5.
    expect(received.map((m) => m.seqNo)).toEqual([1, 3, 5]);
  });
});

describe('the checks the server makes', () => {
  const body = () => LAYER_133.encode(statsCall(DEMO_CHANNEL));

  it('refuses another salt with bad_server_salt; the client takes the new salt and resends', async () => {
    const server = await startServer();
    const client = await connectClient(server.url, { salt: 12345n });
    expect((await client.call(statsCall(DEMO_CHANNEL))).url).toContain('1001234567890');
    expect(server.events.filter((e) => e.kind === 'refused').map((e) => e.errorCode)).toEqual([BAD_MSG.BAD_SERVER_SALT]);
    expect(server.events.filter((e) => e.kind === 'answered')).toHaveLength(1);
  });

  it('refuses a msg_id from a clock 10 minutes behind (16); the client syncs its clock and resends', async () => {
    const server = await startServer();
    const client = await connectClient(server.url, { now: () => Date.now() - 600_000 });
    expect((await client.call(statsCall(DEMO_CHANNEL))).url).toContain('1001234567890');
    expect(server.events.filter((e) => e.kind === 'refused').map((e) => e.errorCode)).toEqual([BAD_MSG.MSG_ID_TOO_LOW]);
    const ahead = await startServer({ now: () => Date.now() - 600_000 });
    const early = await connectClient(ahead.url);
    await early.call(statsCall(DEMO_CHANNEL));
    expect(ahead.events.filter((e) => e.kind === 'refused').map((e) => e.errorCode)).toEqual([BAD_MSG.MSG_ID_TOO_HIGH]);
  });

  it('ignores a replayed message through the library guard; an older msg_id never seen is still served', async () => {
    const server = await startServer();
    const session = await RawSession.open(server.url);
    const older = session.msgIds.next('client');
    const packet = session.packet(body());
    session.send(packet);
    session.send(packet);
    session.send(session.packet(body(), { msgId: older }));
    session.send(session.packet(LAYER_133.encode(statsCall(UNKNOWN_CHANNEL))));
    expect((await session.next()).body).toMatchObject({ _: 'rpc_result', result: { _: 'statsURL' } });
    expect((await session.next()).body).toMatchObject({ _: 'rpc_result', reqMsgId: older, result: { _: 'statsURL' } });
    expect((await session.next()).body).toMatchObject({ _: 'rpc_result', result: { _: 'rpc_error', errorMessage: 'PEER_ID_INVALID' } });
    const ignored = server.events.filter((e) => e.kind === 'ignored');
    expect(ignored.map((e) => [e.msgId === older, e.reason])).toEqual([[false, 'replayed msg_id']]);
  });

  it('wants odd seq_no for content-related messages and even for the others (35, 34)', async () => {
    const server = await startServer();
    const session = await RawSession.open(server.url);
    const callMsgId = session.msgIds.next('client');
    session.send(session.packet(body(), { msgId: callMsgId, seqNo: 0 }));
    expect((await session.next()).body).toEqual({ _: 'bad_msg_notification', badMsgId: callMsgId, badMsgSeqno: 0, errorCode: 35 });
    const ackMsgId = session.msgIds.next('client');
    session.send(session.packet(LAYER_133.encode({ _: 'msgs_ack', msgIds: [1n] }), { msgId: ackMsgId, seqNo: 1 }));
    expect((await session.next()).body).toEqual({ _: 'bad_msg_notification', badMsgId: ackMsgId, badMsgSeqno: 1, errorCode: 34 });
  });

  it('refuses a container whose messages do not have lower msg_ids than it (64), and a nested one', async () => {
    const server = await startServer();
    const session = await RawSession.open(server.url);
    const containerMsgId = session.msgIds.next('client');
    const late = session.msgIds.next('client');
    const container = encodeContainer([{ msgId: late, seqno: 1, body: body() }]);
    session.send(session.packet(container, { msgId: containerMsgId, seqNo: 2 }));
    expect((await session.next()).body).toMatchObject({ _: 'bad_msg_notification', badMsgId: containerMsgId, errorCode: 64 });
    const innerId = session.msgIds.next('client');
    const nested = encodeContainer([{ msgId: innerId, seqno: 1, body: body() }]);
    const innerContainerId = session.msgIds.next('client');
    const outerId = session.msgIds.next('client');
    const outer = LAYER_133.encode({ _: 'msg_container', messages: [{ _: 'message', msgId: innerContainerId, seqno: 2, body: LAYER_133.decode(nested) }] } as never);
    session.send(session.packet(outer, { msgId: outerId, seqNo: 2 }));
    expect((await session.next()).body).toMatchObject({ _: 'bad_msg_notification', badMsgId: innerContainerId, errorCode: 64 });
  });

  it('inflates a call sent as gzip_packed (never content-related, so seq_no even)', async () => {
    const server = await startServer();
    const session = await RawSession.open(server.url);
    const params = 'p'.repeat(3000);
    const packed = packIfSmaller(LAYER_133.encode(statsCall(DEMO_CHANNEL, { params })));
    expect(packed.length).toBeLessThan(200);
    const msgId = session.msgIds.next('client');
    session.send(session.packet(packed, { msgId, seqNo: session.seqNo.next(false) }));
    const answer = (await session.next()).body as { reqMsgId: bigint; result: { url: string } };
    expect(answer.reqMsgId).toBe(msgId);
    expect(answer.result.url).toBe(`https://t.me/stats/1001234567890?params=${params}`);
    session.send(session.packet(packed, { seqNo: session.seqNo.next(true) }));
    expect((await session.next()).body).toMatchObject({ _: 'bad_msg_notification', errorCode: 34 });
    const corrupt = LAYER_133.encode({ _: 'gzip_packed', packedData: Uint8Array.of(0x1f, 0x8b, 8, 0, 1, 2, 3) });
    session.send(session.packet(corrupt, { seqNo: session.seqNo.next(false) }));
    expect((await session.next()).body).toMatchObject({ _: 'rpc_result', result: { _: 'rpc_error', errorMessage: 'INPUT_FETCH_ERROR' } });
  });

  it('answers a body it cannot decode with rpc_error 400 INPUT_FETCH_ERROR', async () => {
    const server = await startServer();
    const session = await RawSession.open(server.url);
    const msgId = session.msgIds.next('client');
    session.send(session.packet(Uint8Array.of(0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4), { msgId }));
    expect((await session.next()).body).toEqual({ _: 'rpc_result', reqMsgId: msgId, result: { _: 'rpc_error', errorCode: 400, errorMessage: 'INPUT_FETCH_ERROR' } });
  });
});
