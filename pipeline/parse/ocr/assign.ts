import type { Unit } from './segment.ts';

export interface Entry {
  numbers: number[];
  text: string;
  inferred: boolean;
  /** Paragraphs without a number were kept inside this entry, where they stand. */
  merged: boolean;
  line: number;
}

const ASKS = /\?\s*["'»”’]?\s*\d?\s*$/;

// Unnumbered paragraphs get the numbers the sequence is missing where the count fits: between
// "1" and "3" one paragraph is 2; after the last number, questions continue while each
// paragraph asks ("…?" after "…?"), answers while questions remain unanswered (`total`). Where the
// count does not fit the paragraphs stay inside the entry before them, in the order printed.
export function assignNumbers(
  units: readonly Unit[],
  kind: 'question' | 'answer',
  total: number,
): Entry[] {
  const entries: Entry[] = [];
  let pending: Unit[] = [];
  let last = 0;
  const flush = (next: number | null) => {
    if (pending.length === 0) return;
    const gap = next === null ? null : next - last - 1;
    let fresh: Unit[];
    if (gap !== null) fresh = pickForGap(pending, gap, entries);
    else if (entries.length === 0)
      fresh =
        kind === 'answer'
          ? pending.slice(0, 1)
          : [pending[0] as Unit, ...tailQuestions(pending.slice(1), pending.slice(0, 1))];
    else if (kind === 'answer') fresh = pending.length <= total - last ? pending : [];
    else fresh = tailQuestions(pending, entries);
    for (const unit of pending) {
      if (fresh.includes(unit)) {
        last += 1;
        entries.push({
          numbers: [last],
          text: unit.text,
          inferred: true,
          merged: false,
          line: unit.line,
        });
      } else {
        const into = entries[entries.length - 1];
        if (into) {
          into.text = `${into.text}\n${unit.text}`;
          into.merged = true;
        }
      }
    }
    pending = [];
  };
  for (const unit of units) {
    if (unit.numbers === null) {
      pending.push(unit);
      continue;
    }
    flush(unit.numbers[0] ?? null);
    entries.push({
      numbers: unit.numbers,
      text: unit.text,
      inferred: false,
      merged: false,
      line: unit.line,
    });
    last = Math.max(last, ...unit.numbers);
  }
  flush(null);
  if (kind === 'answer' && entries.length === 1 && entries[0]?.inferred && total > 1) {
    // One unnumbered reply to several questions answers them all.
    entries[0].numbers = Array.from({ length: total }, (_v, i) => i + 1);
  }
  return entries;
}

function pickForGap(pending: Unit[], gap: number, entries: Entry[]): Unit[] {
  if (gap <= 0) return [];
  if (pending.length <= gap) return pending;
  const asking = pending.filter((u, i) => {
    const before = i === 0 ? entries[entries.length - 1]?.text : pending[i - 1]?.text;
    return before !== undefined && ASKS.test(before);
  });
  return asking.length === gap ? asking : pending.slice(pending.length - gap);
}

function tailQuestions(pending: Unit[], entries: readonly { text: string }[]): Unit[] {
  const fresh: Unit[] = [];
  let before = entries[entries.length - 1]?.text;
  for (const unit of pending) {
    if (
      before !== undefined &&
      ASKS.test(before) &&
      ASKS.test(unit.text) &&
      /^[\p{Lu}«"'„]/u.test(unit.text)
    )
      fresh.push(unit);
    else break;
    before = unit.text;
  }
  return fresh;
}

// A page that prints no question numbers at all may print its questions as one paragraph
// ("Is het juist …? Is den Minister bekend …? Wil de Minister …?") while the answer numbers
// them ("I en II.", "III."). When the answers cover more questions than were found and the
// paragraphs hold exactly that many questions, each question is its own entry.
export function splitUnnumberedQuestions(entries: Entry[], wanted: number): Entry[] {
  if (entries.length >= wanted || entries.some((e) => !e.inferred)) return entries;
  const sentences = entries.flatMap((e) =>
    e.text.split(/(?<=\?)\s+(?=[\p{Lu}«"'„])/u).map((text) => ({ text, line: e.line })),
  );
  if (sentences.length !== wanted) return entries;
  return sentences.map((s, i) => ({
    numbers: [i + 1],
    text: s.text,
    inferred: true,
    merged: false,
    line: s.line,
  }));
}
