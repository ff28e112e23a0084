// Every reader and writer of layer 228 and the method result table: the generated registry.
import { deserialize, serialize, type Writer } from 'tlwire';
import { registry } from 'tlwire/layer228';

export function encodeAny(value: unknown): Uint8Array {
  return serialize(registry.writeObject as (w: Writer, v: unknown) => void, value);
}

export function decodeAny(bytes: Uint8Array): unknown {
  return deserialize(registry.readObject, bytes);
}

export function decodeResult(method: string, bytes: Uint8Array): unknown {
  const read = registry.results[method];
  return deserialize(read === 'query' || read === undefined ? registry.readObject : read, bytes);
}
