// Numbered blocks in OCR text. The scan keeps paragraphs as lines but glues, drops and repeats
// question numbers: "3 Om welke …? 4 Wordt …", "1Kent u", "1 Ja. 2Ja 3Door", a question whose
// number is gone. A number counts as a block heading only where the sequence expects it (the next
// number, or a small gap at a line start), so "artikel 1", "op 6 augustus" and "f 3000" do not.

export interface Candidate {
  index: number;
  end: number;
  numbers: number[];
  header: string;
  place: 'line-start' | 'after-sentence' | 'glued' | 'inside';
}

const HEAD =
  /(?<![\p{L}\d/,.-])(?:Ad\s+)?(\d{1,2})(?:\s*°)?((?:\s*(?:,|en|t\/m|tot\s+en\s+met|[—–-])\s*\d{1,2}(?!\d))*)(?:\s*°)?\.?/gu;

// Before 1940 answers may number by Roman numerals: "I en II.", "III."
const ROMAN = /(?<![\p{L}\d])([IVX]{1,5})((?:\s*(?:,|en)\s*[IVX]{1,5})*)\.(?=\s+\p{Lu})/gu;

export function candidatesIn(line: string, atStart: boolean): Candidate[] {
  const found: Candidate[] = [];
  for (const m of line.matchAll(ROMAN)) {
    const numbers = [m[1] ?? '', ...[...(m[2] ?? '').matchAll(/[IVX]+/g)].map((r) => r[0])].map(
      roman,
    );
    if (numbers.some((n, i) => n === 0 || (i > 0 && n <= (numbers[i - 1] ?? 0)))) continue;
    const index = m.index ?? 0;
    const prefix = line.slice(0, index);
    const place =
      prefix.trim() === '' && atStart
        ? 'line-start'
        : /[.?!;:]\s*$/.test(prefix)
          ? 'after-sentence'
          : 'inside';
    found.push({ index, end: index + m[0].length, numbers, header: m[0].trim(), place });
  }
  for (const m of line.matchAll(HEAD)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    const rest = line.slice(end);
    const glued = /^[\p{Lu}]/u.test(rest) && !/\s$/.test(m[0]);
    const spaced = /^\s+(?:[\p{Lu}«„"'(]|[a-d]\.\s)/u.test(rest);
    if (!glued && !spaced) continue;
    const prefix = line.slice(0, index);
    const place: Candidate['place'] =
      prefix.trim() === '' && atStart
        ? 'line-start'
        : /[.?!;:»"'’)\]]\s*$/.test(prefix) || prefix.trim() === ''
          ? 'after-sentence'
          : glued
            ? 'glued'
            : 'inside';
    const numbers = expand(Number(m[1]), m[2] ?? '');
    if (numbers.length === 0) continue;
    found.push({ index, end, numbers, header: m[0].trim(), place });
  }
  return found.sort((a, b) => a.index - b.index);
}

function roman(text: string): number {
  const value: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = value[text[i] ?? ''] ?? 0;
    const next = value[text[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function expand(first: number, tail: string): number[] {
  const numbers = [first];
  const steps = tail.matchAll(/(,|en|t\/m|tot\s+en\s+met|[—–-])\s*(\d{1,2})/g);
  for (const step of steps) {
    const n = Number(step[2]);
    const previous = numbers[numbers.length - 1] ?? 0;
    if (n <= previous) return [];
    if (/^(?:,|en)$/.test(step[1] ?? '')) numbers.push(n);
    else for (let k = previous + 1; k <= n; k++) numbers.push(k);
  }
  return numbers.length > 30 ? [] : numbers;
}

/** Whether a heading at `place` may carry `first` after the highest number `last` so far. */
export function accepts(
  place: Candidate['place'],
  first: number,
  last: number,
  header: string,
): boolean {
  if (first <= last) return false;
  if (place === 'line-start') return first <= last + 3;
  if (place === 'after-sentence') return first <= last + 2;
  if (place === 'glued') return first === last + 1;
  // "… te houden 2. Zoo ja": an old-style "N." heading the OCR ran into the line.
  return first === last + 1 && header.endsWith('.');
}
