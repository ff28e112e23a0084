import type { Command } from '../command.js';
import { UsageError } from '../io.js';

/** `tlwire demo`: the same as `npm run demo`. */
export const demo: Command = {
  name: 'demo',
  summary: 'call messages.getStatsURL through MTProto 2.0, obfuscated2 and a WebSocket against a loopback server',
  help: [
    'Usage: tlwire demo',
    '',
    'Starts a loopback MTProto server on 127.0.0.1 (WebSocket, obfuscated2, intermediate framing),',
    'calls messages.getStatsURL with dark set for a channel it knows, and prints every layer of the',
    'call as it went over the socket: the TL body, the plaintext message, the MTProto 2.0 encrypted',
    'message, the transport frame and the obfuscated bytes; then the answer peeled off the same way',
    'and the decoded StatsURL. Last, the same call for an unknown channel, answered with',
    'rpc_error 400 PEER_ID_INVALID. Both sides share a fixed demo auth key (no DH exchange).',
    'Colour when standard output is a terminal and NO_COLOR is not set.',
    '',
    'Example:',
    '  tlwire demo | less -R',
  ].join('\n'),
  async run(argv, io) {
    if (argv.length > 0) throw new UsageError(`demo takes no arguments, got ${argv.join(' ')}`);
    // Imported on use: it loads layer 133, which other commands should not pay for at startup.
    const { runDemo } = await import('../../demo/run.js');
    await runDemo(io);
    return 0;
  },
};
