/**
 * The live panel of a reference page, in the browser: the value as editable JSON, its bytes and
 * their explanation as you type; hex decoded as the page's entry, or the codec's typed error.
 * Bundled once per layer (scripts/build-site.ts) and loaded by every page of that layer.
 */
import { escapeHtml } from './html.js';
import { fromHex, toHex } from '../../common/bytes.js';
import { explain } from '../../explain/explain.js';
import type { TlLayer } from '../../layer.js';
import { TlDecodeError } from '../../runtime/errors.js';

const messageOf = (error: unknown) => (error instanceof TlDecodeError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error));

export function startPanel(tl: TlLayer): void {
  const panel = document.getElementById('live');
  if (!panel) return;
  const name = panel.dataset.name!;
  const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
  const value = element<HTMLTextAreaElement>('value');
  const hex = element<HTMLInputElement>('hex')!;

  const showValue = () => {
    const error = element('value-error')!;
    try {
      const bytes = tl.encodeJson(JSON.parse(value!.value));
      element('bytes')!.textContent = toHex(bytes);
      const rows = explain(tl, bytes, { as: name }).rows;
      element('explain')!.innerHTML = `<table><tr><th>offset</th><th>bytes</th><th>field</th><th>TL type</th><th>value</th></tr>${rows
        .map((r) => `<tr><td>${r.offset}</td><td><code>${toHex(bytes.subarray(r.offset, r.offset + r.length))}</code></td><td>${escapeHtml(r.path || '(value)')}</td><td>${escapeHtml(r.tlType)}</td><td>${escapeHtml(r.value)}${r.note ? ` (${escapeHtml(r.note)})` : ''}</td></tr>`)
        .join('')}</table>`;
      error.textContent = '';
    } catch (e) {
      error.textContent = messageOf(e);
    }
  };

  const showHex = () => {
    const error = element('hex-error')!;
    const decoded = element('decoded')!;
    decoded.textContent = '';
    error.textContent = '';
    const text = hex.value.replace(/\s+/g, '');
    if (text === '') return;
    try {
      if (!/^([0-9a-fA-F]{2})*$/.test(text)) throw new Error('not hex: an even number of the digits 0-9 a-f');
      decoded.textContent = JSON.stringify(tl.decodeJson(fromHex(text), { as: name }), null, 2);
    } catch (e) {
      error.textContent = messageOf(e);
    }
  };

  value?.addEventListener('input', showValue);
  hex.addEventListener('input', showHex);
  if (value) showValue();
}
