import type { SourceFormat } from '../../types.ts';

export type TextFormat = Extract<SourceFormat, 'pdf-text' | 'pdf-markdown' | 'page-text'>;

// Which text rendering a document is, from its content alone:
// - pdf-markdown: pymupdf4llm output ("# 2", "-----" page separators, "[1 ]" markers, "**…**");
// - page-text: text copied from a web page (openkamer "Kamervraag 2019Z15244" + "Ingediend …",
//   tweedemonitor, tweedekamer.nl, officielebekendmakingen HTML): no PDF page furniture;
// - pdf-text: everything else (text extracted from the official PDF).
export function detectTextFormat(text: string): TextFormat {
  // The reader detects the rendering to pick the parser, and parseText, told only "pdf-text",
  // detects it again on the same text: the last answer is kept for that second call.
  if (text === last.text) return last.format;
  const format = detect(text);
  last = { text, format };
  return format;
}

let last: { text: string | null; format: TextFormat } = { text: null, format: 'pdf-text' };

function detect(text: string): TextFormat {
  const head = text.slice(0, 4000);
  if (atLeastTwo(MARKDOWN_SIGNALS, text, head)) return 'pdf-markdown';
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

// Signs of pymupdf4llm markdown, each tested on the head or the whole text (the head first:
// it is the shorter).
const MARKDOWN_SIGNALS: readonly [RegExp, 'head' | 'text'][] = [
  [/^#{1,6} \S/m, 'head'],
  [/^\*\*[^*\n]+\*\*\s*$/m, 'head'],
  [/^-{5}\s*$/m, 'text'],
  [/\[\d{1,3}(?:,? ?\d{1,3})* ?\]/, 'text'],
];

// Whether two signals hold; stops as soon as that is decided (each test scans the text).
function atLeastTwo(
  signals: readonly [RegExp, 'head' | 'text'][],
  text: string,
  head: string,
): boolean {
  let found = 0;
  for (let i = 0; i < signals.length; i++) {
    if (found + (signals.length - i) < 2) return false;
    const [re, where] = signals[i] ?? [];
    if (re?.test(where === 'head' ? head : text) && ++found === 2) return true;
  }
  return false;
}

// Web pages keep a paragraph on one line; PDF text wraps at about 80 characters.
function webParagraphs(text: string): boolean {
  let lines = 0;
  let longLines = 0;
  for (const line of text.split('\n')) {
    const length = line.trim().length;
    if (length > 0) lines++;
    if (length > 160) longLines++;
  }
  if (lines < 3) return false;
  return longLines >= 2 && /\n\s*\n/.test(text) && longLines / lines > 0.2;
}
