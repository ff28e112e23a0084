export type * from './ast.js';
export { SchemaError, formatPos, type SchemaErrorCode } from './errors.js';
export { parseSchema, parseCombinator } from './parser.js';
export { printCombinator, printParam, printType } from './printer.js';
export { formatId } from '../common/bytes.js';
export { computeId, normalizeForId } from './id.js';
export { verifyIds, KNOWN_ID_EXCEPTIONS, type IdReport, type AllowedException } from './check.js';
export { fieldKey, identOf } from './names.js';
export { buildLayerModel, BINARY_STRING_FIELDS, type LayerModel, type CombinatorModel, type FieldModel, type WireType, type LayerSource } from './model.js';
