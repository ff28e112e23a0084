/**
 * Replays and msg_ids outside the time window (issue 12), against the demo client and server
 * over a loopback WebSocket: both use the library's MsgIdGuard; a refused message is neither
 * acked nor acted on, and its salt is not taken.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_AUTH_KEY, DEMO_CHANNEL, DEMO_SERVER_SALT } from '../../src/demo/fixtures.js';
import { LAYER_133 } from '../../src/demo/layer.js';
import type { messages_getStatsURL, msg_container, TlObject } from '../../src/generated/layer133/types.js';
import { decryptMessage, encodeContainer, encryptMessage, MessageIdGenerator, type DecryptedMessage } from '../../src/mtproto/index.js';
import { connectClient, RawSession, scriptedServer, startServer } from './helpers.js';

const call: messages_getStatsURL = { _: 'messages.getStatsURL', peer: DEMO_CHANNEL, params: '' };
const HOUR_MS = 3_600_000;
const EVIL_SALT = 0x6666n;

/** A server message to the client's session, under a msg_id from a clock `offsetMs` away. */
function serverPacket(request: DecryptedMessage, body: TlObject, seqNo: number, offsetMs = 0): Uint8Array {
  return encryptMessage({
    authKey: DEMO_AUTH_KEY,
    salt: EVIL_SALT,
    sessionId: request.sessionId,
    msgId: new MessageIdGenerator({ now: () => Date.now() + offsetMs }).next('server-response'),
    seqNo,
    body: LAYER_133.encode(body),
    side: 'server',
  });
}

function open(packet: Uint8Array): DecryptedMessage {
  return decryptMessage({ authKey: DEMO_AUTH_KEY, data: packet, side: 'server', expectedSessionId: 'any' });
}

/** The msg_ids a client message acknowledges (it carries its acks in a container beside the call). */
function ackedIds(message: DecryptedMessage): bigint[] {
  const value = LAYER_133.decode(message.body) as TlObject;
  if (value._ !== 'msg_container') return [];
  return (value as msg_container).messages.flatMap((m) => {
    const inner = m.body as TlObject;
    return inner._ === 'msgs_ack' ? inner.msgIds : [];
  });
}

describe('the demo client against a server that replays and forges time', () => {
  it('refuses a replayed packet and hour-old and hour-ahead ones: no ack, no salt taken, the calls still settle', async () => {
    const requests: DecryptedMessage[] = [];
    const answerIds: bigint[] = [];
    let firstAnswer: Uint8Array | undefined;
    const url = await scriptedServer((packet, reply) => {
      const request = open(packet);
      requests.push(request);
      const value = LAYER_133.decode(request.body) as TlObject;
      const callMsgId = value._ === 'msg_container' ? (value as msg_container).messages[0].msgId : request.msgId;
      const answer = serverPacket(request, { _: 'rpc_result', reqMsgId: callMsgId, result: { _: 'statsURL', url: `https://t.me/stats/${requests.length}` } }, 2 * requests.length - 1);
      if (requests.length === 2) {
        // Before the answer: the first answer three times again, and new_session_created with a new salt from an hour ago and an hour ahead.
        const salt = (offsetMs: number) => serverPacket(request, { _: 'new_session_created', firstMsgId: callMsgId, uniqueId: 1n, serverSalt: EVIL_SALT }, 101, offsetMs);
        for (const replay of [firstAnswer!, firstAnswer!, firstAnswer!, salt(-HOUR_MS), salt(HOUR_MS)]) void reply.sendFrame(replay);
      }
      answerIds.push(decryptMessage({ authKey: DEMO_AUTH_KEY, data: answer, side: 'client', expectedSessionId: request.sessionId }).msgId);
      firstAnswer ??= answer;
      void reply.sendFrame(answer);
    });
    const refused: string[] = [];
    const client = await connectClient(url, { onRefused: (_, error) => refused.push(error.code) });
    expect((await client.call(call)).url).toBe('https://t.me/stats/1');
    expect((await client.call(call)).url).toBe('https://t.me/stats/2');
    expect((await client.call(call)).url).toBe('https://t.me/stats/3');
    expect(refused).toEqual(['MSG_ID_REPLAYED', 'MSG_ID_REPLAYED', 'MSG_ID_REPLAYED', 'MSG_ID_TOO_OLD', 'MSG_ID_TOO_NEW']);
    // Each answer acked once, in the next call's container; nothing refused is acked.
    expect([ackedIds(requests[1]), ackedIds(requests[2])]).toEqual([[answerIds[0]], [answerIds[1]]]);
    // The salt stays the one the client started with.
    expect(requests.map((r) => r.salt)).toEqual([DEMO_SERVER_SALT, DEMO_SERVER_SALT, DEMO_SERVER_SALT]);
  });

  it('still syncs its clock from bad_msg_notification 16 about its own call, though that msg_id is outside its window', async () => {
    const server = await startServer();
    const refused: string[] = [];
    const client = await connectClient(server.url, { now: () => Date.now() - HOUR_MS, onRefused: (_, error) => refused.push(error.code) });
    expect((await client.call(call)).url).toContain('1001234567890');
    expect(refused).toEqual(['MSG_ID_TOO_NEW']);
  });
});

