import { isZip } from './odt-text.ts';
import { isPdf } from './pdf-text.ts';

export type Container = 'pdf' | 'zip' | 'text';
export type Markup = 'xml' | 'html' | null;

/** What kind of file the bytes are, by their magic numbers, never by the file name. */
export function detectContainer(bytes: Uint8Array): Container {
  if (isPdf(bytes)) return 'pdf';
  if (isZip(bytes)) return 'zip';
  return 'text';
}

const HTML_ROOTS = /^(html|head|body|div|section|article|main|p|h[1-6]|table|span)$/i;

// Decoded text that is markup: an XML declaration, a DOCTYPE, a comment or an element first.
// HTML when the head says so (<html>, <!DOCTYPE html>, or an HTML element as root), else XML.
export function detectMarkup(text: string): Markup {
  const head = text.trimStart().slice(0, 4096);
  if (!/^<(?:\?xml|!DOCTYPE|!--|[A-Za-z_])/i.test(head)) return null;
  if (/<!DOCTYPE\s+html|<html[\s>]/i.test(head)) return 'html';
  const root =
    /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*<([A-Za-z_][\w.:-]*)/.exec(
      head,
    )?.[1];
  if (root && HTML_ROOTS.test(root)) return 'html';
  return 'xml';
}
