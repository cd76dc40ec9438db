import type { SourceFormat } from '../../types.ts';

export type TextFormat = Extract<SourceFormat, 'pdf-text' | 'pdf-markdown' | 'page-text'>;

// Which text rendering a document is, from its content alone:
// - pdf-markdown: pymupdf4llm output ("# 2", "-----" page separators, "[1 ]" markers, "**…**");
// - page-text: text copied from a web page (openkamer "Kamervraag 2019Z15244" + "Ingediend …",
//   tweedemonitor, tweedekamer.nl, officielebekendmakingen HTML): no PDF page furniture;
// - pdf-text: everything else (text extracted from the official PDF).
export function detectTextFormat(text: string): TextFormat {
  const head = text.slice(0, 4000);
  const markdownSignals =
    Number(/^#{1,6} \S/m.test(head)) +
    Number(/^-{5}\s*$/m.test(text)) +
    Number(/\[\d{1,3}(?:,? ?\d{1,3})* ?\]/.test(text)) +
    Number(/^\*\*[^*\n]+\*\*\s*$/m.test(head));
  if (markdownSignals >= 2) return 'pdf-markdown';
  const pdfFurniture = /ISSN\s*0921\s*-\s*7398|(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}/.test(
    text,
  );
  if (pdfFurniture) return 'pdf-text';
  const pageSignals =
    /^Kamervraag \d{4}Z\d{5}\s*$/m.test(head) ||
    /^(?:Ingediend|Indieners?|Beantwoord door|Zaaknummer:?)\s/m.test(head) ||
    /^\s*•\s*Vraag \d+/m.test(text) ||
    /^Antwoord schriftelijke vragen\b/m.test(head) ||
    /^Tweedemonitor\b/m.test(head) ||
    /Datum publicatie\s*Organisatie/.test(head) ||
    webParagraphs(text);
  return pageSignals ? 'page-text' : 'pdf-text';
}

// Web pages keep a paragraph on one line; PDF text wraps at about 80 characters.
function webParagraphs(text: string): boolean {
  const lengths = text
    .split('\n')
    .map((line) => line.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (lengths.length < 3) return false;
  const longLines = lengths.filter((n) => n > 160).length;
  return longLines >= 2 && /\n\s*\n/.test(text) && longLines / lengths.length > 0.2;
}
