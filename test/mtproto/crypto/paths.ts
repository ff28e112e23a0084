import { vi } from 'vitest';
import * as mtproto from '../../../src/mtproto/index.js';

export type Mtproto = typeof mtproto;

/**
 * src/mtproto once more, loaded as a runtime without node:crypto loads it (no
 * process.getBuiltinModule): the portable path, in a module instance of its own.
 */
export async function loadPortableMtproto(): Promise<Mtproto> {
  const getBuiltinModule = process.getBuiltinModule;
  vi.resetModules();
  try {
    Reflect.deleteProperty(process, 'getBuiltinModule');
    return await import('../../../src/mtproto/index.js');
  } finally {
    process.getBuiltinModule = getBuiltinModule;
  }
}

/** The module on each path: what the vector tests run over. Bun and Deno have the portable path only. */
export async function mtprotoPaths(): Promise<{ path: string; mtproto: Mtproto }[]> {
  if ('Bun' in globalThis || 'Deno' in globalThis) return [{ path: 'portable', mtproto }];
  return [
    { path: 'node', mtproto },
    { path: 'portable', mtproto: await loadPortableMtproto() },
  ];
}
