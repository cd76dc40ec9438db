import { answerHeading, questionHeading } from '../common/headings.ts';
import { PAGE } from './lines.ts';
import { minOf } from '../common/lists.ts';

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

function footnoteStart(line: string, from: number, to: number = from + WINDOW): Start | null {
  if (!/^\s*\d/.test(line)) return null;
  const trimmed = line.trimStart();
  for (let n = from; n < to; n++) {
    const digits = String(n);
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
    const keep = zone ? zone.start : page.length;
    // A loop, not push(...page): a page can hold hundreds of thousands of lines.
    for (let j = 0; j < keep; j++) body.push(page[j] ?? '');
    if (zone) {
      for (const f of zone.footnotes) {
        footnotes.push(f);
        next = Math.max(next, f.number + 1);
      }
    }
    if (i < lines.length) body.push(PAGE);
    pageStart = i + 1;
  }
  return { body, footnotes };
}

// A zone lies below the last heading of the page and within its last lines: that bounds the
// search, so a page of thousands of numbered lines stays linear.
const ZONE_LINES = 300;

function findZone(
  page: readonly string[],
  from: number,
  next: number,
): { start: number; footnotes: RawFootnote[] } | null {
  let first = Math.max(from, page.length - ZONE_LINES);
  for (let i = page.length - 1; i >= first; i--) {
    if (isHeading(page[i] ?? '')) {
      first = i + 1;
      break;
    }
  }
  for (let i = first; i < page.length; i++) {
    const start = footnoteStart(page[i] ?? '', next);
    if (!start) continue;
    const footnotes = readZone(page, i, next);
    if (footnotes) return { start: i, footnotes };
  }
  return null;
}

// Reads lines start..end as footnotes; null when they are not footnote material. Numbers may come
// out of order (poppler prints a late "2"; a table footnote "5" printed above "4"), but each number
// once.
function readZone(page: readonly string[], start: number, next: number): RawFootnote[] | null {
  const footnotes: RawFootnote[] = [];
  const pending: number[] = [];
  const seen = new Set<number>();
  let expected = next;
  for (let i = start; i < page.length; i++) {
    const line = page[i] ?? '';
    if (!line.trim()) continue;
    if (isHeading(line)) return null;
    const s = footnoteStart(line, next, expected + WINDOW);
    if (s) {
      if (seen.has(s.number)) return null;
      seen.add(s.number);
      expected = Math.max(expected, s.number + 1);
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
  // Footnotes are printed in order; only a bare number may come late (poppler), so the first
  // footnote of the zone has its lowest number.
  const first = footnoteStart(page[start] ?? '', next, expected + WINDOW)?.number ?? 0;
  if (minOf(seen) !== first) return null;
  if (footnotes.length === 0) return null;
  // poppler sometimes prints a number after the texts ("1", text 1, text 2, "3", text 3, "2"): the
  // text of the late number is the last paragraph-like line of the footnote before it.
  for (const n of pending) {
    const before = footnotes.find((f) => f.number === n - 1);
    if (!before || before.lines.length < 2) continue;
    let cut = -1;
    for (let j = before.lines.length - 1; j >= 1; j--) {
      if (/^\p{Lu}/u.test(before.lines[j] ?? '')) {
        cut = j;
        break;
      }
    }
    if (cut > 0) footnotes.push({ number: n, lines: before.lines.splice(cut) });
  }
  return footnotes.sort((a, b) => a.number - b.number);
}