describe('the demo server', () => {
  it('ignores a replayed packet and refuses hour-old, hour-ahead and msg_id 4 with 16 / 17 through the library guard', async () => {
    const server = await startServer();
    const session = await RawSession.open(server.url);
    const body = LAYER_133.encode(call);
    const packet = session.packet(body);
    session.send(packet);
    session.send(packet);
    session.send(packet);
    const at = (offsetMs: number) => new MessageIdGenerator({ now: () => Date.now() + offsetMs }).next('client');
    session.send(session.packet(body, { msgId: at(-HOUR_MS) }));
    session.send(session.packet(body, { msgId: at(HOUR_MS) }));
    session.send(session.packet(body, { msgId: 4n }));
    expect((await session.next()).body).toMatchObject({ _: 'rpc_result', result: { _: 'statsURL' } });
    for (const code of [16, 17, 16]) expect((await session.next()).body).toMatchObject({ _: 'bad_msg_notification', errorCode: code });
    expect(server.events.filter((e) => e.kind === 'answered')).toHaveLength(1);
    expect(server.events.filter((e) => e.kind === 'ignored').map((e) => e.kind === 'ignored' && e.reason)).toEqual(['replayed msg_id', 'replayed msg_id']);
  });

  it('refuses a container of 5,000 messages and one with duplicate inner msg_ids (64)', async () => {
    const server = await startServer();
    const session = await RawSession.open(server.url);
    const ack = LAYER_133.encode({ _: 'msgs_ack', msgIds: [1n] });
    const ids = (n: number) => Array.from({ length: n }, () => session.msgIds.next('client'));
    const many = encodeContainer(ids(5000).map((msgId) => ({ msgId, seqno: 0, body: ack })));
    const [twice] = ids(1);
    const duplicate = encodeContainer([twice, twice].map((msgId) => ({ msgId, seqno: 0, body: ack })));
    session.send(session.packet(many, { seqNo: 0 }));
    session.send(session.packet(duplicate, { seqNo: 0 }));
    for (let i = 0; i < 2; i++) expect((await session.next()).body).toMatchObject({ _: 'bad_msg_notification', errorCode: 64 });
  });
});

describe('decryptMessage', () => {
  it("requires the session id: a message for another session is refused, and omitting it is an error unless 'any' is said", () => {
    const sessionId = 77n;
    const packet = encryptMessage({ authKey: DEMO_AUTH_KEY, salt: 1n, sessionId, msgId: 4n << 32n, seqNo: 1, body: new Uint8Array(4), side: 'client' });
    const params = { authKey: DEMO_AUTH_KEY, data: packet, side: 'server' } as const;
    expect(() => decryptMessage({ ...params, expectedSessionId: 78n })).toThrow(expect.objectContaining({ code: 'SESSION_MISMATCH' }));
    // @ts-expect-error: the type requires expectedSessionId; plain JavaScript may still omit it.
    expect(() => decryptMessage(params)).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
    expect(decryptMessage({ ...params, expectedSessionId: 'any' }).sessionId).toBe(sessionId);
  });
});
