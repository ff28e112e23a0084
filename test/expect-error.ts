import { expect } from 'vitest';

/** Runs `fn`, expects it to throw an instance of `type` with `code`, and returns the error. */
export function expectError<E extends Error & { code: string }>(fn: () => unknown, type: abstract new (...args: never[]) => E, code: E['code']): E {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(type);
  expect((thrown as E).code).toBe(code);
  return thrown as E;
}
