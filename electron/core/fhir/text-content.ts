/**
 * Readable text out of what FHIR carries as content: attachments (`text/plain`, `text/markdown`,
 * `text/html`, XHTML; base64 in `data` or in a Binary) and narratives (`text.div`, XHTML). HTML
 * is reduced with html-to-text, a real HTML parser (entities, lists, tables, line breaks), not
 * with regular expressions.
 */
import { type HtmlToTextOptions, convert } from 'html-to-text';
import { type Json, obj, str } from './json.ts';

const PLAIN_TYPES: ReadonlySet<string> = new Set(['text/plain', 'text/markdown']);
const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

const HTML_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    // Links and images: the words are what a nurse reads; the addresses lead nowhere offline.
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
      selector,
      options: { uppercase: false },
    })),
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

/** HTML (a fragment or a document) as plain text; null when nothing readable is left. */
export function htmlToText(html: string): string | null {
  const text = convert(html, HTML_OPTIONS).trim();
  return text.length > 0 ? text : null;
}

/** The media type without parameters, lower case (`text/html; charset=utf-8` → `text/html`). */
export function mediaType(contentType: string | null): string | null {
  return contentType?.split(';')[0]?.trim().toLowerCase() || null;
}

/** Whether content of this type can be shown as text. */
export function isTextType(contentType: string | null): boolean {
  const type = mediaType(contentType);
  return type !== null && (PLAIN_TYPES.has(type) || HTML_TYPES.has(type));
}

/**
 * Base64 content of a text type as readable text; null for other types or empty content. A
 * missing content type is read as plain text (FHIR requires it, some exports leave it out).
 */
export function decodedText(contentType: string | null, base64: string | null): string | null {
  if (base64 === null) return null;
  const type = mediaType(contentType) ?? 'text/plain';
  if (!isTextType(type)) return null;
  const raw = Buffer.from(base64, 'base64').toString('utf8');
  const text = HTML_TYPES.has(type) ? htmlToText(raw) : raw.trim();
  return text ? text : null;
}

/** A resource's narrative (`text.div`) as plain text, or null. */
export function narrativeText(resource: Json): string | null {
  const div = str(obj(resource['text'])?.['div']);
  return div ? htmlToText(div) : null;
}
