/** What a command talks to: injectable, so tests run the CLI in-process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** All of standard input as text; '' when there is none. */
  readStdin(): Promise<string>;
  /** Standard output is a terminal and colour is allowed (no NO_COLOR). */
  color: boolean;
}

/** A failure the user caused: printed as one line, exit code 1 (or `exitCode`). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readStdin: async () => {
      if (process.stdin.isTTY) return '';
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}

/** The positional argument, or standard input when there is none. Empty input is an error. */
export async function argOrStdin(io: Io, positional: string[], what: string): Promise<string> {
  if (positional.length > 1) throw new UsageError(`expected one ${what} argument, got ${positional.length} (quote it, or pipe it on stdin)`);
  const text = positional.length === 1 ? positional[0] : await io.readStdin();
  if (text.trim() === '') throw new UsageError(`no ${what} given: pass it as an argument or on stdin`);
  return text.trim();
}
