// Entry point of `npm run demo` (what `tlwire demo` runs).
import { runDemo } from './run.js';

try {
  await runDemo({ out: (text) => process.stdout.write(text), color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
} catch (error) {
  process.stderr.write(`tlwire demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
