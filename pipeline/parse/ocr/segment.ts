import { accepts, candidatesIn, type Candidate } from './numbered-units.ts';

export interface Unit {
  numbers: number[] | null;
  header: string | null;
  text: string;
  /** The number was not printed (or not read): assigned by position. */
  inferred: boolean;
  line: number;
}

export interface Segmented {
  units: Unit[];
  /** Lines read as footnotes (questions region only): "1 Onderneming van 13 september jl." */
  footnotes: { number: number; text: string }[];
  /** Signs of columns read out of order: a number the sequence did not expect at a line start,
   * a line that continues a sentence although the text before it has ended. */
  outOfOrder: { line: number; why: string }[];
}

const SENTENCE_END = /[.?!:;»"'’”)]\s*\d?\s*$/;

/** `lines` of one region, numbered from `firstLine` (1-based) for the warnings. */
export function segment(lines: readonly string[], firstLine = 0): Segmented {
  const units: Unit[] = [];
  const footnotes: Segmented['footnotes'] = [];
  const outOfOrder: Segmented['outOfOrder'] = [];
  let last = 0;
  let inFootnotes = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const lineNo = firstLine + i;
    const candidates = candidatesIn(line, true);
    const opening = candidates[0]?.index === 0 ? candidates[0] : undefined;
    const openingAccepted =
      opening !== undefined &&
      accepts(opening.place, opening.numbers[0] ?? 0, last, opening.header);
    const accepted = acceptedIn(candidates, last);
    const lastAfter = Math.max(last, ...accepted.flatMap((c) => c.numbers));
    const rest = candidates.filter((c) => !accepted.includes(c));
    const noteAt = footnoteStart(line, rest, lastAfter, footnotes, !openingAccepted);
    if (noteAt === 0) {
      footnotes.push(...splitFootnotes(line, nextFootnote(footnotes)));
      inFootnotes = true;
      return;
    }
    if (inFootnotes && !openingAccepted) {
      const note = footnotes[footnotes.length - 1];
      if (note) note.text = `${note.text} ${line}`;
      return;
    }
    inFootnotes = false;
    if (opening && opening.place === 'line-start' && !openingAccepted && line.includes('?'))
      outOfOrder.push({
        line: lineNo,
        why: `"${opening.header}" at a line start breaks the number sequence`,
      });
    const current = units[units.length - 1];
    if (current?.text && /^\p{Ll}/u.test(line) && /[.?!]\s*$/.test(current.text))
      outOfOrder.push({
        line: lineNo,
        why: `"${line.slice(0, 24)}…" continues a sentence, but the text before it has ended`,
      });
    const body = noteAt > 0 ? line.slice(0, noteAt) : line;
    let cursor = 0;
    for (const c of accepted) {
      if (c.index >= body.length) break;
      addText(units, body.slice(cursor, c.index), cursor === 0, lineNo);
      units.push({ numbers: c.numbers, header: c.header, text: '', inferred: false, line: lineNo });
      last = Math.max(...c.numbers);
      cursor = c.end;
    }
    addText(units, body.slice(cursor), cursor === 0, lineNo);
    if (noteAt > 0) {
      footnotes.push(...splitFootnotes(line.slice(noteAt), nextFootnote(footnotes)));
      inFootnotes = true;
    }
  });
  return { units: units.filter((u) => u.numbers !== null || u.text), footnotes, outOfOrder };
}

function acceptedIn(candidates: readonly Candidate[], from: number): Candidate[] {
  const accepted: Candidate[] = [];
  let last = from;
  for (const c of candidates) {
    if (!accepts(c.place, c.numbers[0] ?? 0, last, c.header)) continue;
    accepted.push(c);
    last = Math.max(...c.numbers);
  }
  return accepted;
}

// Footnotes sit at the foot of a column: "1 Onderneming van 13 september jl." on a line of its
// own, "' Aanhangsel Handelingen …" (the 1 read as an apostrophe), or run into the end of the
// last line above ("… gelegd? 1 Aanhangsel Handelingen, nr. 946"). A number counts as a footnote
// only below the block sequence (it cannot be the next block) and when no question follows it.
function footnoteStart(
  line: string,
  candidates: readonly Candidate[],
  last: number,
  notes: Segmented['footnotes'],
  atStart: boolean,
): number {
  const expected = nextFootnote(notes);
  if (atStart && expected === 1 && /^'\s+\p{Lu}/u.test(line) && !line.includes('?')) return 0;
  for (const c of candidates) {
    const n = c.numbers[0] ?? 0;
    if (c.numbers.length > 1 || n > last || n !== expected) continue;
    if (c.place !== 'line-start' && c.place !== 'after-sentence') continue;
    if (line.slice(c.index).includes('?')) continue;
    return c.index;
  }
  return -1;
}

function nextFootnote(notes: Segmented['footnotes']): number {
  const lastNote = notes[notes.length - 1];
  return lastNote ? lastNote.number + 1 : 1;
}

function addText(units: Unit[], piece: string, lineStart: boolean, line: number): void {
  const text = piece.trim();
  if (!text) return;
  const current = units[units.length - 1];
  const continues =
    current !== undefined &&
    (!lineStart ||
      current.text === '' ||
      /^[\p{Ll}\d(,;]/u.test(text) ||
      !SENTENCE_END.test(current.text));
  if (current && continues) {
    current.text =
      current.text.endsWith('-') || current.text === ''
        ? `${current.text}${text}`
        : `${current.text} ${text}`;
    return;
  }
  units.push({ numbers: null, header: null, text, inferred: false, line });
}

function splitFootnotes(line: string, first: number): { number: number; text: string }[] {
  const notes: { number: number; text: string }[] = [];
  let rest = line;
  let expected = first;
  while (rest) {
    const own = new RegExp(`^(?:${expected}\\)?|${expected === 1 ? "'" : 'x'})\\s*`).exec(rest);
    if (!own) break;
    rest = rest.slice(own[0].length);
    const next = new RegExp(`\\s${expected + 1}\\s+(?=[\\p{Lu}«"'])`, 'u').exec(rest);
    const text = next ? rest.slice(0, next.index) : rest;
    notes.push({ number: expected, text: text.trim() });
    rest = next ? rest.slice(next.index + 1) : '';
    expected += 1;
  }
  return notes;
}
