import type { Command } from '../../src/cli/command.js';
import { describeError, isUserError, optionError } from '../../src/cli/errors.js';
import { UsageError, type Io } from '../../src/cli/io.js';

export interface CommandRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs one command the way src/cli/main.ts runCli does (help, one-line errors, exit codes),
 * with a fake Io: these commands are tested before they are listed in commands/index.ts.
 */
export async function runCommand(command: Command, argv: string[], stdin = '', color = false): Promise<CommandRun> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), readStdin: async () => stdin, color };
  if (argv.includes('--help') || argv.includes('-h')) return { code: 0, out: `${command.help}\n`, err };
  try {
    const code = await command.run(argv, io);
    return { code, out, err };
  } catch (e) {
    const usage = optionError(e);
    if (usage !== undefined) return { code: 1, out, err: `tlwire ${command.name}: ${usage} (tlwire ${command.name} --help)\n` };
    if (!isUserError(e)) throw e;
    return { code: e instanceof UsageError ? e.exitCode : 1, out, err: `tlwire ${command.name}: ${describeError(e)}\n` };
  }
}
