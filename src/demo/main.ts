// Entry point of `npm run demo`.
import { processIo } from '../cli/io.js';
import { runDemo } from './run.js';

try {
  await runDemo(processIo());
} catch (error) {
  process.stderr.write(`tlwire demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
