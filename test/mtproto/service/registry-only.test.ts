/** The service layer over a LayerCodec, which a client builds from the generated registry alone (no model). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as registry from '../../../src/generated/layer133/registry.js';
import { LayerCodec } from '../../../src/layer.js';
import { ServiceCodec } from '../../../src/mtproto/service/codec.js';
import { gzip } from '../../../src/mtproto/service/gzip.js';
import { RpcError } from '../../../src/mtproto/service/rpc-error.js';
import { bundleProgram, LAYERS } from '../../helpers.js';

const withModel = LAYERS[133];
const registryOnly = new LayerCodec(registry);
const service = new ServiceCodec(registryOnly);

const call = { _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: '' };
const statsURL = { _: 'statsURL', url: 'https://t.me/stats/abc' };
const reqMsgId = 7031549623012130816n;
const rpcResult = (result: unknown) => withModel.encode({ _: 'rpc_result', reqMsgId, result: withModel.decode(withModel.encode(result)) });

describe('ServiceCodec from the registry alone', () => {
  it('encodes a call as the layer with its model does', () => {
    expect(service.encode(call)).toEqual(withModel.encode(call));
  });

  it('reads rpc_result typed by the method, gzip_packed, rpc_error and msg_container', () => {
    const answer = rpcResult(statsURL);
    expect(service.decodeResult('messages.getStatsURL', answer)).toEqual(statsURL);
    const packed = withModel.encode({ _: 'rpc_result', reqMsgId, result: { _: 'gzip_packed', packedData: gzip(withModel.encode(statsURL)) } });
    expect(service.decodeResult('messages.getStatsURL', packed)).toEqual(statsURL);
    const failed = withModel.encode({ _: 'rpc_result', reqMsgId, result: { _: 'rpc_error', errorCode: 420, errorMessage: 'FLOOD_WAIT_3' } });
    expect(() => service.decodeResult('messages.getStatsURL', failed)).toThrow(RpcError);
    const container = withModel.encode({ _: 'msg_container', messages: [{ _: 'message', msgId: 1n, seqno: 1, bytes: answer.length, body: withModel.decode(answer) }] });
    expect(service.decodeMessage(container, () => 'messages.getStatsURL')).toEqual(new ServiceCodec(withModel).decodeMessage(container, () => 'messages.getStatsURL'));
  });

  // Imported through the package's entry points, as a program writes it. Decoding an answer needs
  // neither the rpc_error descriptions (tlwire/rpc-errors) nor the envelope's crypto.
  it('bundles no model, no JSON mapping, no rpc_error descriptions and no envelope crypto', async () => {
    const { inputs } = await bundleProgram([
      "import { LayerCodec } from './src/index.js';",
      "import { RpcError, ServiceCodec } from './src/mtproto/index.js';",
      "import { registry } from './src/generated/layer133/index.js';",
      'export const service = new ServiceCodec(new LayerCodec(registry));',
      "export const flood = new RpcError(420, 'FLOOD_WAIT_3').params;",
    ]);
    expect(inputs).toContain(join('src', 'generated', 'layer133', 'codec.ts'));
    expect(inputs).toContain(join('src', 'mtproto', 'service', 'rpc-error.ts'));
    const unused = (i: string) => i.includes('model') || i.includes('json/') || i.includes(join('reference', 'data', 'errors')) || i.includes(join('mtproto', 'crypto')) || i.includes('@noble');
    expect(inputs.filter(unused)).toEqual([]);
  }, 60_000);
});
