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
  const start = codec.indexOf(`function ${name}(`);
  expect(start, `${name} is generated`).toBeGreaterThanOrEqual(0);
  return codec.slice(start, codec.indexOf('\n}\n', start) + 2);
}

describe('emitted codec', () => {
  const twoFlags = 'post#11111111 flags:# pinned:flags.0?true views:flags.1?int flags2:# edited:flags2.3?true author:flags2.0?string = Post;';

  it('writes each flags word from the true fields and the conditional fields present', () => {
    expect(emitted(twoFlags, 'writeFields_post')).toMatchInlineSnapshot(`
      "function writeFields_post(w: Writer, v: post): void {
        const set_pinned = isSet(v.pinned, 1);
        const flags = (set_pinned ? 0x1 : 0) | (v.views != null ? 0x2 : 0);
        const p0 = claim(w, 4);
        storeInt(w, p0, flags);
        if (flags & 0x2) writeInt(w, v.views!, 2);
        const set_edited = isSet(v.edited, 4);
        const flags2 = (set_edited ? 0x8 : 0) | (v.author != null ? 0x1 : 0);
        const p1 = claim(w, 4);
        storeInt(w, p1, flags2);
        if (flags2 & 0x1) writeString(w, v.author!, 5);
      }"
    `);
  });

  it('reads each flags word, refusing unknown bits, reads the fields before a later flags word into locals, and tests a true field in the literal', () => {
    expect(emitted(twoFlags, 'readFields_post')).toMatchInlineSnapshot(`
      "function readFields_post(r: Reader): post {
        const flags = readFlags(r, 0x3, 0);
        const views = flags & 0x2 ? readInt(r, 2) : undefined;
        const flags2 = readFlags(r, 0x9, 3);
        return {
          _: 'post', pinned: flags & 0x1 ? true : undefined, views, edited: flags2 & 0x8 ? true : undefined,
          author: flags2 & 0x1 ? readString(r, 5) : undefined,
        };
      }"
    `);
  });

  const sharedBit = 'stats#22222222 flags:# views:flags.0?int forwards:flags.0?int = Stats;';

  it('sets a bit that two fields share when either is present, and needs both when it is set', () => {
    expect(emitted(sharedBit, 'writeFields_stats')).toMatchInlineSnapshot(`
      "function writeFields_stats(w: Writer, v: stats): void {
        const flags = (v.views != null || v.forwards != null ? 0x1 : 0);
        const p0 = claim(w, 4);
        storeInt(w, p0, flags);
        if (flags & 0x1) {
          if (v.views == null) throw missingField('views', 1);
          writeInt(w, v.views, 1);
        }
        if (flags & 0x1) {
          if (v.forwards == null) throw missingField('forwards', 2);
          writeInt(w, v.forwards, 2);
        }
      }"
    `);
    expect(emitted(sharedBit, 'readFields_stats')).toMatchInlineSnapshot(`
      "function readFields_stats(r: Reader): stats {
        const flags = readFlags(r, 0x1, 0);
        return {
          _: 'stats', views: flags & 0x1 ? readInt(r, 1) : undefined, forwards: flags & 0x1 ? readInt(r, 2) : undefined,
        };
      }"
    `);
  });

  const vectors = 'point#33333333 x:int y:int = Point;\nshape#44444444 ids:vector<long> points:Vector<%Point> = Shape;';

  it('shares one helper per vector type, bare or boxed, with the index in the error path', () => {
    expect(emitted(vectors, 'readFields_shape')).toMatchInlineSnapshot(`
      "function readFields_shape(r: Reader): shape {
        return { _: 'shape', ids: read_bvec_long(r, 0), points: read_vec_bare_point(r, 1) };
      }"
    `);
    expect(emitted(vectors, 'read_bvec_long')).toMatchInlineSnapshot(`
      "function read_bvec_long(r: Reader, k?: number): bigint[] {
        const n = readVectorCount(r, false, 8, k);
        const a: bigint[] = [];
        let i = 0;
        try {
          for (; i < n; i++) a.push(readLong(r));
        } catch (e) {
          throw atIndex(e, i, k);
        }
        return a;
      }"
    `);
    expect(emitted(vectors, 'write_vec_bare_point')).toMatchInlineSnapshot(`
      "function write_vec_bare_point(w: Writer, v: readonly point[], k?: number): void {
        const a = writeVectorHeader(w, true, v, k);
        let i = 0;
        try {
          for (; i < a.length; i++) writeBare_point(w, a[i]);
        } catch (e) {
          throw atIndex(e, i, k);
        }
      }"
    `);
  });

  const generic = 'ok#55555555 = Ok;\n---functions---\ninvokeWithLayer#66666666 {X:Type} layer:int query:!X = X;';

  it('writes a generic query as any function and reads it back through the function table', () => {
    expect(emitted(generic, 'writeFields_invokeWithLayer')).toMatchInlineSnapshot(`
      "function writeFields_invokeWithLayer(w: Writer, v: invokeWithLayer): void {
        const layer = checkInt(v.layer, 0);
        const p0 = claim(w, 8);
        storeInt(w, p0, 0x66666666);
        storeInt(w, p0 + 4, layer);
        write_Function(w, v.query, 1);
      }"
    `);
    expect(emitted(generic, 'readFields_invokeWithLayer')).toMatchInlineSnapshot(`
      "function readFields_invokeWithLayer(r: Reader): invokeWithLayer {
        return { _: 'invokeWithLayer', layer: readInt(r, 0), query: read_Function(r, 1) };
      }"
    `);
  });

  it('looks any object up in a table built on first use: a constructor gets its id from the table, a function writes its own', () => {
    expect(emitted(generic, 'write_Object')).toMatchInlineSnapshot(`
      "function write_Object(w: Writer, v: TlObject, k?: number): void {
        writeByName(w, v, (ObjectWriters ??= objectWriters()), 'Object', k);
      }"
    `);
    expect(emitted(generic, 'read_Object')).toMatchInlineSnapshot(`
      "function read_Object(r: Reader, k?: number): TlObject {
        return readById(r, (ObjectReaders ??= objectReaders()), 'Object', k);
      }"
    `);
  });

  const reserved = 'keywords#77777777 default:int class:string new:long r:int = Keywords;';

  it('names locals after fields, with a _ where the name is reserved or taken by the body', () => {
    expect(emitted(reserved, 'writeFields_keywords')).toMatchInlineSnapshot(`
      "function writeFields_keywords(w: Writer, v: keywords): void {
        const default_ = checkInt(v.default, 0);
        const p0 = claim(w, 4);
        storeInt(w, p0, default_);
        writeString(w, v.class, 1);
        const new_ = checkLong(v.new, 2);
        const r_ = checkInt(v.r, 3);
        const p1 = claim(w, 12);
        storeLong(w.buf, p1, new_);
        storeInt(w, p1 + 8, r_);
      }"
    `);
    expect(emitted(reserved, 'readFields_keywords')).toMatchInlineSnapshot(`
      "function readFields_keywords(r: Reader): keywords {
        return { _: 'keywords', default: readInt(r, 0), class: readString(r, 1), new: readLong(r, 2), r: readInt(r, 3) };
      }"
    `);
  });
});
