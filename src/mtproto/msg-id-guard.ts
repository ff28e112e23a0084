import type { Sender } from './crypto/keys.js';
import { MtprotoError } from './errors.js';
import { isMsgIdFrom, msgIdToUnixMs } from './msg-id.js';

/** core.telegram.org/mtproto/description: a msg_id more than 300 s old or 30 s ahead is ignored. */
export const DEFAULT_MAX_MSG_ID_AGE_MS = 300_000;
export const DEFAULT_MAX_MSG_ID_LEAD_MS = 30_000;
/** How many recent msg_ids are remembered (TDLib keeps 1,000); 8 bytes each plus the array. */
export const DEFAULT_MSG_ID_WINDOW = 1024;

export interface MsgIdGuardOptions {
  /** The side whose msg_ids are checked: a client guards what the server sends. */
  from: Sender;
  /** The server's clock in ms since the Unix epoch, as synced (e.g. MessageIdGenerator.serverTimeMs). */
  serverTimeMs: () => number;
  /** Oldest a msg_id may be, in ms before serverTimeMs (default 300 s). */
  maxAgeMs?: number;
  /** Farthest ahead a msg_id may be, in ms after serverTimeMs (default 30 s). */
  maxLeadMs?: number;
  /** How many recent msg_ids are remembered (default 1024); memory stays at that many ids. */
  windowSize?: number;
}

/**
 * The receiver's msg_id checks of MTProto, for one session: a msg_id of the wrong parity
 * (BAD_MSG_ID), seen before (MSG_ID_REPLAYED), below every remembered one once the window is
 * full (MSG_ID_BELOW_FLOOR: it may have been seen and forgotten, as TDLib refuses it), more than
 * `maxAgeMs` older (MSG_ID_TOO_OLD) or `maxLeadMs` newer (MSG_ID_TOO_NEW) than the server's clock
 * is refused with an {@link MtprotoError}. A receiver must not ack, act on or take the salt of a
 * refused message.
 *
 * {@link check} and {@link remember} are separate so a container can be checked first and
 * remembered after the messages inside it; {@link accept} does both.
 */
export class MsgIdGuard {
  private readonly from: Sender;
  private readonly serverTimeMs: () => number;
  private readonly maxAgeMs: number;
  private readonly maxLeadMs: number;
  private readonly windowSize: number;
  /** The most recent msg_ids remembered, ascending; at most windowSize of them. */
  private readonly window: bigint[] = [];

  constructor(options: MsgIdGuardOptions) {
    this.from = options.from;
    this.serverTimeMs = options.serverTimeMs;
    this.maxAgeMs = nonNegative('maxAgeMs', options.maxAgeMs ?? DEFAULT_MAX_MSG_ID_AGE_MS);
    this.maxLeadMs = nonNegative('maxLeadMs', options.maxLeadMs ?? DEFAULT_MAX_MSG_ID_LEAD_MS);
    this.windowSize = nonNegative('windowSize', options.windowSize ?? DEFAULT_MSG_ID_WINDOW);
    if (this.windowSize < 1 || !Number.isSafeInteger(this.windowSize)) {
      throw new MtprotoError('BAD_ARGUMENT', `windowSize must be a whole number above 0, got ${this.windowSize}`);
    }
  }

  /** How many msg_ids are remembered now (never more than the window size). */
  get remembered(): number {
    return this.window.length;
  }

  /** Throws the reason a msg_id must be refused; remembers nothing. */
  check(msgId: bigint): void {
    if (!isMsgIdFrom(this.from, msgId) || msgId <= 0n) {
      throw new MtprotoError('BAD_MSG_ID', `msg_id ${msgId} is not one a ${this.from} sends`);
    }
    if (this.window.length === this.windowSize && msgId < this.window[0]) {
      throw new MtprotoError('MSG_ID_BELOW_FLOOR', `msg_id ${msgId} is below the ${this.windowSize} remembered, from ${this.window[0]}`);
    }
    if (this.window[this.insertionPoint(msgId)] === msgId) {
      throw new MtprotoError('MSG_ID_REPLAYED', `msg_id ${msgId} was received before`);
    }
    const skewMs = msgIdToUnixMs(msgId) - this.serverTimeMs();
    if (skewMs < -this.maxAgeMs) {
      throw new MtprotoError('MSG_ID_TOO_OLD', `msg_id ${msgId} is ${Math.round(-skewMs / 1000)} s older than the server time (at most ${this.maxAgeMs / 1000} s)`);
    }
    if (skewMs > this.maxLeadMs) {
      throw new MtprotoError('MSG_ID_TOO_NEW', `msg_id ${msgId} is ${Math.round(skewMs / 1000)} s ahead of the server time (at most ${this.maxLeadMs / 1000} s)`);
    }
  }

  /** Adds a msg_id that passed {@link check}; past the window size the lowest is forgotten. */
  remember(msgId: bigint): void {
    const at = this.insertionPoint(msgId);
    if (this.window[at] === msgId) return;
    this.window.splice(at, 0, msgId);
    if (this.window.length > this.windowSize) this.window.shift();
  }

  /** {@link check}, then {@link remember}. */
  accept(msgId: bigint): void {
    this.check(msgId);
    this.remember(msgId);
  }

  /** The index of the first remembered id >= msgId. */
  private insertionPoint(msgId: bigint): number {
    let low = 0;
    let high = this.window.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.window[middle] < msgId) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new MtprotoError('BAD_ARGUMENT', `${name} must be a number >= 0, got ${value}`);
  return value;
}
