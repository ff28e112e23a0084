/** The Telegram API site: where every constructor, method and type has a page. */
export const API_SITE = 'https://core.telegram.org';

export type PageKind = 'constructor' | 'method' | 'type';

/** The page of a constructor, method or type on the Telegram API site. */
export function apiPage(kind: PageKind, name: string): string {
  return `${API_SITE}/${kind}/${name}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]);
}

/** An href of the sources, absolute: anchors are on `page`, site paths on the API site. */
function absoluteUrl(href: string, page: string): string {
  if (href.startsWith('#')) return `${page}${href}`;
  if (href.startsWith('//')) return `https:${href}`;
  if (href.startsWith('/')) return `${API_SITE}${href}`;
  return href;
}

/** Simple inline tags and what they become. */
const INLINE: Record<string, string> = { code: '`', strong: '**', b: '**', em: '*', i: '*', del: '~~', u: '', pre: '`', blockquote: '' };

/**
 * The sources' HTML as Markdown: links stay links (absolute, `[text](url)`), `<code>` becomes
 * backticks, `<strong>` bold, `<br>` a line break, an emoji image its alt text. `links` turns the
 * sources' `{@link Name}` references into Markdown links (or leaves the name as code).
 */
export function htmlToMarkdown(html: string, page: string, links: (name: string) => string): string {
  let text = html.replace(/\{@link ([^}]+)\}/g, (_, name: string) => links(name));
  text = text.replace(/<a\s+href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g, (_, href: string, inner: string) => `[${inner}](${absoluteUrl(decodeEntities(href), page)})`);
  text = text.replace(/<img[^>]*\balt="([^"]*)"[^>]*>/g, '$1');
  text = text.replace(/<br\s*\/?>/g, '\n');
  text = text.replace(/<\/?([a-z]+)>/g, (tag, name: string) => (name in INLINE ? INLINE[name] : tag));
  return decodeEntities(text).replace(/[ \t]+\n/g, '\n').trim();
}

/** Markdown on one line, for a table cell or a list item. */
export function oneLine(markdown: string): string {
  return markdown.replace(/\s*\n\s*/g, ' ');
}
