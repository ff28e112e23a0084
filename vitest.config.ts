import { defineConfig } from 'vitest/config';

// Most test files import the generated layers (megabytes of code): sharing one module cache per
// worker (isolate: false) cuts the suite's time by more than half. The network tests check that
// no socket or timer is left open, so they run isolated, where every handle is their own.
const NETWORK = ['test/demo/**/*.test.ts', 'test/transport/**/*.test.ts', 'test/browser/round-trip.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'codec', include: ['test/**/*.test.ts'], exclude: NETWORK, isolate: false } },
      { extends: true, test: { name: 'network', include: NETWORK, isolate: true } },
    ],
  },
});
