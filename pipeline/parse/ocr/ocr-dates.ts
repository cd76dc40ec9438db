import { MONTH_NAMES, parseDutchDate, type DateResult } from '../common/dates.ts';


// A date as OCR prints it: "16juni1978", "8 ok-tober1979", "29 novenv ber 1974",
// "13 nc~ vember 1970". The month is read by the nearest month name (at most two letters off),
// and only when one month is nearest.
export function parseOcrDate(text: string): DateResult {
  const plain = parseDutchDate(text.replace(/(\p{L})-\s*(\p{L})/gu, '$1$2'));
  if (plain.date) return plain;
  const m = /(\d{1,2})\s*([^\d()]{3,14}?)\s*(\d{4})/.exec(text);
  if (!m) return plain;
  const letters = (m[2] ?? '').toLowerCase().replace(/[^a-z]/g, '');
  const scored = MONTH_NAMES.map((name) => ({ name, d: distance(letters, name) })).sort(
    (a, b) => a.d - b.d,
  );
  const best = scored[0];
  const second = scored[1];
  if (!best || best.d > 2 || (second && second.d === best.d)) return plain;
  return parseDutchDate(`${m[1]} ${best.name} ${m[3]}`);
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}
