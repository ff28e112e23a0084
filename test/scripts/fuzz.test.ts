import { beforeAll, describe, expect, it } from 'vitest';
import { passed, runFuzz, SLOW_INPUT_MS, type FuzzReport } from '../../scripts/fuzz.js';

// The short CI run of `npm run fuzz`; the 1,000,000-input figures are in docs/reliability.md.
describe('mutation fuzzer (short run)', () => {
  let report: FuzzReport;
  beforeAll(() => {
    report = runFuzz({ count: 20_000, seed: 1 });
  });

  it('throws nothing but TlDecodeError, and every decoded value re-encodes by the rules', () => {
    expect(report.failures).toEqual([]);
    expect({ otherThrows: report.otherThrows, checkFailures: report.checkFailures }).toEqual({ otherThrows: 0, checkFailures: 0 });
  });

  it(`keeps every input under ${SLOW_INPUT_MS} ms`, () => {
    expect(report.slowest.retimedMs).toBeLessThan(SLOW_INPUT_MS);
    expect(passed(report)).toBe(true);
  });

  it('reaches the decoder deeply: inputs that decode, and most error codes', () => {
    expect(report.inputs).toBe(20_000);
    expect(report.decodedOk).toBeGreaterThan(1000);
    expect(report.decodedOk + report.typedErrors + report.otherThrows).toBeLessThanOrEqual(report.decodes);
    for (const code of ['TRUNCATED', 'UNKNOWN_CONSTRUCTOR', 'WRONG_CONSTRUCTOR', 'VECTOR_ID', 'VECTOR_COUNT', 'BAD_BOOL', 'BAD_LENGTH_PREFIX', 'BAD_PADDING', 'BAD_UTF8', 'UNKNOWN_FLAGS', 'TOO_DEEP', 'TOO_MANY', 'TOO_LONG', 'TRAILING_BYTES'] as const) {
      expect(report.typedErrorsByCode[code], code).toBeGreaterThan(0);
    }
    for (const [mutation, count] of Object.entries(report.mutations)) expect(count, mutation).toBeGreaterThan(1000);
  });

  it('repeats exactly for a seed', () => {
    const a = runFuzz({ count: 500, seed: 42 });
    const b = runFuzz({ count: 500, seed: 42 });
    const c = runFuzz({ count: 500, seed: 43 });
    const figures = (r: FuzzReport) => [r.decodedOk, r.typedErrorsByCode, r.mutations];
    expect(figures(a)).toEqual(figures(b));
    expect(figures(a)).not.toEqual(figures(c));
  });
});
