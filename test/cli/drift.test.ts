import { describe, expect, it } from 'vitest';
import { decode } from '../../src/cli/commands/decode.js';
import { encode } from '../../src/cli/commands/encode.js';
import { runCommand } from './run-command.js';

/** A layer-228 user#b1b8cc83 (self, id 5, access_hash 7, first_name "Ann"): layer 133's user is #3ff6ecb0. */
const USER_228 = '83ccb8b1' + '03040000' + '00000000' + '0500000000000000' + '0700000000000000' + '03416e6e';
/** The container of issue 16: a pong, then an object of an id no layer knows. */
const CONTAINER = 'dcf8f17302000000 0d000000000000000100000014000000 c5737734040000000000000005000000 00000000 1100000000000000 0300000008000000 efbeadde01020304';

describe('tlwire decode and schema drift', () => {
  it('an unknown id names the layer that knows it', async () => {
    expect(await runCommand(decode, ['--layer', '133', USER_228])).toEqual({
      code: 1,
      out: '',
      err: 'tlwire decode: decode error UNKNOWN_CONSTRUCTOR: unknown constructor 0xb1b8cc83 in layer 133 (it is user in layer 228: use --layer 228) (at offset 0)\n',
    });
  });

  it('--lenient keeps the pong and an unknown node, which encodes back to the same hex; strict names message 1 and the id', async () => {
    const lenient = await runCommand(decode, ['--layer', '228', '--lenient', CONTAINER]);
    expect(lenient.out).toBe(
      '{"_":"msg_container","messages":[{"_":"message","msgId":"13","seqno":1,"bytes":20,"body":{"_":"pong","msgId":"4","pingId":"5"}},' +
        '{"_":"message","msgId":"17","seqno":3,"bytes":8,"body":{"_":"unknown","id":"deadbeef","bytes":"efbeadde01020304"}}]}\n',
    );
    expect((await runCommand(encode, ['--layer', '228', lenient.out])).out).toBe(`${CONTAINER.replace(/ /g, '')}\n`);
    expect((await runCommand(decode, ['--layer', '228', CONTAINER])).err).toBe(
      'tlwire decode: decode error UNKNOWN_CONSTRUCTOR: unknown constructor 0xdeadbeef in layer 228 (at offset 60, field messages[1].body)\n',
    );
  });

  it('--layer 133,228 decodes what either layer knows, first match wins, and encodes it back', async () => {
    const decoded = await runCommand(decode, ['--layer', '133,228', USER_228]);
    expect(decoded).toEqual({ code: 0, out: '{"_":"user","self":true,"id":"5","accessHash":"7","firstName":"Ann","_layer":228}\n', err: '' });
    expect((await runCommand(encode, ['--layer', '133,228', decoded.out])).out).toBe(`${USER_228}\n`);
    expect((await runCommand(decode, ['--layer', '228,133', 'efbeadde'])).err).toBe('tlwire decode: decode error UNKNOWN_CONSTRUCTOR: unknown constructor 0xdeadbeef in layers 228, 133 (at offset 0)\n');
    expect((await runCommand(decode, ['--layer', '133,228', '--method', 'help.getConfig', USER_228])).err).toBe('tlwire decode: --method decodes with one layer: give --layer 133\n');
    expect((await runCommand(decode, ['--layer', '133,133', USER_228])).err).toBe('tlwire decode: --layer names a layer twice: 133,133\n');
  });
});
