import type { Io } from './io.js';

/** One `tlwire` subcommand. */
export interface Command {
  name: string;
  /** One line for `tlwire --help`. */
  summary: string;
  /** The full `tlwire NAME --help` text: usage, options, an example. */
  help: string;
  /** Returns the exit code. Throws UsageError (or a codec error) for a one-line failure. */
  run(argv: string[], io: Io): Promise<number>;
}
