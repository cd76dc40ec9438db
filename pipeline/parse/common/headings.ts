// Question and answer headings as printed: "Vraag 4, 5", "Vraag 7, 8, 9 10 en 11", "Vragen 2 t/m 4",
// "Antwoord 1", "Antwoord op vraag 3, 4 en 5", "Antwoord vraag 7", "Antwoord 5 en 6", bare "Antwoord".
import { pushAll } from './lists.ts';

// Between two numbers: a word or sign with optional blanks around it, or blanks alone. Each run of
// blanks can be read in one way only (blanks alone are not also "a sign with blanks around it"),
// so a line that almost matches fails in linear time instead of trying every split of its blanks.
const SEPARATOR = String.raw`(?:\s*(?:,|\ben\b|&|t\/m|tot\s+en\s+met|-|–)\s*|\s+)`;
const LIST = String.raw`\d{1,3}[a-z]?(?:${SEPARATOR}\d{1,3}[a-z]?)*`;
const QUESTION = new RegExp(String.raw`^(?:Vraag|Vragen)\s*(${LIST})\s*[:.]?$`, 'i');
const ANSWER = new RegExp(
  String.raw`^Antwoord(?:en)?(?:\s+(?:op|bij))?(?:\s+(?:de\s+)?(?:vraag|vragen))?\s*(${LIST})?\s*[:.]?$`,
  'i',
);

const ONE_NUMBER = /^\d{1,3}$/;

/** The numbers of "3, 4 en 5", "9 10 en 11", "2 t/m 4". Empty when none. */
export function parseNumberList(text: string): number[] {
  // Most headings hold one number: no split, matches and set for it.
  if (ONE_NUMBER.test(text)) return [Number(text)];
  const numbers: number[] = [];
  const parts = text.split(/\s*(t\/m|tot\s+en\s+met|[-–])\s*/);
  for (let i = 0; i < parts.length; i += 2) {
    const values = (parts[i] ?? '').match(/\d{1,3}/g)?.map(Number) ?? [];
    const rangeEnd =
      i + 2 < parts.length ? Number((parts[i + 2] ?? '').match(/^\d{1,3}/)?.[0]) : NaN;
    if (
      values.length > 0 &&
      Number.isFinite(rangeEnd) &&
      rangeEnd > (values.at(-1) ?? 0) &&
      rangeEnd - (values.at(-1) ?? 0) < 30
    ) {
      const from = values.pop() ?? 0;
      pushAll(numbers, values);
      for (let n = from; n < rangeEnd; n++) numbers.push(n);
    } else {
      pushAll(numbers, values);
    }
  }
  return [...new Set(numbers)];
}

export function questionHeading(line: string): number[] | null {
  const m = QUESTION.exec(line.trim());
  if (!m) return null;
  const numbers = parseNumberList(m[1] ?? '');
  return numbers.length > 0 ? numbers : null;
}

/** Numbers of an answer heading; [] for a bare "Antwoord"; null when the line is no answer heading. */
export function answerHeading(line: string): number[] | null {
  const m = ANSWER.exec(line.trim());
  if (!m) return null;
  return m[1] ? parseNumberList(m[1]) : [];
}
