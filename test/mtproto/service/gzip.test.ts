import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_INFLATED_BYTES, gunzipLimited, gzip, ServiceError, type ServiceErrorCode } from '../../../src/mtproto/service/index.js';
import { toHex } from '../../../src/common/bytes.js';
import { ROOT } from '../../helpers.js';
import { deflateBomb, gzipMember, smallBomb } from './bomb.js';

function codeOf(fn: () => unknown): ServiceErrorCode | 'no error' {
  try {
    fn();
  } catch (e) {
    if (e instanceof ServiceError) return e.code;
    throw e;
  }
  return 'no error';
}

/** Hex compares much faster than element-wise toEqual on large arrays and still shows a diff. */
function expectBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(toHex(actual)).toBe(toHex(expected));
}

function isAllZero(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0);
}

const text = new TextEncoder().encode('{"_":"statsURL","url":"https://t.me/stats/abc"} '.repeat(200));
const packed = gzip(text);

describe('gunzipLimited', () => {
  it('inflates what gzip made, and what fflate itself reads', () => {
    expect(packed.length).toBeLessThan(text.length / 10);
    expectBytes(gunzipLimited(packed), text);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (data) => {
        expectBytes(gunzipLimited(gzip(data)), data);
      }),
      { numRuns: 200 },
    );
  });

  it('makes the same bytes for the same input (zero mtime)', () => {
    expect(gzip(text)).toEqual(packed);
    expect([...packed.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
  });

  it('accepts exactly maxBytes and refuses one more', () => {
    expectBytes(gunzipLimited(packed, { maxBytes: text.length }), text);
    expect(codeOf(() => gunzipLimited(packed, { maxBytes: text.length - 1 }))).toBe('INFLATE_LIMIT');
    expect(codeOf(() => gunzipLimited(gzip(new Uint8Array(0)), { maxBytes: 0 }))).toBe('no error');
  });

  it('defaults to a 16 MiB limit', () => {
    expect(DEFAULT_MAX_INFLATED_BYTES).toBe(16 * 1024 * 1024);
    const justOver = gzipMember(deflateBomb(Math.ceil(DEFAULT_MAX_INFLATED_BYTES / 258)), 0, 0);
    expect(codeOf(() => gunzipLimited(justOver))).toBe('INFLATE_LIMIT');
  });

  it('rejects a bad limit', () => {
    for (const maxBytes of [-1, 1.5, Number.NaN]) expect(codeOf(() => gunzipLimited(packed, { maxBytes }))).toBe('BAD_ARGUMENT');
  });

  it('reads the hand-built bomb stream correctly when it is small (the builder makes valid DEFLATE)', () => {
    const small = smallBomb(1000);
    const fflateOut = gunzipSync(small);
    const ours = gunzipLimited(small);
    for (const out of [fflateOut, ours]) {
      expect(out.length).toBe(258_001);
      expect(isAllZero(out)).toBe(true);
    }
  });

  it('refuses every truncation', () => {
    for (let n = 0; n < packed.length; n++) expect(codeOf(() => gunzipLimited(packed.subarray(0, n)))).toBe('BAD_GZIP');
  });

  it('refuses reserved header flags', () => {
    for (const bit of [0x20, 0x40, 0x80]) {
      const flagged = packed.slice();
      flagged[3] |= bit;
      expect(codeOf(() => gunzipLimited(flagged))).toBe('BAD_GZIP');
    }
  });

  it('refuses trailing data and a second member', () => {
    expect(codeOf(() => gunzipLimited(Uint8Array.of(...packed, 0)))).toBe('BAD_GZIP');
    expect(codeOf(() => gunzipLimited(Uint8Array.of(...packed, 1, 2, 3, 4, 5, 6, 7, 8, 9)))).toBe('BAD_GZIP');
    expect(codeOf(() => gunzipLimited(Uint8Array.of(...packed, ...packed)))).toBe('BAD_GZIP');
  });

  it('refuses a wrong CRC or length in the trailer', () => {
    const crc = packed.slice();
    crc[crc.length - 8] ^= 1;
    expect(codeOf(() => gunzipLimited(crc))).toBe('BAD_GZIP');
    const length = packed.slice();
    length[length.length - 4] ^= 1;
    expect(codeOf(() => gunzipLimited(length))).toBe('BAD_GZIP');
  });

  it('turns every one-byte corruption into BAD_GZIP, or the original data (header bytes no check covers)', () => {
    let refused = 0;
    for (let i = 0; i < packed.length; i++) {
      for (const flip of [0x01, 0x10, 0x80, 0xff]) {
        const corrupt = packed.slice();
        corrupt[i] ^= flip;
        let out: Uint8Array | undefined;
        try {
          out = gunzipLimited(corrupt);
        } catch (e) {
          expect(e).toBeInstanceOf(ServiceError);
          expect((e as ServiceError).code).toBe('BAD_GZIP');
          refused++;
          continue;
        }
        expectBytes(out, text);
        // Only the FTEXT flag, mtime, XFL and OS in the header and the padding bits after the
        // end-of-block code in the last DEFLATE byte carry nothing.
        const lastDeflateByte = packed.length - 9;
        expect((i === 3 && flip === 0x01) || (i >= 4 && i <= 9) || i === lastDeflateByte).toBe(true);
      }
    }
    expect(refused).toBeGreaterThan(packed.length * 3);
  });

  it('never throws anything but ServiceError on random input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (data, withHeader) => {
        const input = withHeader ? Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, ...data) : data;
        const code = codeOf(() => gunzipLimited(input, { maxBytes: 1 << 20 }));
        expect(['BAD_GZIP', 'INFLATE_LIMIT', 'no error']).toContain(code);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops a bomb at the limit, long before its end', () => {
    // 64 KiB of gzip that would inflate to 64 MiB.
    const bomb = gzipMember(deflateBomb(2 ** 18), 0, 0);
    expect(bomb.length).toBeLessThan(70_000);
    const started = performance.now();
    expect(codeOf(() => gunzipLimited(bomb, { maxBytes: 1 << 20 }))).toBe('INFLATE_LIMIT');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses 1 GiB from 1 MiB of gzip with the default limit, without reaching 100 MiB of memory', () => {
    // A fresh process, so that its peak RSS measures this inflate alone.
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/mtproto/service/bomb-child.ts')], { cwd: ROOT, encoding: 'utf8' });
    const report = JSON.parse(out) as { code: string; bombBytes: number; growth: number; elapsedMs: number };
    expect(report.code).toBe('INFLATE_LIMIT');
    expect(report.bombBytes).toBeLessThan(1.1 * 2 ** 20);
    expect(report.growth).toBeLessThan(100 * 2 ** 20);
  });
});
