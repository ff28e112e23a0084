import type { Sender } from './crypto/keys.js';
import { secureRandomBytes, type RandomBytes } from './crypto/random.js';

/** Who emits a msg_id, which fixes its value modulo 4. */
export type MsgIdKind = 'client' | 'server-response' | 'server-notification';

const RESIDUE: Record<MsgIdKind, bigint> = {
  client: 0n,
  'server-response': 1n,
  'server-notification': 3n,
};

const TWO_POW_32 = 2 ** 32;
/** The low 32 bits step by this much per millisecond: the random part stays within its millisecond. */
const UNITS_PER_MS = Math.floor(TWO_POW_32 / 1000);
/** Random bytes drawn at once: getRandomValues costs ~15 µs a call, whatever the length. */
const RANDOM_POOL_LENGTH = 256;

/** A client's msg_ids are divisible by 4; a server's are 1 (answers) or 3 (notifications) modulo 4. */
export function isMsgIdFrom(sender: Sender, msgId: bigint): boolean {
  const residue = BigInt.asUintN(2, msgId);
  return sender === 'client' ? residue === 0n : residue === 1n || residue === 3n;
}

export interface MessageIdGeneratorOptions {
  /** Local clock in milliseconds since the Unix epoch; defaults to Date.now. */
  now?: () => number;
  /** Seconds (may be fractional) to add to the local clock to obtain server time. */
  timeOffset?: number;
  /** Source of the random low bits (default: secure random). */
  random?: RandomBytes;
}

/**
 * msg_id = server unix time * 2^32 + sub-second fraction, with the low two bits set by
 * {@link MsgIdKind}; strictly increasing across every call on one generator. Below the
 * millisecond the bits are random, so an id made on a whole second does not have its low
 * 32 bits all zero and ids do not reveal how many were made in one millisecond.
 */
export class MessageIdGenerator {
  /** Seconds to add to the local clock to obtain server time. */
  timeOffset: number;
  private readonly now: () => number;
  private readonly random: RandomBytes;
  private pool: Uint8Array = new Uint8Array(0);
  private poolAt = 0;
  private last = 0n;

  constructor(options: MessageIdGeneratorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.timeOffset = options.timeOffset ?? 0;
    this.random = options.random ?? secureRandomBytes;
  }

  /** The server's clock as this generator believes it, in ms since the Unix epoch. */
  serverTimeMs(): number {
    return this.now() + this.timeOffset * 1000;
  }

  next(kind: MsgIdKind = 'client'): bigint {
    const residue = RESIDUE[kind];
    const ms = Math.floor(this.serverTimeMs());
    const seconds = Math.floor(ms / 1000);
    const random = this.randomUint32() % UNITS_PER_MS;
    // At least 4 keeps the low 32 bits non-zero on a whole second, whatever the random bits.
    const fraction = Math.max(4, (ms - seconds * 1000) * UNITS_PER_MS + random);
    let id = (BigInt(seconds) << 32n) | (BigInt(fraction) & ~3n) | residue;
    // Several ids within one clock tick (or a clock moving back) must still increase.
    if (id <= this.last) id = (((this.last >> 2n) + 1n) << 2n) | residue;
    this.last = id;
    return id;
  }

  private randomUint32(): number {
    if (this.poolAt === this.pool.length) {
      this.pool = this.random(RANDOM_POOL_LENGTH);
      this.poolAt = 0;
    }
    const at = this.poolAt;
    this.poolAt += 4;
    return (this.pool[at] | (this.pool[at + 1] << 8) | (this.pool[at + 2] << 16) | (this.pool[at + 3] << 24)) >>> 0;
  }

  /**
   * Adopts the server clock carried by a server msg_id (e.g. after bad_msg_notification 16/17).
   * Ids issued after it follow the corrected clock even when that is behind the last id issued:
   * after error 17 (msg_id too high) the server refused those ids, and only ids near its clock
   * can be accepted. Receivers drop an id equal to one they stored or lower than all of them,
   * so a clock moved back stays usable.
   */
  syncWithServerMsgId(serverMsgId: bigint): void {
    this.timeOffset = (msgIdToUnixMs(serverMsgId) - this.now()) / 1000;
    this.last = 0n;
  }
}

/** The time encoded in a msg_id, in milliseconds since the Unix epoch. */
export function msgIdToUnixMs(msgId: bigint): number {
  const seconds = Number(msgId >> 32n);
  const fraction = Number(BigInt.asUintN(32, msgId));
  return seconds * 1000 + (fraction * 1000) / TWO_POW_32;
}

/**
 * seq_no: content-related messages get 2n + 1 and advance n,
 * the others (acks, containers, ...) get 2n.
 */
export class SeqNoCounter {
  private contentRelatedSent = 0;

  next(contentRelated: boolean): number {
    if (!contentRelated) return this.contentRelatedSent * 2;
    return this.contentRelatedSent++ * 2 + 1;
  }

  /** A new session starts counting from zero again. */
  reset(): void {
    this.contentRelatedSent = 0;
  }
}
