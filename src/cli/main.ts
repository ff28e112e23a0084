import { readFileSync } from 'node:fs';
import type { Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import { describeError, isUserError, optionError } from './errors.js';
import { processIo, UsageError, type Io } from './io.js';

/** The version of the installed package (the same path from src/cli and dist/cli). */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'tlwire: a TL schema compiler and byte-exact MTProto codec',
    '',
    'Usage: tlwire COMMAND [options]   (tlwire COMMAND --help for more)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Example:',
    `  tlwire encode --layer 133 '{"_":"messages.getStatsURL","dark":true,"peer":{"_":"inputPeerSelf"},"params":"abc"}'`,
    '',
  ].join('\n');
}

/** Runs the CLI; returns the exit code. Errors become one line on stderr. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  // `tlwire help decode` is `tlwire decode --help`.
  if (name === 'help' && rest.length > 0) return runCli([rest[0], '--help'], io);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`tlwire ${version()}\n`);
    return 0;
  }
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`tlwire: unknown command ${JSON.stringify(name)}; commands: ${COMMANDS.map((c) => c.name).join(', ')} (tlwire --help)\n`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    const usage = optionError(e);
    if (usage !== undefined) {
      io.err(`tlwire ${command.name}: ${usage} (tlwire ${command.name} --help)\n`);
      return 1;
    }
    io.err(`tlwire ${command.name}: ${describeError(e)}\n`);
    if (!isUserError(e)) io.err(`${(e as Error).stack ?? ''}\n`);
    return e instanceof UsageError ? e.exitCode : 1;
  }
}

export async function main(): Promise<void> {
  // `tlwire diff ... | head` closes the pipe early: that ends the output, it is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await runCli(process.argv.slice(2), processIo());
}
