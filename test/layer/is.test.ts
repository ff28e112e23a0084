import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromHex } from '../../src/common/bytes.js';
import * as layer228 from '../../src/generated/layer228/index.js';
import type * as L228 from '../../src/generated/layer228/types.js';
import { TlLayer, type LayerRegistry } from '../../src/layer.js';
import { ServiceCodec } from '../../src/mtproto/service/index.js';
import { tlUnknown } from '../../src/runtime/unknown.js';

const layer = new TlLayer<L228.TlTypes>(layer228.registry as LayerRegistry, layer228.model);
/** user#b1b8cc83 (self, id 5, access_hash 7, first_name "Ann") */
const USER = '83ccb8b1' + '03040000' + '00000000' + '0500000000000000' + '0700000000000000' + '03416e6e';

describe('TlLayer.is: one generic guard per boxed type', () => {
  it('narrows a decoded value without a cast', () => {
    const value = layer.decode(fromHex(USER));
    expectTypeOf(value).toEqualTypeOf<unknown>();
    if (!layer.is(value, 'User')) throw new Error('expected a User');
    expectTypeOf(value).toEqualTypeOf<L228.User>();
    // The union narrows further by `_`, as TypeScript does for any discriminated union.
    if (value._ === 'user') expectTypeOf(value.firstName).toEqualTypeOf<string | undefined>();
    expect(value).toMatchObject({ _: 'user', firstName: 'Ann' });
  });

  it('narrows TlObject, namespaced types included, and a TlObject | TlUnknown from lenient decoding', () => {
    const objects: (L228.TlObject | ReturnType<typeof tlUnknown>)[] = [
      { _: 'messages.messagesNotModified', count: 3 },
      { _: 'userEmpty', id: 1n },
      tlUnknown(fromHex('efbeadde')),
    ];
    const found = objects.filter((o) => layer.is(o, 'messages.Messages'));
    expectTypeOf(found).toEqualTypeOf<L228.messages_Messages[]>();
    expect(found).toEqual([{ _: 'messages.messagesNotModified', count: 3 }]);
    expect(objects.map((o) => layer.is(o, 'User'))).toEqual([false, true, false]);
    // @ts-expect-error: no boxed type of the layer has this name
    expect(layer.is(objects[0], 'Users')).toBe(false);
  });

  it('answers for every constructor of every boxed type of the layer, and for nothing else', () => {
    const byIdent = new Map(layer228.model.combinators.map((c) => [c.ident, c.name]));
    const types = Object.entries(layer228.model.types) as [keyof L228.TlTypes & string, string[]][];
    for (const [type, idents] of types) {
      for (const ident of idents) expect(layer.is({ _: byIdent.get(ident) }, type), `${ident} in ${type}`).toBe(true);
    }
    expect(layer.is({ _: 'chat' }, 'User')).toBe(false);
    for (const v of [null, undefined, 'user', 5, {}, { _: 5 }]) expect(layer.is(v, 'User')).toBe(false);
  });

  it('a typed layer goes wherever a TlLayer does; an untyped one narrows to an object with a `_`', () => {
    expect(new ServiceCodec(layer).layer).toBe(layer);
    const untyped: TlLayer = layer;
    const value: unknown = { _: 'userEmpty', id: 1n };
    if (untyped.is(value, 'User')) {
      expectTypeOf(value).not.toBeAny();
      expectTypeOf(value).toExtend<{ _: string }>();
    }
    expect(untyped.is(value, 'User')).toBe(true);
  });
});
