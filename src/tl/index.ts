export type * from './ast.js';
export { SchemaError, type SchemaErrorCode } from './errors.js';
export { parseSchema, parseCombinator } from './parser.js';
export { printCombinator, printParam, printType, formatId } from './printer.js';
export { computeId, normalizeForId } from './id.js';
export { verifyIds, KNOWN_ID_EXCEPTIONS, type IdReport, type AllowedException } from './check.js';
export { buildLayerModel, fieldKey, identOf, BINARY_STRING_FIELDS, type LayerModel, type CombinatorModel, type FieldModel, type WireType, type LayerSource } from './model.js';
