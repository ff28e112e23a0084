import { reference as layer133 } from './data/layer133.js';
import { reference as layer228 } from './data/layer228.js';
import type { LayerReference } from './types.js';

/** The reference data of each shipped layer. */
export const LAYER_REFERENCES: Readonly<Record<number, LayerReference>> = { 133: layer133, 228: layer228 };
