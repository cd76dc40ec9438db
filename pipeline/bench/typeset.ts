// Typesetting for the PDF-like renderings: wrap paragraphs to a column, hyphenate long words at
// line ends the way the printed Aanhangsel does, break URLs in footnotes after "/" or "-", and
// fill pages with footnotes at the bottom of the page that marks them.
import { MARKER } from './plan-document.ts';
import type { Random } from './random.ts';

export interface Block {
  kind: 'head' | 'heading' | 'body';
  text: string;
}
export interface Line {
  text: string;
  kind: Block['kind'];
  /** Last line of its block. */
  last: boolean;
  /** Ends in a hyphen the typesetter inserted (the word goes on on the next line). */
  hyphenated: boolean;
}
export interface Page {
  lines: Line[];
  footnotes: { number: number; lines: string[] }[];
}

// Markers print as their digits; most words have none, so skip the regex for them.
const visibleLength = (s: string): number =>
  s.includes('\uE000') ? s.replace(MARKER, '$1').length : s.length;
const VOWEL = /[aeiouyáéíóúëïöü]/i;

/** Splits a long word so that its head plus "-" fits in `room`; null when it cannot. */
function hyphenate(word: string, room: number): [string, string] | null {
  if (word.length < 10 || /[-\uE000«»/]/.test(word)) return null;
  const v = (i: number): boolean => VOWEL.test(word[i] ?? '');
  const c = (i: number): boolean => /[bcdfghjklmnpqrstvwxz]/.test(word[i] ?? '');
  for (let p = Math.min(room - 1, word.length - 3); p >= 4; p--) {
    // Dutch syllable breaks: ver-ster-ken (VC-CV) and wa-ter (V-CV).
    if ((c(p - 1) && c(p) && v(p - 2) && v(p + 1)) || (v(p - 1) && c(p) && v(p + 1))) {
      return [`${word.slice(0, p)}-`, word.slice(p)];
    }
  }
  return null;
}

/** Where a URL may break: after the last "/" or "-" that fits in room. */
function breakUrl(word: string, room: number): [string, string] | null {
  if (!/https?:\/\/|www\./.test(word) || room < 20) return null;
  for (let p = Math.min(room, word.length - 2); p >= 15; p--) {
    if (word[p - 1] === '/' || word[p - 1] === '-') return [word.slice(0, p), word.slice(p)];
  }
  return [word.slice(0, room), word.slice(room)];
}

export function wrap(
  text: string,
  width: number,
  random: Random,
  hyphenation: number,
): { text: string; hyphenated: boolean }[] {
  const lines: { text: string; hyphenated: boolean }[] = [];
  let line = '';
  const words = text.split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    let word = words[i] as string;
    const room = width - visibleLength(line) - (line ? 1 : 0);
    if (visibleLength(word) <= room) {
      line = line ? `${line} ${word}` : word;
      continue;
    }
    const split =
      breakUrl(word, room) ?? (random.chance(hyphenation) ? hyphenate(word, room) : null);
    if (split) {
      lines.push({
        text: line ? `${line} ${split[0]}` : split[0],
        hyphenated: !/https?:|www\./.test(word),
      });
      word = split[1];
      line = '';
      i--;
      words[i + 1] = word;
      continue;
    }
    if (line) lines.push({ text: line, hyphenated: false });
    line = word;
  }
  if (line) lines.push({ text: line, hyphenated: false });
  return lines;
}

export interface PageOptions {
  width: number;
  /** Lines on a page, footnotes included. */
  height: number;
  /** Lines the masthead takes on the first page. */
  firstPageOffset: number;
  hyphenation: number;
}

export function typeset(
  blocks: Block[],
  footnotes: Map<number, string>,
  options: PageOptions,
  random: Random,
): Page[] {
  const pages: Page[] = [{ lines: [], footnotes: [] }];
  let used = options.firstPageOffset;
  for (const block of blocks) {
    const wrapped = wrap(
      block.text,
      options.width,
      random,
      block.kind === 'body' ? options.hyphenation : 0,
    );
    wrapped.forEach((w, k) => {
      const notes = [...w.text.matchAll(MARKER)].map((m) => Number(m[1]));
      const noteLines = notes.map((n) => ({
        number: n,
        lines: wrap(`${n} ${footnotes.get(n) ?? ''}`, options.width, random, 0).map((l) => l.text),
      }));
      const extra = noteLines.reduce((sum, n) => sum + n.lines.length, 0);
      if (used + 1 + extra > options.height && (pages.at(-1) as Page).lines.length > 0) {
        pages.push({ lines: [], footnotes: [] });
        used = 0;
      }
      const page = pages.at(-1) as Page;
      page.lines.push({
        text: w.text,
        kind: block.kind,
        last: k === wrapped.length - 1,
        hyphenated: w.hyphenated,
      });
      page.footnotes.push(...noteLines);
      used += 1 + extra;
    });
  }
  return pages;
}
