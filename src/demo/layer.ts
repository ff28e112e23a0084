import * as layer133 from '../generated/layer133/index.js';
import type { Methods, TlObject } from '../generated/layer133/types.js';
import { TlLayer, type LayerRegistry } from '../layer.js';
import { ServiceCodec } from '../mtproto/service/index.js';

/** Layer 133: the only shipped layer with messages.getStatsURL. */
export const LAYER_133 = new TlLayer(layer133.registry as LayerRegistry, layer133.model);

/** The service layer over layer 133, typed by its method table. */
export const SERVICE_133 = new ServiceCodec<Methods, TlObject>(LAYER_133);
