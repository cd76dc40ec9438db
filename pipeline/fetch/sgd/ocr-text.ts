// The OCR manifestation as the text the parser reads. Pure. The text as zoek.officielebekendmakingen.nl
// shows it has one paragraph per line; an XML manifestation is read the same way: each element
// that holds text of its own is one line (its inline children included), in document order.
import { parseXml, textContent, type XmlElement } from '../xml-tree.ts';

export type OcrText = { ok: true; text: string } | { ok: false; why: string };

export function ocrToText(body: Uint8Array, contentType: string | null): OcrText {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { ok: false, why: 'the OCR text is not UTF-8' };
  }
  const text = decoded.replace(/^\uFEFF/, '');
  const looksXml = /xml/i.test(contentType ?? '') || /^\s*<\?xml|^\s*<[A-Za-z]/.test(text);
  if (/^\s*(<!doctype html|<html)/i.test(text))
    return { ok: false, why: 'the service answered with an HTML page, not the OCR text' };
  if (!looksXml) return nonEmpty(text.replace(/\r\n?/g, '\n'));
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, why: `the OCR XML is not well-formed: ${parsed.message}` };
  const lines: string[] = [];
  collect(parsed.root, lines);
  return nonEmpty(lines.join('\n'));
}

function collect(element: XmlElement, lines: string[]): void {
  if (element.text.trim() !== '') {
    const line = textContent(element).replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    return;
  }
  for (const child of element.children) collect(child, lines);
}

function nonEmpty(text: string): OcrText {
  return text.trim() === ''
    ? { ok: false, why: 'the OCR text is empty' }
    : { ok: true, text: `${text.trimEnd()}\n` };
}
