import { randomBytes } from '@noble/hashes/utils.js';

/** Source of random bytes; injectable so tests can be deterministic. */
export type RandomBytes = (length: number) => Uint8Array;

/** Cryptographically secure randomness (crypto.getRandomValues, works in browsers and Node). */
export const secureRandomBytes: RandomBytes = (length) => randomBytes(length);
