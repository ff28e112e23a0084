/**
 * `tlwire docs`: the reference as a static site, from the sections `tlwire describe` prints
 * (describe.ts): an index with search, one page per method, constructor and type, and on each
 * page a live panel run by one shared script per layer (panel.ts, bundled at build time).
 */
import { escapeHtml } from './html.js';
import { botsAnswer, describeName, idDerivation, paramCells, type DescribedLayer, type Description } from '../describe.js';

/** The file name of an entry's page (names hold dots, never slashes). */
export const pageFile = (name: string) => `${name}.html`;

/** The Markdown of the reference data, inline parts only: `code`, **bold**, [links](url). */
function inline(markdown: string): string {
  return escapeHtml(markdown)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
pre,textarea,input{font:13px/1.4 ui-monospace,monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto}
textarea{width:100%;height:11rem}input{width:100%}.error{color:#a00}#live{border:1px solid #999;padding:.5rem 1rem}`;

function htmlPage(title: string, body: string, script?: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>\n<body>\n${body}\n${script ? `<script src="${script}"></script>\n` : ''}</body></html>\n`;
}

function table(head: string[], rows: string[][]): string {
  return `<table><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
}

const link = (name: string) => `<a href="${encodeURI(pageFile(name))}">${escapeHtml(name)}</a>`;

/** One entry's page: the sections of `tlwire describe`, then the live panel. */
export function entryPage(d: Description, script: string): string {
  const out = [`<p><a href="index.html">layer ${d.layer} index</a></p>`, `<h1>${escapeHtml(d.name)}</h1>`, `<p>${d.kind} of layer ${d.layer} · <a href="${escapeHtml(d.page)}">${escapeHtml(d.page)}</a></p>`, `<p>${inline(d.description)}</p>`];
  if (d.source) out.push(`<blockquote>${inline(d.source)}</blockquote>`);
  if (d.example) {
    out.push('<h2>Example</h2>', `<pre>${escapeHtml(d.example.typescript)}</pre>`, `<pre>$ ${escapeHtml(d.example.cli)}\n${d.example.hex}</pre>`);
  }
  if (d.params) {
    out.push('<h2>Parameters</h2>');
    if (d.params.length === 0) out.push('<p>None.</p>');
    else {
      out.push(table(['Name', 'Type', 'Description'], d.params.map((p) => paramCells(p).map(inline))));
    }
  }
  if (d.result) {
    out.push(d.kind === 'method' ? '<h2>Result</h2>' : '<h2>Type</h2>', `<p>${link(d.result.type)}: ${d.result.constructors.map(link).join(', ')}</p>`);
  }
  if (d.constructors) {
    out.push('<h2>Constructors</h2>', table(['Name', 'Id', 'Description'], d.constructors.map((c) => [link(c.name), `#${c.id}`, inline(c.description)])));
  }
  if (d.returnedBy) out.push('<h2>Returned by</h2>', `<p>${d.returnedBy.map(link).join(', ') || 'No method.'}</p>`);
  if (d.errors) {
    out.push('<h2>Possible errors</h2>', d.errors.length === 0 ? '<p>None known.</p>' : table(['Code', 'Type', 'Description'], d.errors.map((e) => [String(e.code), escapeHtml(e.name), inline(e.description)])));
  }
  if (d.callers) out.push('<h2>Can bots use this method?</h2>', `<p>${inline(botsAnswer(d.callers))}</p>`);
  out.push('<h2>Layers</h2>', `<ul>${d.layers.map((l) => `<li>layer ${l.layer}${l.id ? `: #${l.id}` : ''}</li>`).join('')}</ul>`);
  if (d.schema) out.push('<h2>Schema</h2>', `<pre>${escapeHtml(d.schema.line)}</pre>`, `<p>${escapeHtml(idDerivation(d.schema))}</p>`);
  out.push(livePanel(d));
  return htmlPage(`${d.name} · layer ${d.layer}`, out.join('\n'), script);
}

/** The panel the shared script fills in: editable JSON -> bytes and explanation; hex -> value or error. */
function livePanel(d: Description): string {
  const valueBox = d.example
    ? `<h3>Value (canonical JSON)</h3><textarea id="value" spellcheck="false">${escapeHtml(JSON.stringify(d.example.json, null, 2))}</textarea>
<p class="error" id="value-error"></p><h3>Bytes</h3><pre id="bytes"></pre><h3>Field by field</h3><div id="explain"></div>`
    : '';
  return `<section id="live" data-name="${escapeHtml(d.name)}"><h2>Live</h2>${valueBox}
<h3>Decode hex as ${escapeHtml(d.name)}</h3><input id="hex" spellcheck="false" placeholder="hex bytes">
<p class="error" id="hex-error"></p><pre id="decoded"></pre></section>`;
}

/** The index: every method, constructor and type, with a search box. */
export function indexPage(layer: number, entries: readonly { name: string; kind: string }[]): string {
  const items = entries.map((e) => `<li data-name="${escapeHtml(e.name.toLowerCase())}">${link(e.name)} <small>${e.kind}</small></li>`).join('\n');
  const search = `<script>const q=document.getElementById('search');q.addEventListener('input',()=>{const t=q.value.toLowerCase();for(const li of document.querySelectorAll('#entries li'))li.hidden=!li.dataset.name.includes(t)})</script>`;
  const body = `<h1>tlwire reference · layer ${layer}</h1><p>${entries.length} methods, constructors and types.</p>
<input id="search" type="search" placeholder="search: name or part of it" autofocus>
<ul id="entries">\n${items}\n</ul>\n${search}`;
  return htmlPage(`tlwire reference · layer ${layer}`, body);
}

/** The name of the shared script of a layer. */
export const scriptFile = (layer: number) => `layer${layer}.js`;

/** Every file of the site of `layer` but the shared script: path -> content. */
export function siteFiles(layer: number, layers: readonly DescribedLayer[]): Map<string, string> {
  const { model } = layers.find((l) => l.tl.layer === layer)!.tl;
  const names = [...model.combinators.map((c) => c.name), ...Object.keys(model.types)];
  const files = new Map<string, string>();
  const entries: { name: string; kind: string }[] = [];
  for (const name of [...new Set(names)].sort()) {
    const d = describeName(name, layer, layers);
    if (!('kind' in d)) continue;
    entries.push({ name, kind: d.kind });
    files.set(pageFile(name), entryPage(d, scriptFile(layer)));
  }
  files.set('index.html', indexPage(layer, entries));
  return files;
}
