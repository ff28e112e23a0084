/**
 * What a hostile peer sends, built once for the attack tests (test/attacks) and the memory
 * figures of scripts/attack-memory.ts, so both measure the same bytes.
 */
import * as layer133 from '../../../src/generated/layer133/index.js';
import { TlLayer, type LayerRegistry } from '../../../src/layer.js';
import { encodeContainer, gzip, type ContainerMessage } from '../../../src/mtproto/service/index.js';
import { concatBytes } from '../../../src/common/bytes.js';

export const LAYER = new TlLayer(layer133.registry as LayerRegistry, layer133.model);
export const MIB = 1024 * 1024;

/** A server msg_id of the container built below; the messages inside count down from it. */
export const CONTAINER_MSG_ID = (1_700_000_000n << 32n) | 0x1001n;

export function gzipPacked(data: Uint8Array): Uint8Array {
  return LAYER.encode({ _: 'gzip_packed', packedData: gzip(data) });
}

/** rpc_result#f35c6d01 req_msg_id:long result:Object, around serialized result bytes. */
export function rpcResult(reqMsgId: bigint, result: Uint8Array): Uint8Array {
  const head = new Uint8Array(12);
  const view = new DataView(head.buffer);
  view.setUint32(0, 0xf35c6d01, true);
  view.setBigInt64(4, reqMsgId, true);
  return concatBytes(head, result);
}

/** Server msg_ids (1 modulo 4) below the container's, one per body. */
function serverMessages(bodies: Uint8Array[]): ContainerMessage[] {
  return bodies.map((body, i) => ({ msgId: CONTAINER_MSG_ID - 4n * BigInt(bodies.length - i), seqno: 2 * i + 1, body }));
}

/** gzip_packed of `size` zero bytes, as an rpc_result carries a compressed answer. */
export function zerosPacked(size: number): Uint8Array {
  return gzipPacked(new Uint8Array(size));
}

/**
 * The amplification of issue 12: a msg_container of `count` x gzip_packed(rpc_result(gzip_packed(16 MiB
 * of zeros))), about 2.3 KiB for 8 copies; before the per-message budget it decoded to 128 MiB.
 */
export function nestedGzipContainer(count = 8): Uint8Array {
  const inner = gzipPacked(rpcResult(7n << 32n, zerosPacked(16 * MIB)));
  return encodeContainer(serverMessages(Array.from({ length: count }, () => inner)));
}

/** A msg_container of `count` x rpc_result(gzip_packed(`size` zeros)): each within the per-gzip limit. */
export function inflatingContainer(count: number, size: number): Uint8Array {
  const body = rpcResult(7n << 32n, zerosPacked(size));
  return encodeContainer(serverMessages(Array.from({ length: count }, () => body)));
}

/** A msg_container of `count` pongs, each frame the smallest there is. */
export function pongContainer(count: number): Uint8Array {
  const pong = LAYER.encode({ _: 'pong', msgId: 1n, pingId: 2n });
  return encodeContainer(serverMessages(Array.from({ length: count }, () => pong)));
}

/** A msg_container of pongs under the msg_ids given, unchecked. */
export function pongsWithIds(msgIds: bigint[]): Uint8Array {
  const pong = LAYER.encode({ _: 'pong', msgId: 1n, pingId: 2n });
  return encodeContainer(msgIds.map((msgId, i) => ({ msgId, seqno: 2 * i, body: pong })));
}
