// What a client that reads every update and result ships: every reader of layer 228.
import { deserialize } from 'tlwire';
import { read_Object } from 'tlwire/layer228';

export function decodeAny(bytes: Uint8Array): unknown {
  return deserialize(read_Object, bytes);
}
