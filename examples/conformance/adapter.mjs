// A conformance adapter: speaks tlwire's line protocol (docs/conformance.md) for any codec
// module that exports encodeValue(json, layer) -> Uint8Array and decodeBytes(bytes, type, layer)
// -> canonical JSON, both throwing on what they refuse.
// Run by: tlwire conformance --cmd 'node examples/conformance/adapter.mjs CODEC.mjs' suite.jsonl
// (the runner appends: encode|decode --layer N --jsonl)
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [codecPath, mode, , layer] = process.argv.slice(2);
const { encodeValue, decodeBytes } = await import(pathToFileURL(resolve(codecPath)).href);

const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

function answer(line) {
  try {
    if (mode === 'encode') return { hex: toHex(encodeValue(JSON.parse(line), Number(layer))) };
    const request = line.startsWith('{') ? JSON.parse(line) : { hex: line };
    return { value: decodeBytes(fromHex(request.hex), request.type, Number(layer)) }; // every byte consumed
  } catch (e) {
    return { error: String(e instanceof Error ? e.message : e) }; // a refusal, not a crash
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== '') process.stdout.write(`${JSON.stringify(answer(line.trim()))}\n`);
}
