import { accepts, candidatesIn } from './numbered-units.ts';

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
  /** Line-start numbers the sequence did not expect: a sign of columns read out of order. */
  outOfOrder: { line: number; header: string }[];
}

const SENTENCE_END = /[.?!:;»"'’”)]\s*\d?\s*$/;

/** `lines` of one region; `footnotes`: read "N text" lines below the sequence as footnotes. */
export function segment(
  lines: readonly string[],
  readFootnotes: boolean,
  firstLine = 0,
): Segmented {
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
    if (opening && opening.place === 'line-start' && (opening.numbers[0] ?? 0) <= last) {
      if (readFootnotes && !line.includes('?')) {
        footnotes.push(...splitFootnotes(line));
        inFootnotes = true;
        return;
      }
      outOfOrder.push({ line: lineNo, header: opening.header });
    }
    if (
      inFootnotes &&
      !(opening && accepts(opening.place, opening.numbers[0] ?? 0, last, opening.header))
    ) {
      const note = footnotes[footnotes.length - 1];
      if (note) note.text = `${note.text} ${line}`;
      return;
    }
    let cursor = 0;
    for (const c of candidates) {
      if (!accepts(c.place, c.numbers[0] ?? 0, last, c.header)) continue;
      addText(units, line.slice(cursor, c.index), cursor === 0, lineNo);
      units.push({ numbers: c.numbers, header: c.header, text: '', inferred: false, line: lineNo });
      last = Math.max(...c.numbers);
      cursor = c.end;
    }
    addText(units, line.slice(cursor), cursor === 0, lineNo);
  });
  return { units: units.filter((u) => u.numbers !== null || u.text), footnotes, outOfOrder };
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

function splitFootnotes(line: string): { number: number; text: string }[] {
  const notes: { number: number; text: string }[] = [];
  let rest = line;
  let expected = Number(/^\d+/.exec(rest)?.[0] ?? '0');
  while (rest) {
    const own = new RegExp(`^${expected}\\s*`).exec(rest);
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
