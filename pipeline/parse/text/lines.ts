import type { TextFormat } from './detect-format.ts';

// From raw text to lines in one shape for every rendering: markdown syntax stripped, a
// whole-document-on-one-line text broken up again, page breaks as the PAGE line.

/** A line that stands for a page break. */
export const PAGE = '\f';
/** Footnote markers found by the rendering itself ("[1 ]" in markdown) are kept as \uE000 1,2 \uE001. */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

export function toLines(text: string, format: TextFormat): string[] {
  let body = text;
  if (format === 'pdf-markdown') body = stripMarkdown(body);
  if (isFlattened(body)) body = unflatten(body);
  body = body.replace(/\f/g, `\n${PAGE}\n`);
  // trimEnd removes exactly what /\s+$/ matches, without a regex search along every line.
  return body.split('\n').map((line) => (line === PAGE ? PAGE : line.trimEnd()));
}

function stripMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      // Each step removes or rewrites one character kind: a line without it skips the step
      // (most lines have no markdown at all).
      if (line.includes('-') && /^\s*-{3,}\s*$/.test(line)) return PAGE;
      let out = line;
      if (out.includes('#')) out = out.replace(/^\s*#{1,6}\s+/, '');
      if (out.includes('*')) out = out.replace(/\*\*/g, '');
      // "_«Reizigersvereniging boos …_": italics are marked per line.
      if (out.includes('_'))
        out = out.replace(/(^|\s)_(?=\S)/g, '$1').replace(/(?<=\S)_(?=\s|$|[.,;:)])/g, '');
      if (!out.includes('[')) return out;
      // "[1 ]", "[1, 2 ]", "[4 5 ]": footnote markers; "11[e ]" (an ordinal) is not one.
      out = out.replace(/\[(\d{1,3}(?:\s*,?\s*\d{1,3})*)\s*\]/g, (_m, list: string) => {
        const numbers = list.match(/\d+/g) ?? [];
        return `${MARK_OPEN}${numbers.join(',')}${MARK_CLOSE}`;
      });
      out = out.replace(/\[([a-z]{1,3})\s*\]/g, '$1');
      return out;
    })
    .join('\n');
}

// A rendering with every whitespace run collapsed: one very long line.
function isFlattened(text: string): boolean {
  if (text.length <= 1500) return false;
  // At most three non-blank lines: counted up to the fourth rather than splitting the whole text.
  let nonBlank = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (text.slice(start, end).trim() && ++nonBlank > 3) return false;
    start = end + 1;
  }
  return true;
}

const FOOTER_BLOCK =
  /\s*(?:(?:ah|kv)-tk-\d{8}-\d+\s+)?ISSN\s*\d{4}\s*-\s*\d{4}\s*[’']s-Gravenhage\s*\d{4}\s*|\s*(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel\s*\d{0,3}\s*/g;
const INLINE_HEADING =
  /(?:^|\s)((?:Vraag|Vragen|Antwoord(?: op vraag| vraag)?) \d{1,3}(?:(?:,? | en |, en |, )\d{1,3})*) (?=[A-Z«“"‘(])|(?:^|\s)(Antwoord) (?=[A-Z«“"‘(])/g;

// Puts headings, page footers and the footnotes above each footer back on their own lines.
function unflatten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  const pieces = oneLine.split(FOOTER_BLOCK);
  const footers = oneLine.match(FOOTER_BLOCK) ?? [];
  const out: string[] = [];
  let nextFootnote = 1;
  for (let p = 0; p < pieces.length; p++) {
    let piece = pieces[p] ?? '';
    if (p < footers.length) {
      const split = splitInlineFootnotes(piece, nextFootnote);
      piece = split.text;
      nextFootnote = split.next;
    }
    out.push(
      piece.replace(INLINE_HEADING, (_m, list?: string, bare?: string) => `\n${list ?? bare}\n`),
    );
    const footer = footers[p];
    if (footer !== undefined) out.push(`\n${footer.trim()}\n`);
  }
  return out.join('');
}

// "… voorlichting wordt 1 Financieel Dagblad, … 2014 2 De Telegraaf, …": the footnotes sit at the
// end of the text before a page footer. The chain starts at the last " k " whose marker k was seen
// earlier on the page ("?1, 2").
function splitInlineFootnotes(text: string, first: number): { text: string; next: number } {
  const start = lastIndexOfNumber(text, first, 0);
  if (start < 0 || !new RegExp(`[^\\s\\d]${first}(?!\\d)`).test(text.slice(0, start)))
    return { text, next: first };
  const cuts = [start];
  let k = first + 1;
  for (;;) {
    const at = indexOfNumber(text, k, (cuts.at(-1) ?? 0) + 1);
    if (at < 0) break;
    cuts.push(at);
    k++;
  }
  let out = text.slice(0, start);
  for (let i = 0; i < cuts.length; i++)
    out += `\n${text.slice((cuts[i] ?? 0) + 1, cuts[i + 1] ?? text.length).trim()}`;
  return { text: `${out}\n`, next: k };
}

function indexOfNumber(text: string, n: number, from: number): number {
  const re = new RegExp(`\\s${n}\\s(?=\\S)`, 'g');
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}

function lastIndexOfNumber(text: string, n: number, from: number): number {
  let last = -1;
  for (let at = indexOfNumber(text, n, from); at >= 0; at = indexOfNumber(text, n, at + 1))
    last = at;
  return last;
}
