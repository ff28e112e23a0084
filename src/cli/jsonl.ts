import type { Io } from './io.js';
import { describeError } from './errors.js';

/**
 * The line protocol of `--jsonl`: one item per input line, one answer per output line, a failed
 * item answers `{"error": "..."}` and the run goes on. Exit 1 if any item failed.
 */
export async function runJsonl(io: Io, answer: (line: string) => Promise<unknown> | unknown): Promise<number> {
  const input = await io.readStdin();
  let failed = 0;
  for (const line of input.split('\n')) {
    if (line.trim() === '') continue;
    try {
      io.out(`${JSON.stringify(await answer(line.trim()))}\n`);
    } catch (e) {
      failed++;
      io.out(`${JSON.stringify({ error: describeError(e) })}\n`);
    }
  }
  return failed ? 1 : 0;
}
