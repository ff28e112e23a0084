import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { toHex } from '../../src/common/bytes.js';
import { gzip } from '../../src/mtproto/service/index.js';
import { LAYERS } from '../helpers.js';

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => stdin, color: false };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const layer = LAYERS[133];
const RESULT = '016d5cf300802b9c20159561e071a9471668747470733a2f2f742e6d652f73746174732f61626300';
const ERROR = '016d5cf304802b9c2015956119ca4421900100000f504545525f49445f494e56414c4944';
const statsJson = '{"_":"statsURL","url":"https://t.me/stats/abc"}';
const method = ['decode', '--layer', '133', '--method', 'messages.getStatsURL'];

describe('tlwire decode --method', () => {
  it('prints the typed result of an rpc_result as canonical JSON', async () => {
    expect(await run([...method, RESULT])).toEqual({ code: 0, out: `${statsJson}\n`, err: '' });
  });

  it('inflates a gzip_packed result', async () => {
    const packed = layer.encode({ _: 'gzip_packed', packedData: gzip(layer.encodeJson(JSON.parse(statsJson))) });
    // rpc_result#f35c6d01, req_msg_id 1, then the gzip_packed#3072cfa1 object.
    const hex = `016d5cf30100000000000000${toHex(packed)}`;
    expect(await run([...method, hex])).toEqual({ code: 0, out: `${statsJson}\n`, err: '' });
  });

  it('prints an rpc_error as its canonical JSON, what it means on stderr, and exits 3', async () => {
    expect(await run([...method, ERROR])).toEqual({
      code: 3,
      out: '{"_":"rpc_error","errorCode":400,"errorMessage":"PEER_ID_INVALID"}\n',
      // The description the seed page gives for messages.getStatsURL (layer 133).
      err: 'rpc_error 400 PEER_ID_INVALID: The provided peer id is invalid\n',
    });
  });

  it('prints a vector result with the method’s result type', async () => {
    const users = `15c4b51c01000000${toHex(layer.encode({ _: 'userEmpty', id: 7n }))}`;
    const { code, out } = await run(['decode', '--layer', '133', '--method', 'users.getUsers', `016d5cf30100000000000000${users}`]);
    expect([code, out]).toEqual([0, '[{"_":"userEmpty","id":"7"}]\n']);
  });

  it('reads stdin, and answers per line with --jsonl', async () => {
    expect(await run(method, `${RESULT}\n`)).toEqual({ code: 0, out: `${statsJson}\n`, err: '' });
    const { code, out } = await run([...method, '--jsonl'], `${RESULT}\n{"hex":"${ERROR}"}\ne071a94700000000\n`);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(code).toBe(1);
    expect(lines[0]).toEqual({ value: JSON.parse(statsJson) });
    expect(lines[1]).toEqual({ rpcError: { _: 'rpc_error', errorCode: 400, errorMessage: 'PEER_ID_INVALID' }, description: '400 PEER_ID_INVALID: The provided peer id is invalid' });
    expect(lines[2].error).toMatch(/NOT_RPC_RESULT/);
  });

  it('explains what it cannot do in one line', async () => {
    const notResult = await run([...method, 'e071a94700000000']);
    expect([notResult.code, notResult.err]).toEqual([1, 'tlwire decode: NOT_RPC_RESULT: expected rpc_result#f35c6d01, found statsURL#47a971e0\n']);
    const generic = await run(['decode', '--layer', '133', '--method', 'invokeWithLayer', RESULT]);
    expect(generic.code).toBe(1);
    expect(generic.err).toMatch(/invokeWithLayer returns what its query returns/);
    const missing = await run(['decode', '--layer', '228', '--method', 'messages.getStatsURL', RESULT]);
    expect(missing.err).toMatch(/layer 228 has no function messages.getStatsURL: .*use --layer 133/);
    const both = await run([...method, '--type', 'StatsURL', RESULT]);
    expect([both.code, both.err]).toEqual([1, expect.stringMatching(/--type or --method, not both/)]);
    const truncated = await run([...method, RESULT.slice(0, 40)]);
    expect([truncated.code, truncated.err]).toEqual([1, expect.stringMatching(/^tlwire decode: decode error TRUNCATED/)]);
  });

  it('documents --method in its help, and keeps the plain decode', async () => {
    const { out } = await run(['decode', '--help']);
    expect(out).toMatch(/--method M/);
    expect(out).toMatch(/tlwire decode --layer 133 --method messages.getStatsURL 016d5cf3/);
    expect(await run(['decode', '--layer', '133', RESULT])).toEqual({
      code: 0,
      out: '{"_":"rpc_result","reqMsgId":"7031549623012130816","result":{"_":"statsURL","url":"https://t.me/stats/abc"}}\n',
      err: '',
    });
  });
});
