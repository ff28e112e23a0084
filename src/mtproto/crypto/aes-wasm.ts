/**
 * AES-IGE in WebAssembly (aes-ige.wat): the same T-table rounds as aes.ts, where the
 * engine gives them plain loads with no bounds checks. Instantiated synchronously on first
 * use (the module is 6.5 KB; Chromium allows synchronous compiles up to 8 MB).
 * Where WebAssembly is unavailable (some locked-down browsers) `wasmIge` returns undefined
 * and callers use aes.ts.
 */
import { AES_IGE_WASM } from './aes-ige-wasm.generated.js';
import { INV_SBOX, SBOX, TD0, TD1, TD2, TD3, TE0, TE1, TE2, TE3 } from './aes.js';

interface AesIgeExports {
  memory: WebAssembly.Memory;
  encrypt(length: number, lastKey: number): void;
  decrypt(length: number, lastKey: number): void;
  xor(into: number, a: number, b: number, length: number): void;
  TE: WebAssembly.Global;
  TD: WebAssembly.Global;
  SBOX: WebAssembly.Global;
  INV_SBOX: WebAssembly.Global;
  KEYS: WebAssembly.Global;
  DATA: WebAssembly.Global;
}

const PAGE = 65536;
const BLOCK = 16;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Little-endian words, as the module loads them, whatever the host's byte order. */
function storeWords(view: DataView, at: number, words: Int32Array): void {
  for (let i = 0; i < words.length; i++) view.setInt32(at + 4 * i, words[i], true);
}

function instantiate(): AesIgeExports | null {
  if (typeof WebAssembly !== 'object') return null;
  let exports: AesIgeExports;
  try {
    exports = new WebAssembly.Instance(new WebAssembly.Module(decodeBase64(AES_IGE_WASM))).exports as unknown as AesIgeExports;
  } catch {
    return null; // compiling WebAssembly is forbidden here (a content security policy, a lockdown mode)
  }
  const view = new DataView(exports.memory.buffer);
  const te = exports.TE.value as number;
  const td = exports.TD.value as number;
  [TE0, TE1, TE2, TE3].forEach((table, i) => storeWords(view, te + 1024 * i, table));
  [TD0, TD1, TD2, TD3].forEach((table, i) => storeWords(view, td + 1024 * i, table));
  new Uint8Array(exports.memory.buffer).set(SBOX, exports.SBOX.value as number);
  new Uint8Array(exports.memory.buffer).set(INV_SBOX, exports.INV_SBOX.value as number);
  return exports;
}

let module: AesIgeExports | null | undefined;

function loaded(): AesIgeExports | null {
  if (module === undefined) module = instantiate();
  return module;
}

/** The module's memory as bytes, grown to at least `end` bytes. */
function memoryUpTo(wasm: AesIgeExports, end: number): Uint8Array {
  const size = wasm.memory.buffer.byteLength;
  if (end > size) wasm.memory.grow(Math.ceil((end - size) / PAGE));
  // After a grow the old buffer is detached: views are made from the current one.
  return new Uint8Array(wasm.memory.buffer);
}

/** memory[start, end) copied into `into`, or into a new array. */
function copyOut(memory: Uint8Array, start: number, end: number, into: Uint8Array | undefined): Uint8Array {
  if (into === undefined) return memory.slice(start, end);
  into.set(memory.subarray(start, end));
  return into;
}

/**
 * IGE over whole blocks with expanded round keys (aes.ts's layout: decryption keys for
 * decryption), into `into` (data.length bytes, may be `data` itself) or a new array. Returns
 * undefined where WebAssembly cannot run. The module's copies of the round keys and of the
 * plaintext are wiped before returning.
 */
export function wasmIge(data: Uint8Array, roundKeys: Int32Array, iv: Uint8Array, encrypt: boolean, into?: Uint8Array): Uint8Array | undefined {
  const wasm = loaded();
  if (wasm === null) return undefined;
  const keysAt = wasm.KEYS.value as number;
  const inAt = wasm.DATA.value as number;
  const outAt = inAt + BLOCK + data.length;
  const end = outAt + BLOCK + data.length;
  const memory = memoryUpTo(wasm, end);
  storeWords(new DataView(wasm.memory.buffer), keysAt, roundKeys);
  // Each region starts with the IV half that its first block chains on.
  const previousCiphertext = iv.subarray(0, BLOCK);
  const previousPlaintext = iv.subarray(BLOCK, 2 * BLOCK);
  memory.set(encrypt ? previousPlaintext : previousCiphertext, inAt);
  memory.set(data, inAt + BLOCK);
  memory.set(encrypt ? previousCiphertext : previousPlaintext, outAt);
  const lastKey = 4 * (roundKeys.length - 4);
  if (encrypt) wasm.encrypt(data.length, lastKey);
  else wasm.decrypt(data.length, lastKey);
  const out = copyOut(memory, outAt + BLOCK, end, into);
  memory.fill(0, keysAt, keysAt + 4 * roundKeys.length);
  // The plaintext side (the input when encrypting, the output when decrypting) and both IV blocks.
  if (encrypt) memory.fill(0, inAt, outAt + BLOCK);
  else memory.fill(0, outAt, end).fill(0, inAt, inAt + BLOCK);
  return out;
}

/**
 * IGE encryption around a native CBC encryption (`cbcEncrypt`, from c_0 = the IV's first half):
 * with y_i = c_i ^ m_(i-1), IGE's c_i = E(m_i ^ c_(i-1)) ^ m_(i-1) is y_i = E((m_i ^ m_(i-2)) ^ y_(i-1)),
 * CBC over p_i = m_i ^ m_(i-2) (m_(-1) = 0). The two XOR passes run here, 8 bytes at a time.
 * The ciphertext goes to `into` as in wasmIge. Returns undefined where WebAssembly cannot run;
 * the plaintext's copies are wiped.
 */
export function wasmIgeEncryptAroundCbc(data: Uint8Array, iv: Uint8Array, cbcEncrypt: (p: Uint8Array) => Uint8Array, into?: Uint8Array): Uint8Array | undefined {
  const wasm = loaded();
  if (wasm === null) return undefined;
  const n = data.length;
  // [zero block][m_0][m_1 .. m_n], then p, then y (and c, in place).
  const m = wasm.DATA.value as number;
  const p = m + 2 * BLOCK + n;
  const y = p + n;
  let memory = memoryUpTo(wasm, y + n);
  memory.fill(0, m, m + BLOCK);
  memory.set(iv.subarray(BLOCK, 2 * BLOCK), m + BLOCK);
  memory.set(data, m + 2 * BLOCK);
  wasm.xor(p, m + 2 * BLOCK, m, n);
  const yBytes = cbcEncrypt(memory.subarray(p, p + n));
  memory = new Uint8Array(wasm.memory.buffer);
  memory.set(yBytes, y);
  yBytes.fill(0);
  wasm.xor(y, y, m + BLOCK, n);
  const out = copyOut(memory, y, y + n, into);
  memory.fill(0, m, y);
  return out;
}

/** The module's memory and where its round keys and data start: for the test that checks the wipe. */
export function wasmMemoryLayout(): { memory: ArrayBuffer; keys: number; data: number } | undefined {
  return module ? { memory: module.memory.buffer, keys: module.KEYS.value as number, data: module.DATA.value as number } : undefined;
}
