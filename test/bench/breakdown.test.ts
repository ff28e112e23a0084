import { describe, expect, it } from 'vitest';
import { readersByKind } from '../../bench/bundle/breakdown.js';

describe('readersByKind', () => {
  const names = 'var a="user id name",b="messages.getStatsURL flags dark peer params";';
  const ctor = 'function f(e){return{_:"user",id:i(e,1),name:s(e,2)}}';
  const fn = 'function g(e){let t=h(e,1,0);return{_:"messages.getStatsURL",dark:t&1?!0:void 0}}';
  const dispatch = 'function d(e,t){let r=i(e,t),n;try{switch(r){case 1:n=a;return f(e)}}catch(o){throw x(o,n,t)}}';
  const other = 'function v(e,t){let r=[];return r}';
  const code = `${names}${ctor}${fn}${dispatch}${other}export{d};`;

  it('puts each function and names string in its part, and the rest in other', () => {
    const parts = readersByKind(code, new Set(['messages.getStatsURL']));
    expect(parts).toEqual({
      'constructors: fields readers': ctor.length,
      'functions: fields readers (mtcute reads no calls)': fn.length,
      'error context: names of constructors': 'a="user id name"'.length,
      'error context: names of functions': 'b="messages.getStatsURL flags dark peer params"'.length,
      'dispatchers: a switch per boxed type (type check, error frame)': dispatch.length,
      'the Object and Function tables': 0,
      'other functions (vectors, runtime)': other.length,
      other: 'var ,;'.length + 'export{d};'.length,
    });
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(code.length);
  });
});
