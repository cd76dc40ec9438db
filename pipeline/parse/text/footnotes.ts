import { answerHeading, questionHeading } from '../common/headings.ts';
import { PAGE } from './lines.ts';

// Footnotes sit at the bottom of a page: from the first line "k text" (k the next footnote
// number; pypdf glues it: "1Binnenlands Bestuur", poppler prints "k" alone and the text later)
// down to the page end. A candidate is accepted only when everything below it on the page is
// footnote material: no heading, numbers rising. That rejects the running-text lines that merely
// start with a number ("7 oktober, vergeleken met …", pypdf's pushed markers "3 De wetgever …").

export interface RawFootnote {
  number: number;
  lines: string[];
}

export interface FootnoteSplit {
  body: string[];
  footnotes: RawFootnote[];
}

interface Start {
  number: number;
  text: string;
}

const WINDOW = 3;

function footnoteStart(line: string, next: number): Start | null {
  const m = /^\s*(\d{1,3})/.exec(line);
  if (!m) return null;
  for (let n = next; n < next + WINDOW; n++) {
    const digits = String(n);
    const trimmed = line.trimStart();
    if (!trimmed.startsWith(digits)) continue;
    const rest = trimmed.slice(digits.length);
    if (rest === '' || /^\s*$/.test(rest)) return { number: n, text: '' };
    if (/^\s+\S/.test(rest) || /^[^\d\s.,)]/.test(rest)) return { number: n, text: rest.trim() };
    // "32024D27196" = footnote 3, a document number.
    if (/^(?:19|20)\d{2}[A-Z]\d{3,}/.test(rest)) return { number: n, text: rest.trim() };
  }
  return null;
}

function isHeading(line: string): boolean {
  return questionHeading(line) !== null || answerHeading(line) !== null;
}

export function splitFootnotes(lines: readonly string[], bodyStart: number): FootnoteSplit {
  const body: string[] = [];
  const footnotes: RawFootnote[] = [];
  let next = 1;
  let pageStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i] !== PAGE) continue;
    const page = lines.slice(pageStart, i);
    const from = Math.max(0, bodyStart - pageStart);
    const zone = findZone(page, from, next);
    if (zone) {
      body.push(...page.slice(0, zone.start));
      footnotes.push(...zone.footnotes);
      next = Math.max(next, ...zone.footnotes.map((f) => f.number + 1));
    } else {
      body.push(...page);
    }
    if (i < lines.length) body.push(PAGE);
    pageStart = i + 1;
  }
  return { body, footnotes };
}

function findZone(page: readonly string[], from: number, next: number): { start: number; footnotes: RawFootnote[] } | null {
  for (let i = from; i < page.length; i++) {
    const start = footnoteStart(page[i] ?? '', next);
    if (!start) continue;
    const footnotes = readZone(page, i, next);
    if (footnotes) return { start: i, footnotes };
  }
  return null;
}

// Reads lines start..end as footnotes; null when they are not footnote material.
function readZone(page: readonly string[], start: number, next: number): RawFootnote[] | null {
  const footnotes: RawFootnote[] = [];
  const pending: number[] = [];
  let expected = next;
  for (let i = start; i < page.length; i++) {
    const line = page[i] ?? '';
    if (!line.trim()) continue;
    if (isHeading(line)) return null;
    const s = footnoteStart(line, expected);
    if (s) {
      expected = s.number + 1;
      if (s.text) footnotes.push({ number: s.number, lines: [s.text] });
      else pending.push(s.number);
      continue;
    }
    if (i === start) return null;
    const waiting = pending.shift();
    if (waiting !== undefined) footnotes.push({ number: waiting, lines: [line.trim()] });
    else if (footnotes.length > 0) footnotes.at(-1)?.lines.push(line.trim());
    else return null;
  }
  // Bare numbers with no text left: poppler prints all numbers first; a lone number is no footnote.
  if (pending.length > 0 || footnotes.length === 0) return null;
  return footnotes.sort((a, b) => a.number - b.number);
}
