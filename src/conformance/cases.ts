/**
 * The conformance case format (test/vectors/FORMAT.md, docs/conformance.md): one JSON object a
 * line, a positive case `{schema, name, id, value, hex}` or a negative case
 * `{schema, type, hex, error, why}`.
 */

/** A value and its bytes: a codec must produce the bytes from the value, and the value from the bytes. */
export interface PositiveCase {
  schema: string;
  /** The constructor or function of the value. */
  name: string;
  /** Its id as 8 lowercase hex digits. */
  id: string;
  /** Canonical JSON. */
  value: unknown;
  hex: string;
}

/** Bytes that decoding as `type` must refuse. */
export interface NegativeCase {
  schema: string;
  /** A boxed type, a constructor or function name, or a vector type. */
  type: string;
  hex: string;
  /** tlwire's error code, lowercase: a hint, not a required code. */
  error: string;
  why: string;
}

export type Case = PositiveCase | NegativeCase;

export function isPositive(c: Case): c is PositiveCase {
  return 'value' in c;
}

/** `layer-133` */
export function schemaOf(layer: number): string {
  return `layer-${layer}`;
}

/** The layer number of a `schema` field, or undefined if it names no layer. */
export function layerOfSchema(schema: string): number | undefined {
  const m = /^layer-(\d+)$/.exec(schema);
  return m ? Number(m[1]) : undefined;
}

/** A case line that does not follow the format. */
export class CaseFormatError extends Error {
  override readonly name = 'CaseFormatError';
}

const HEX = /^(?:[0-9a-f]{2})*$/;

/** Parses and checks one line; `where` (`file:line`) prefixes the error message. */
export function parseCase(line: string, where: string): Case {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    throw new CaseFormatError(`${where}: not JSON: ${(e as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CaseFormatError(`${where}: a case is a JSON object`);
  const c = json as Record<string, unknown>;
  const text = (key: string): string => {
    if (typeof c[key] !== 'string') throw new CaseFormatError(`${where}: "${key}" must be a string`);
    return c[key] as string;
  };
  const schema = text('schema');
  if (layerOfSchema(schema) === undefined) throw new CaseFormatError(`${where}: "schema" must be like "layer-133", got ${JSON.stringify(schema)}`);
  const hex = text('hex');
  if (!HEX.test(hex)) throw new CaseFormatError(`${where}: "hex" must be lowercase hex pairs`);
  if ('value' in c) {
    const id = text('id');
    if (!/^[0-9a-f]{8}$/.test(id)) throw new CaseFormatError(`${where}: "id" must be 8 lowercase hex digits`);
    return { schema, name: text('name'), id, value: c.value, hex };
  }
  if ('error' in c || 'type' in c) return { schema, type: text('type'), hex, error: text('error'), why: typeof c.why === 'string' ? c.why : '' };
  throw new CaseFormatError(`${where}: neither a positive case (with "value") nor a negative one (with "type" and "error")`);
}
