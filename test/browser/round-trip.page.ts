/**
 * The page's side of the browser round trip: the demo's client over the browser's own WebSocket
 * (the transport's default there) and the browser crypto path, as `globalThis.tlwireRoundTrip`.
 */
import { LoopbackClient } from '../../src/demo/client.js';
import { UNKNOWN_CHANNEL, DEMO_CHANNEL } from '../../src/demo/fixtures.js';
import { SERVICE_133 } from '../../src/demo/layer.js';
import { cryptoBackend } from '../../src/mtproto/index.js';
import { RpcError } from '../../src/mtproto/service/index.js';

async function roundTrip(url: string) {
  const client = await LoopbackClient.connect(url);
  const statsCall = (peer: typeof DEMO_CHANNEL) => SERVICE_133.invokeWithLayer({ _: 'messages.getStatsURL', dark: true, peer, params: '' } as const);
  const stats = await client.call(statsCall(DEMO_CHANNEL));
  const error = await client.call(statsCall(UNKNOWN_CHANNEL)).then(
    () => undefined,
    (error: unknown) => (error instanceof RpcError ? { rpcError: true, code: error.code, message: error.message } : { rpcError: false, message: String(error) }),
  );
  await client.close();
  return { cryptoBackend, stats, error };
}

(globalThis as { tlwireRoundTrip?: typeof roundTrip }).tlwireRoundTrip = roundTrip;
