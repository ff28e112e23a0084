/**
 * npm run test:runtimes: the tests of vitest.config.ts here under Bun and under Deno, each from
 * this package's npm dependencies (`bun`, `deno`: binaries inside). Exits non-zero if either fails.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = [`${root}node_modules/vitest/vitest.mjs`, 'run', '--config', `${here}vitest.config.ts`];

const runtimes = {
  bun: [`${here}node_modules/.bin/bun`, '--bun', ...vitest],
  deno: [`${here}node_modules/.bin/deno`, 'run', '--allow-all', ...vitest],
};

let failed = 0;
for (const [name, [command, ...args]] of Object.entries(runtimes)) {
  const started = Date.now();
  console.log(`\n== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TLWIRE_RUNTIME: name } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) failed++;
  console.log(`== ${name}: ${result.status === 0 ? 'passed' : `failed (${result.error?.message ?? `exit ${result.status}`})`} in ${seconds} s`);
}
process.exit(failed === 0 ? 0 : 1);
