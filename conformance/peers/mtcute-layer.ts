/**
 * Which constructors mtcute's shipped layer 223 shares with tlwire's layer 228: its schema
 * entries (api-schema.json, mtp-schema.json) by tlwire's name. The runner and the adapter both
 * use it; it loads no mtcute code.
 */
import { createRequire } from 'node:module';
import { layerModel } from './serve.js';

const require = createRequire(import.meta.url);

export interface MtcuteEntry {
  /** Its name in mtcute's maps: tlwire's, with `mt_` before an MTProto service name. */
  mtName: string;
  name: string;
  id: number;
  arguments: { name: string; type: string }[];
}

/** mtcute's schema entries by tlwire's name (its MTProto service names have an `mt_` prefix). */
export function mtcuteEntries(): Map<string, MtcuteEntry> {
  type Listed = Omit<MtcuteEntry, 'mtName'>;
  const api = (require('@mtcute/tl/api-schema.json') as { e: Listed[] }).e;
  const mtp = require('@mtcute/tl/mtp-schema.json') as Listed[];
  return new Map([...api, ...mtp].map((e) => [e.name.replace(/^mt_/, ''), { ...e, mtName: e.name }]));
}

/** The combinators of tlwire's layer 228 that mtcute's maps have with the same id: the cases it is tested on. */
export function mtcuteNames(): string[] {
  const byName = mtcuteEntries();
  return layerModel.combinators.filter((c) => c.id !== undefined && byName.get(c.name)?.id === c.id).map((c) => c.name);
}

