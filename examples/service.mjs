// The service layer answering a method: a server reads a call and answers it with rpc_result
// (or rpc_error); the client reads the answer, typed by its call.
// Run: node examples/service.mjs
import { TlLayer } from 'tlwire';
import { model, registry } from 'tlwire/layer133';
import { RpcError, ServiceCodec } from 'tlwire/mtproto';
import { describeRpcError } from 'tlwire/rpc-errors'; // what an error means in words: only when you show it

const tl = new TlLayer(registry, model);
const service = new ServiceCodec(tl);
const reqMsgId = 0x5f3a_0000_0000_0004n; // the msg_id the call was sent with

/** The server: the body of a message in, the body of the answer out. */
function answer(body) {
  const call = tl.decode(body);
  if (call._ !== 'messages.getStatsURL') {
    return tl.encode({ _: 'rpc_result', reqMsgId, result: { _: 'rpc_error', errorCode: 400, errorMessage: 'METHOD_INVALID' } });
  }
  if (call.peer._ === 'inputPeerSelf') {
    return tl.encode({ _: 'rpc_result', reqMsgId, result: { _: 'rpc_error', errorCode: 400, errorMessage: 'PEER_ID_INVALID' } });
  }
  const url = `https://t.me/stats/${call.params}${call.dark ? '?dark' : ''}`;
  return tl.encode({ _: 'rpc_result', reqMsgId, result: { _: 'statsURL', url } });
}

// The client: the call, then its answer decoded as what the call returns.
for (const peer of [{ _: 'inputPeerChannel', channelId: 1234n, accessHash: 99n }, { _: 'inputPeerSelf' }]) {
  const call = { _: 'messages.getStatsURL', dark: true, peer, params: 'abc' };
  try {
    const stats = service.decodeResultOf(call, answer(service.encode(call)));
    console.log(stats._, stats.url); // statsURL https://t.me/stats/abc?dark
  } catch (e) {
    if (!(e instanceof RpcError)) throw e;
    console.log('rpc_error', e.code, `${e.message}:`, describeRpcError(e)); // rpc_error 400 PEER_ID_INVALID: The provided peer id is invalid.
  }
}
