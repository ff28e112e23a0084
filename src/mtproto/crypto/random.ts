import { randomBytes } from '../../common/bytes.js';

/** Source of random bytes; injectable so tests can be deterministic. */
export type RandomBytes = (length: number) => Uint8Array;

/** Cryptographically secure randomness: the one randomBytes every part uses, under the injectable type. */
export const secureRandomBytes: RandomBytes = randomBytes;
