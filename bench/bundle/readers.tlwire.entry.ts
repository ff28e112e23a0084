// What a client that reads every update and result ships: the reader of every constructor of
// layer 228, as mtcute's reader map holds every constructor. (`read_Object` reads function calls
// too, which a client never receives: docs/performance.md gives that figure as well.)
import { deserialize } from 'tlwire';
import { read_Constructor } from 'tlwire/layer228';

export function decodeAny(bytes: Uint8Array): unknown {
  return deserialize(read_Constructor, bytes);
}
