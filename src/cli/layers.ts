import { NEWEST_LAYER, SHIPPED_LAYERS } from '../codegen/layers.js';
import { TlLayer, type LayerRegistry } from '../layer.js';
import { MultiLayer } from '../multi-layer.js';
import { parseWholeNumber } from './input.js';
import { TlDecodeError } from '../runtime/errors.js';
import { UsageError } from './io.js';

const loaded = new Map<number, Promise<TlLayer>>();

interface LayerModule {
  registry: LayerRegistry;
  model: TlLayer['model'];
}

/** Static import paths, so that bundlers and test runners see every shipped layer. */
export const LAYER_MODULES: Record<number, () => Promise<LayerModule>> = {
  133: () => import('../generated/layer133/index.js') as Promise<LayerModule>,
  228: () => import('../generated/layer228/index.js') as Promise<LayerModule>,
};

/** A shipped layer, imported on first use (each is a few MB of code). */
export function loadLayer(layer: number): Promise<TlLayer> {
  if (!SHIPPED_LAYERS.some((s) => s.layer === layer)) {
    throw new UsageError(`layer ${layer} is not shipped; tlwire ships ${SHIPPED_LAYERS.map((s) => s.layer).join(' and ')} (tlwire generate builds others)`);
  }
  let p = loaded.get(layer);
  if (!p) {
    p = LAYER_MODULES[layer]().then((m) => new TlLayer(m.registry, m.model));
    loaded.set(layer, p);
  }
  return p;
}

/** `--layer` as given, or the newest. */
export function parseLayerOption(value: string | undefined): number {
  return parseWholeNumber(value, '--layer', `a layer number such as ${NEWEST_LAYER}`) ?? NEWEST_LAYER;
}

/** `--layer 133,228`: several layers, first match wins in that order (decode and encode); one layer as `--layer 228`. */
export function parseLayersOption(value: string | undefined): number[] {
  const numbers = value === undefined ? [NEWEST_LAYER] : value.split(',').map((part) => parseLayerOption(part.trim()));
  if (new Set(numbers).size !== numbers.length) throw new UsageError(`--layer names a layer twice: ${value}`);
  return numbers;
}

/** The layers of `--layer`: one TlLayer, or a MultiLayer over several. */
export async function loadLayers(value: string | undefined): Promise<{ numbers: number[]; codec: TlLayer | MultiLayer }> {
  const numbers = parseLayersOption(value);
  const layers = await Promise.all(numbers.map(loadLayer));
  return { numbers, codec: layers.length === 1 ? layers[0] : new MultiLayer(layers) };
}

/** `--type T` must name a decode target of the layer; a name of another shipped layer gets a hint. */
export async function checkType(layer: TlLayer, type: string | undefined): Promise<void> {
  if (type === undefined) return;
  try {
    layer.reader(type);
  } catch {
    throw new UsageError(`layer ${layer.layer} has no type ${type}${await layerHint(type, layer.layer)}`);
  }
}

/** `--method M` must name a function of the layer; a name of another shipped layer gets a hint. */
export async function checkMethod(layer: TlLayer, method: string | undefined): Promise<void> {
  if (method !== undefined && layer.resultReader(method) === undefined) {
    throw new UsageError(`layer ${layer.layer} has no function ${method}${await layerHint(method, layer.layer)}`);
  }
}

/** For a name missing from `layer`: the other shipped layers that have it, as a hint. */
export async function layerHint(name: string, layer: number): Promise<string> {
  const others: number[] = [];
  for (const spec of SHIPPED_LAYERS) {
    if (spec.layer === layer) continue;
    const other = await loadLayer(spec.layer);
    if (other.idOf(name) !== undefined || other.typeCodec(name)) others.push(spec.layer);
  }
  if (others.length === 0) return '';
  return `: ${name} is in layer ${others.join(', ')}: use --layer ${others[0]}`;
}

/**
 * For an id none of `used` knows: what another shipped layer calls it, added to the error as
 * `(it is user in layer 228: use --layer 228)`. Other errors pass through unchanged.
 */
export async function withIdHint(e: unknown, used: readonly number[]): Promise<unknown> {
  if (!(e instanceof TlDecodeError) || e.code !== 'UNKNOWN_CONSTRUCTOR' || e.constructorId === undefined || e.constructorName !== undefined) return e;
  for (const spec of SHIPPED_LAYERS) {
    if (used.includes(spec.layer)) continue;
    const name = (await loadLayer(spec.layer)).nameOf(e.constructorId);
    if (name) {
      e.detail += ` (it is ${name} in layer ${spec.layer}: use --layer ${spec.layer})`;
      break;
    }
  }
  return e;
}
