// messages.getStatsURL through its writer/reader pair and through the layer's tables.
// Run: node examples/getstatsurl.mjs
import { deserialize, sameValue, serialize, TlLayer, toHex } from 'tlwire';
import { model, read_messages_getStatsURL, registry, write_messages_getStatsURL } from 'tlwire/layer133';

const call = { _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: 'abc' };

// A function's pair is boxed on both sides: the id, then the fields.
const bytes = serialize(write_messages_getStatsURL, call);
console.log(toHex(bytes)); // e62a2c8101000000c97ea07d03616263
const back = deserialize(read_messages_getStatsURL, bytes);
console.log(sameValue(back, call)); // true

// The same by name.
const tl = new TlLayer(registry, model);
console.log(toHex(tl.encode(call)) === toHex(bytes)); // true
console.log(JSON.stringify(tl.toJson(tl.decode(bytes, { as: 'messages.getStatsURL' }))));
