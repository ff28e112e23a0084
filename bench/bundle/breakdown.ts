/**
 * What tlwire's generated code spends its bytes on, found by pattern in the minified bundle (so
 * the figures are close, not exact): the whole codec, one reader and one writer (`message`,
 * the largest constructor a client reads); and the readers bundle by what each function is for.
 */

/** Byte counts by category; `other` is what no pattern claims. */
export type Parts = Record<string, number>;

export interface Breakdown {
  whole: Parts;
  reader: Parts & { total: number };
  writer: Parts & { total: number };
}

/** Tried in order; a byte belongs to the first pattern that claims it. */
const CATEGORIES: [string, RegExp][] = [
  ['stores (claim, storeInt, storeLong)', /let [\w$]+=[\w$]+\([\w$]+,\d+\)[;,]|(?<=[;,{])[\w$]+\([\w$]+(?:\.buf)?,[\w$]+(?:\+\d+)?,[\w$]+\)(?=[,;}])/g],
  ['error context: names (a string per combinator)', /(?<=var |,)[\w$]+="[\w.]+(?: \w+)*"(?=[;,])/g],
  ['error context: field indexes, dispatchers\' try/catch', /(?<=[\w$]\((?:[\w$]+)(?:,[\w$.!]+)?),\d+(?=\))|try\{|catch\([\w$]+\)\{throw [^}]*\}|(?<=case (?:\d+|"[\w.]+"):)[\w$]+=[\w$]+,|let [\w$]+;/g],
  ['checks (missing fields on shared bits, unknown flags bits)', /if\([\w$]+\.\w+==null\)throw [\w$]+\("\w+",\d+\)/g],
  ['names in values (keys, _ names, field reads)', /(?<=[{,])\w+:(?=[\w$!(])|_:"[\w.]+"|(?<=[\w$])\.(?!view\b|pos\b|buf\b|depth\b|set\b|get\b|length\b)\w{2,}/g],
  ['flag bits (tests, words, known masks)', /[\w$]+&\d+\?|\?!0:void 0|:void 0|\([\w$.]+(?:!=null)?\?\d+:0\)|\||(?<=[\w$]\([\w$]+,)\d+(?=,\d+\))/g],
  ['dispatch (switch cases, id tables)', /case (?:\d+|"[\w.]+"):|break;|return;|\d+,[\w$]+,[\w$]+,|"[\w.]+",\d+,[\w$]+,[\w$]+,/g],
  ['function heads', /function [\w$]+\([\w$,]*\)\{/g],
];

function classify(code: string): Parts {
  const claimed = new Uint8Array(code.length);
  const parts: Parts = {};
  for (const [name, pattern] of CATEGORIES) {
    let bytes = 0;
    for (const m of code.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (claimed.subarray(start, end).some((x) => x)) continue;
      claimed.fill(1, start, end);
      bytes += end - start;
    }
    parts[name] = bytes;
  }
  parts.other = claimed.reduce((n, x) => n + (x ? 0 : 1), 0);
  return parts;
}

/** The text of each `function name(...){...}` in `code`: a small scanner that skips double-quoted strings (braces in a template balance). */
function* functionsIn(code: string): Generator<string> {
  for (const m of code.matchAll(/function [\w$]+\(/g)) {
    let depth = 0;
    let i = code.indexOf('{', m.index);
    for (; i < code.length; i++) {
      if (code[i] === '"') i = code.indexOf('"', i + 1);
      else if (code[i] === '{') depth++;
      else if (code[i] === '}' && --depth === 0) break;
    }
    yield code.slice(m.index, i + 1);
  }
}

/**
 * The readers bundle by what each piece is for: a constructor's or a function's fields reader
 * (mtcute's reader map reads no function calls), the names strings the error paths use, the
 * boxed types' dispatchers (the type check and the error frame), the Object and Function
 * tables, and the rest. `functions` are the layer's function names.
 */
export function readersByKind(code: string, functions: ReadonlySet<string>): Parts {
  const parts: Parts = {
    'constructors: fields readers': 0,
    'functions: fields readers (mtcute reads no calls)': 0,
    'error context: names of constructors': 0,
    'error context: names of functions': 0,
    'dispatchers: a switch per boxed type (type check, error frame)': 0,
    'the Object and Function tables': 0,
    'other functions (vectors, runtime)': 0,
  };
  let counted = 0;
  for (const text of functionsIn(code)) {
    counted += text.length;
    const made = /return\{_:"([\w.]+)"/.exec(text)?.[1];
    if (text.includes('switch(')) parts['dispatchers: a switch per boxed type (type check, error frame)'] += text.length;
    else if (made !== undefined) parts[functions.has(made) ? 'functions: fields readers (mtcute reads no calls)' : 'constructors: fields readers'] += text.length;
    else if (text.length > 20_000) parts['the Object and Function tables'] += text.length;
    else parts['other functions (vectors, runtime)'] += text.length;
  }
  for (const m of code.matchAll(/(?<=var |,)[\w$]+="([\w.]+)(?: \w+)*"(?=[;,])/g)) {
    parts[functions.has(m[1]) ? 'error context: names of functions' : 'error context: names of constructors'] += m[0].length;
    counted += m[0].length;
  }
  parts.other = code.length - counted;
  return parts;
}

/** The first function that contains every one of `marks` and none of `not`. */
function functionWith(code: string, marks: string[], not: string[] = []): string {
  for (const text of functionsIn(code)) if (marks.every((x) => text.includes(x)) && !not.some((x) => text.includes(x))) return text;
  return '';
}

export function breakdownOf(code: string): Breakdown {
  const reader = functionWith(code, ['_:"message",', 'fwdFrom:']);
  const writer = functionWith(code, ['.fwdFrom', '.invertMedia', '.fromBoostsApplied'], ['_:"message"']);
  return { whole: classify(code), reader: { total: reader.length, ...classify(reader) }, writer: { total: writer.length, ...classify(writer) } };
}
