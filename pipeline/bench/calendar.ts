// Day arithmetic for generated documents: a corpus spreads its documents evenly over thirty
// vergaderjaren so that Aanhangsel numbers can be computed per document without a counter.

const DAY_MS = 86_400_000;

export const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A vergaderjaar opens on Prinsjesdag, the third Tuesday of September. */
export function sessionStart(year: number): number {
  const first = dayNumber(`${year}-09-01`);
  const weekday = new Date(first * DAY_MS).getUTCDay(); // 0 = Sunday, 2 = Tuesday
  return first + ((2 - weekday + 7) % 7) + 14;
}

/** First calendar year of the vergaderjaar a day falls in. */
export function sessionOf(day: number): number {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  return day >= sessionStart(year) ? year : year - 1;
}

export const CORPUS_START = dayNumber('1995-10-02');
export const CORPUS_SPAN = dayNumber('2025-09-01') - CORPUS_START;
/** Documents made after a corpus (the incremental case) fall after its last day. */
export const EXTRA_START = dayNumber('2025-10-01');

/** The publication day of document `index` of `total`; increasing in index. */
export function publicationDay(index: number, total: number): number {
  if (index >= total) return EXTRA_START + (index - total);
  return CORPUS_START + Math.floor((index * CORPUS_SPAN) / total);
}

/** Aanhangsel number: the document's position among the corpus documents of its vergaderjaar. */
export function aanhangselNumber(index: number, total: number): number {
  const day = publicationDay(index, total);
  if (index >= total) return index - total + 1;
  const k = Math.max(0, sessionStart(sessionOf(day)) - CORPUS_START);
  // Smallest i with floor(i * span / total) >= k.
  const first = Math.ceil((k * total) / CORPUS_SPAN);
  return index - first + 1;
}
