/**
 * What each emitter writes, shown on one-line schemas: a reader of this file sees the generated
 * shape of flags words, shared bits, bare vectors, generic queries and reserved-word fields.
 */
import { describe, expect, it } from 'vitest';
import { generateLayer } from '../../src/codegen/generate.js';
import { parseSchema } from '../../src/tl/parser.js';

/** The text of generated function `name` in the codec of a layer made of `schema`. */
function emitted(schema: string, name: string): string {
  const codec = generateLayer(1, [{ schema: parseSchema(schema, 'one.tl') }]).get('codec.ts')!;
  const start = codec.indexOf(`export function ${name}(`);
  expect(start, `${name} is generated`).toBeGreaterThanOrEqual(0);
  return codec.slice(start, codec.indexOf('\n}\n', start) + 2);
}

describe('emitted codec', () => {
  const twoFlags = 'post#11111111 flags:# pinned:flags.0?true views:flags.1?int flags2:# edited:flags2.3?true author:flags2.0?string = Post;';

  it('writes each flags word from the true fields and the conditional fields present', () => {
    expect(emitted(twoFlags, 'writeBare_post')).toMatchInlineSnapshot(`
      "export function writeBare_post(w: Writer, v: post): void {
        let f = 0;
        try {
          const set_pinned = isSet(v.pinned);
          const flags = (set_pinned ? 0x1 : 0) | (v.views != null ? 0x2 : 0);
          const p0 = claim(w, 4);
          storeInt(w, p0, flags);
          f = 1; if (flags & 0x2) writeInt(w, v.views!);
          f = 2; const set_edited = isSet(v.edited);
          const flags2 = (set_edited ? 0x8 : 0) | (v.author != null ? 0x1 : 0);
          const p1 = claim(w, 4);
          storeInt(w, p1, flags2);
          f = 3; if (flags2 & 0x1) writeString(w, v.author!);
        } catch (e) {
          throw encodeAt(e, 'post pinned views edited author', f);
        }
      }"
    `);
  });

  it('reads each flags word, refuses unknown bits, and tests bits without a step of their own', () => {
    expect(emitted(twoFlags, 'readBare_post')).toMatchInlineSnapshot(`
      "export function readBare_post(r: Reader): post {
        let f = 0;
        try {
          const flags = readInt(r);
          if (flags & 0xfffffffc) unknownFlags(r, flags, 0x3);
          const pinned = flags & 0x1 ? true : undefined;
          f = 1; const views = flags & 0x2 ? readInt(r) : undefined;
          f = 2; const flags2 = readInt(r);
          if (flags2 & 0xfffffff6) unknownFlags(r, flags2, 0x9);
          const edited = flags2 & 0x8 ? true : undefined;
          f = 3; const author = flags2 & 0x1 ? readString(r) : undefined;
          return { _: 'post', pinned, views, edited, author };
        } catch (e) {
          throw decodeAt(e, 0x11111111, 'post flags views flags2 author', f);
        }
      }"
    `);
  });

  const sharedBit = 'stats#22222222 flags:# views:flags.0?int forwards:flags.0?int = Stats;';

  it('sets a bit that two fields share when either is present, and needs both when it is set', () => {
    expect(emitted(sharedBit, 'writeBare_stats')).toMatchInlineSnapshot(`
      "export function writeBare_stats(w: Writer, v: stats): void {
        let f = 0;
        try {
          const flags = (v.views != null || v.forwards != null ? 0x1 : 0);
          const p0 = claim(w, 4);
          storeInt(w, p0, flags);
          if (flags & 0x1) {
            if (v.views == null) throw missingField('views');
            writeInt(w, v.views);
          }
          f = 1; if (flags & 0x1) {
            if (v.forwards == null) throw missingField('forwards');
            writeInt(w, v.forwards);
          }
        } catch (e) {
          throw encodeAt(e, 'stats views forwards', f);
        }
      }"
    `);
    expect(emitted(sharedBit, 'readBare_stats')).toMatchInlineSnapshot(`
      "export function readBare_stats(r: Reader): stats {
        let f = 0;
        try {
          const flags = readInt(r);
          if (flags & 0xfffffffe) unknownFlags(r, flags, 0x1);
          f = 1; const views = flags & 0x1 ? readInt(r) : undefined;
          f = 2; const forwards = flags & 0x1 ? readInt(r) : undefined;
          return { _: 'stats', views, forwards };
        } catch (e) {
          throw decodeAt(e, 0x22222222, 'stats flags views forwards', f);
        }
      }"
    `);
  });

  const vectors = 'point#33333333 x:int y:int = Point;\nshape#44444444 ids:vector<long> points:Vector<%Point> = Shape;';

  it('shares one helper per vector type, bare or boxed, with the index in the error path', () => {
    expect(emitted(vectors, 'readBare_shape')).toMatchInlineSnapshot(`
      "export function readBare_shape(r: Reader): shape {
        let f = 0;
        try {
          const ids = read_bvec_long(r);
          f = 1; const points = read_vec_bare_point(r);
          return { _: 'shape', ids, points };
        } catch (e) {
          throw decodeAt(e, 0x44444444, 'shape ids points', f);
        }
      }"
    `);
    expect(emitted(vectors, 'read_bvec_long')).toMatchInlineSnapshot(`
      "export function read_bvec_long(r: Reader): bigint[] {
        const n = readVectorCount(r, false, 8);
        const a: bigint[] = [];
        let i = 0;
        try {
          for (; i < n; i++) a.push(readLong(r));
        } catch (e) {
          throw decodeIndex(e, i);
        }
        return a;
      }"
    `);
    expect(emitted(vectors, 'write_vec_bare_point')).toMatchInlineSnapshot(`
      "export function write_vec_bare_point(w: Writer, v: readonly point[]): void {
        const a = writeVectorHeader(w, true, v);
        let i = 0;
        try {
          for (; i < a.length; i++) writeBare_point(w, checkObject(a[i]));
        } catch (e) {
          throw encodeIndex(e, i);
        }
      }"
    `);
  });

  const generic = 'ok#55555555 = Ok;\n---functions---\ninvokeWithLayer#66666666 {X:Type} layer:int query:!X = X;';

  it('writes a generic query as any function and reads it back through the function table', () => {
    expect(emitted(generic, 'write_invokeWithLayer')).toMatchInlineSnapshot(`
      "export function write_invokeWithLayer(w: Writer, v: invokeWithLayer): void {
        let f = 0;
        try {
          const layer = checkInt(v.layer);
          const p0 = claim(w, 8);
          storeInt(w, p0, 0x66666666);
          storeInt(w, p0 + 4, layer);
          f = 1; write_Function(w, v.query);
        } catch (e) {
          throw encodeAt(e, 'invokeWithLayer layer query', f);
        }
      }"
    `);
    expect(emitted(generic, 'read_invokeWithLayer')).toMatchInlineSnapshot(`
      "export function read_invokeWithLayer(r: Reader): invokeWithLayer {
        let f = 0;
        try {
          const layer = readInt(r);
          f = 1; const query = read_Function(r);
          return { _: 'invokeWithLayer', layer, query };
        } catch (e) {
          throw decodeAt(e, 0x66666666, 'invokeWithLayer layer query', f);
        }
      }"
    `);
  });

  it('looks any object up in a table built on first use: a constructor gets its id from the table, a function writes its own', () => {
    expect(emitted(generic, 'write_Object')).toMatchInlineSnapshot(`
      "export function write_Object(w: Writer, v: TlObject): void {
        writeByName(w, v, (ObjectWriters ??= writerTable(
          'ok', 0x55555555, writeBare_ok,
          'invokeWithLayer', 0, write_invokeWithLayer,
        )), 'Object');
      }"
    `);
    expect(emitted(generic, 'read_Object')).toMatchInlineSnapshot(`
      "export function read_Object(r: Reader): TlObject {
        return readById(r, (ObjectReaders ??= readerTable<TlObject>(
          0x55555555, readBare_ok, 0x66666666, read_invokeWithLayer,
        )), 'Object');
      }"
    `);
  });

  const reserved = 'keywords#77777777 default:int class:string new:long r:int = Keywords;';

  it('names locals after fields, with a _ where the name is reserved or taken by the body', () => {
    expect(emitted(reserved, 'writeBare_keywords')).toMatchInlineSnapshot(`
      "export function writeBare_keywords(w: Writer, v: keywords): void {
        let f = 0;
        try {
          const default_ = checkInt(v.default);
          const p0 = claim(w, 4);
          storeInt(w, p0, default_);
          f = 1; writeString(w, v.class);
          f = 2; const new_ = checkLong(v.new);
          f = 3; const r_ = checkInt(v.r);
          const p1 = claim(w, 12);
          storeLong(w.buf, p1, new_);
          storeInt(w, p1 + 8, r_);
        } catch (e) {
          throw encodeAt(e, 'keywords default class new r', f);
        }
      }"
    `);
    expect(emitted(reserved, 'readBare_keywords')).toMatchInlineSnapshot(`
      "export function readBare_keywords(r: Reader): keywords {
        let f = 0;
        try {
          const default_ = readInt(r);
          f = 1; const class_ = readString(r);
          f = 2; const new_ = readLong(r);
          f = 3; const r_ = readInt(r);
          return { _: 'keywords', default: default_, class: class_, new: new_, r: r_ };
        } catch (e) {
          throw decodeAt(e, 0x77777777, 'keywords default class new r', f);
        }
      }"
    `);
  });
});
