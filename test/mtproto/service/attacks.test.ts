/**
 * The service layer against a hostile server (issue 12): inflation amplification, gzip nested
 * through rpc_result, oversized containers and container msg_id tricks. Each attack asserts the
 * typed refusal, what the decoder hands back (the bytes it holds on to) and a generous time bound.
 */
import { describe, expect, it } from 'vitest';
import { ServiceCodec, ServiceError } from '../../../src/mtproto/service/index.js';
import { expectError } from '../../expect-error.js';
import {
  CONTAINER_MSG_ID,
  gzipPacked,
  inflatingContainer,
  LAYER,
  MIB,
  nestedGzipContainer,
  pongContainer,
  pongsWithIds,
  rpcResult,
  zerosPacked,
} from './attack-payloads.js';

const codec = new ServiceCodec(LAYER);
const envelope = { msgId: CONTAINER_MSG_ID };
/** Far above what each attack takes on a loaded 2-core machine, far below a hang. */
const TIME_BOUND_MS = 10_000;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

/** The bytes a decoded message keeps: the results handed back as raw bytes. */
function heldBytes(message: ReturnType<typeof codec.decodeMessage>): number {
  const bodies = message.kind === 'container' ? message.messages.map((m) => m.message) : [message];
  return bodies.reduce((sum, body) => sum + (body.kind === 'unknown_result' ? body.result.length : 0), 0);
}

describe('inflation: one budget per decoded message', () => {
  it('refuses the ~2.4 KiB container of 8 x gzip(rpc_result(gzip(16 MiB))) at its first message, as nested gzip', () => {
    const attack = nestedGzipContainer(8);
    expect(attack.length).toBeLessThan(2600);
    const { ms } = timed(() => {
      const error = expectError(() => codec.decodeMessage(attack, () => undefined, envelope), ServiceError, 'NESTED_GZIP');
      expect(error.item).toBe(0);
    });
    expect(ms).toBeLessThan(TIME_BOUND_MS);
  });

  it('refuses gzip(rpc_result(gzip)) outside a container too, and gzip(gzip)', () => {
    const attack = gzipPacked(rpcResult(7n, zerosPacked(1024)));
    expectError(() => codec.decodeMessage(attack), ServiceError, 'NESTED_GZIP');
    expectError(() => codec.decodeMessage(gzipPacked(gzipPacked(new Uint8Array(8)))), ServiceError, 'NESTED_GZIP');
  });

  it('charges every rpc_result of a container to one 16 MiB budget: 8 x 16 MiB is refused at the second', () => {
    const attack = inflatingContainer(8, 16 * MIB);
    const { ms } = timed(() => {
      const error = expectError(() => codec.decodeMessage(attack, () => undefined, envelope), ServiceError, 'INFLATE_LIMIT');
      expect(error.item).toBe(1);
    });
    expect(ms).toBeLessThan(TIME_BOUND_MS);
  });

  it('decodes 8 x 2 MiB (16 MiB in total) and hands back views, 16 MiB held', () => {
    const message = codec.decodeMessage(inflatingContainer(8, 2 * MIB), () => undefined, envelope);
    expect(heldBytes(message)).toBe(16 * MIB);
    const nine = inflatingContainer(9, 2 * MIB);
    expectError(() => codec.decodeMessage(nine, () => undefined, { msgId: CONTAINER_MSG_ID }), ServiceError, 'INFLATE_LIMIT');
  });

  it('a budget of its own per codec: maxInflatedBytes bounds the total', () => {
    const small = new ServiceCodec(LAYER, { maxInflatedBytes: 3 * MIB });
    expect(heldBytes(small.decodeMessage(inflatingContainer(3, MIB), () => undefined, envelope))).toBe(3 * MIB);
    expectError(() => small.decodeMessage(inflatingContainer(4, MIB), () => undefined, envelope), ServiceError, 'INFLATE_LIMIT');
  });

  it('an unknown result that was not inflated is a view into the input, not a copy', () => {
    const body = rpcResult(7n, LAYER.encode({ _: 'pong', msgId: 1n, pingId: 2n }));
    const message = codec.decodeMessage(body);
    if (message.kind !== 'unknown_result') throw new Error(`expected unknown_result, got ${message.kind}`);
    expect(message.result.buffer).toBe(body.buffer);
    expect(message.result.byteOffset).toBe(body.byteOffset + 12);
  });
});

describe('containers', () => {
  it('refuses 5,000 messages before reading them; 1,024 (the default limit) pass', () => {
    const { ms } = timed(() => expectError(() => codec.decodeMessage(pongContainer(5000), () => undefined, envelope), ServiceError, 'CONTAINER_TOO_LARGE'));
    expect(ms).toBeLessThan(TIME_BOUND_MS);
    const full = codec.decodeMessage(pongContainer(1024), () => undefined, envelope);
    expect(full.kind === 'container' && full.messages.length).toBe(1024);
    const strict = new ServiceCodec(LAYER, { maxContainerMessages: 8 });
    expectError(() => strict.decodeMessage(pongContainer(9), () => undefined, envelope), ServiceError, 'CONTAINER_TOO_LARGE');
  });

  it('refuses inner msg_ids 0 and 0 (even, from a server), and names the message', () => {
    const error = expectError(() => codec.decodeMessage(pongsWithIds([0n, 0n]), () => undefined, envelope), ServiceError, 'BAD_MSG_ID_PARITY');
    expect(error.item).toBe(0);
  });

  it('refuses a repeated msg_id, one not below the container own, and one of the wrong parity, naming each', () => {
    const a = CONTAINER_MSG_ID - 8n;
    const cases: [bigint[], ServiceError['code'], number][] = [
      [[a, a - 4n, a], 'DUPLICATE_MSG_ID', 2],
      [[a, CONTAINER_MSG_ID], 'MSG_ID_NOT_BELOW_CONTAINER', 1],
      [[a, CONTAINER_MSG_ID + 4n], 'MSG_ID_NOT_BELOW_CONTAINER', 1],
      [[a, a + 1n], 'BAD_MSG_ID_PARITY', 1],
    ];
    for (const [ids, code, item] of cases) {
      const error = expectError(() => codec.decodeMessage(pongsWithIds(ids), () => undefined, envelope), ServiceError, code);
      expect([error.item, error.message]).toEqual([item, expect.stringContaining(`message ${item} of msg_container`)]);
    }
    // A client's container: ids divisible by 4.
    const fromClient = new ServiceCodec(LAYER, { from: 'client' });
    expect(fromClient.decodeMessage(pongsWithIds([a - 1n, a + 3n]), () => undefined, { msgId: CONTAINER_MSG_ID + 3n }).kind).toBe('container');
    expectError(() => fromClient.decodeMessage(pongsWithIds([a]), () => undefined, envelope), ServiceError, 'BAD_MSG_ID_PARITY');
  });
});
