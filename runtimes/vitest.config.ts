import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests npm run test:runtimes runs under Bun and Deno (run.ts starts vitest in each): the
// golden vectors both ways for both layers, the crypto vectors, the loopback round trip, and a
// check that the runtime is the one named and takes its own paths.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/layer/golden.test.ts', 'test/mtproto/crypto/crypto.test.ts', 'test/demo/loopback.test.ts', 'runtimes/runtime.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
