/**
 * Size budgets (README, Performance): the bench's bundles, made the same way (esbuild, minified,
 * for the browser) but from src/, so no build is needed first; a test fails when one grows past
 * its budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle } from '../../bench/bundle/bundle.js';
import { ROOT } from '../helpers.js';

const BUDGETS = {
  /** messages.getStatsURL out, StatsURL back (bench/bundle/one-method.tlwire.entry.ts). */
  'one-method': { bytes: 10_000, gzipBytes: 4_096 },
  /** The service layer over layer 228, the envelope and the transport (bench/bundle/client.tlwire.entry.ts). */
  client: { bytes: 1_450_000, gzipBytes: 365_000 },
} as const;

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const figure = (n: number) => n.toLocaleString('en-US');

describe('bundle size budgets', () => {
  it.each(Object.entries(BUDGETS))('%s stays within its budget, as the README states it', async (bundleCase, budget) => {
    const result = await bundle(bundleCase as keyof typeof BUDGETS, 'tlwire', { fromSource: true });
    expect(result!.bytes).toBeLessThanOrEqual(budget.bytes);
    expect(result!.gzipBytes).toBeLessThanOrEqual(budget.gzipBytes);
    expect(result!.gzipBytes).toBeGreaterThan(budget.gzipBytes / 2); // the entry is what it claims, not an empty bundle
    expect(readme).toContain(`${figure(budget.bytes)} bytes (${figure(budget.gzipBytes)} gzipped)`);
  });
});
