import type { DocMeta } from './doc-meta.ts';
import { compareText } from './html.ts';

// Figures for the landing page, computed from the records alone (no clock, no locale).

/** The norm the government holds itself to: an answer within three weeks. */
export const RESPONSE_NORM_DAYS = 21;

export interface Count {
  label: string;
  value: number;
}

export interface Summary {
  documents: number;
  questions: number;
  answers: number;
  askers: number;
  parties: number;
  firstSubmitted: string | null;
  lastAnswered: string | null;
  medianResponseDays: number | null;
  /** Share (0..1) of documents with a response time that were answered within the norm. */
  withinNorm: number | null;
  withResponseDays: number;
  /** Questions by month of submission, "YYYY-MM", every month from first to last. */
  questionsPerMonth: Count[];
  /** Documents by response time, in weekly bins; the last bin is open-ended. */
  responseHistogram: { from: number; to: number | null; value: number }[];
  /** Documents with at least one asker of the party. */
  perParty: Count[];
  /** Documents answered by the portfolio (answerer.portfolio). */
  perMinistry: Count[];
}

export const UNKNOWN = 'unknown';
/** The portfolio label of documents no one has answered yet (questions, postponements). */
export const UNANSWERED = 'not answered yet';

type Fields = Pick<DocMeta, 'askers' | 'answerer' | 'submitted' | 'answered' | 'session_year'>;

export function ministryOf(doc: Pick<Fields, 'answerer'>): string | null {
  return doc.answerer?.portfolio ?? null;
}

export function partiesOf(doc: Pick<Fields, 'askers'>): string[] {
  const parties = (doc.askers ?? []).map((a) => a.party).filter((p): p is string => p !== null);
  return [...new Set(parties)].sort(compareText);
}

/** The year a document belongs to: submitted, else answered, else the first year of the vergaderjaar. */
export function yearOf(doc: Fields): number | null {
  const date = doc.submitted ?? doc.answered;
  if (date) return Number(date.slice(0, 4));
  return doc.session_year ? Number(doc.session_year.slice(0, 4)) : null;
}

export function summarize(documents: readonly DocMeta[]): Summary {
  const days = documents
    .map((d) => d.response_days)
    .filter((n): n is number => n !== null)
    .sort((a, b) => a - b);
  const submitted = documents
    .map((d) => d.submitted)
    .filter((s): s is string => s !== null)
    .sort(compareText);
  const answered = documents
    .map((d) => d.answered)
    .filter((s): s is string => s !== null)
    .sort(compareText);
  const askers = new Set(
    documents.flatMap((d) => (d.askers ?? []).map((a) => `${a.name}\u0000${a.party ?? ''}`)),
  );
  const parties = new Set(documents.flatMap(partiesOf));
  return {
    documents: documents.length,
    questions: documents.reduce((n, d) => n + d.questions, 0),
    answers: documents.reduce((n, d) => n + d.answers, 0),
    askers: askers.size,
    parties: parties.size,
    firstSubmitted: submitted[0] ?? null,
    lastAnswered: answered[answered.length - 1] ?? null,
    medianResponseDays: median(days),
    withinNorm: days.length
      ? days.filter((n) => n <= RESPONSE_NORM_DAYS).length / days.length
      : null,
    withResponseDays: days.length,
    questionsPerMonth: questionsPerMonth(documents),
    responseHistogram: responseHistogram(days),
    perParty: countBy(documents.flatMap(partiesOf)),
    perMinistry: countBy(
      documents.map((d) => ministryOf(d) ?? (d.answerer || d.answers ? UNKNOWN : UNANSWERED)),
    ),
  };
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const a = sorted[mid] ?? 0;
  return sorted.length % 2 ? a : ((sorted[mid - 1] ?? 0) + a) / 2;
}

/** Largest first; ties by label so the order is stable. */
export function countBy(labels: readonly string[]): Count[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts]
    .map(([label, value]) => ({ label, value }))
    .sort((a, b) => b.value - a.value || compareText(a.label, b.label));
}

function questionsPerMonth(documents: readonly DocMeta[]): Count[] {
  const counts = new Map<string, number>();
  for (const d of documents) {
    if (!d.submitted) continue;
    const month = d.submitted.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + d.questions);
  }
  const months = [...counts.keys()].sort(compareText);
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return [];
  // Every month in the range, so gaps show as gaps rather than being skipped.
  const out: Count[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ label, value: counts.get(label) ?? 0 });
    if (label === last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

// Weekly bins whose edges fall on the norm: 0–7, 8–14, 15–21 | 22–28 …, then one open bin.
function responseHistogram(days: readonly number[]): Summary['responseHistogram'] {
  const week = 7;
  const weeks = 16;
  const bins: Summary['responseHistogram'] = [];
  for (let k = 0; k < weeks; k += 1)
    bins.push({ from: k === 0 ? 0 : k * week + 1, to: (k + 1) * week, value: 0 });
  bins.push({ from: weeks * week + 1, to: null, value: 0 });
  for (const n of days) {
    const index = Math.min(Math.max(0, Math.ceil(n / week) - 1), bins.length - 1);
    const bin = bins[index];
    if (bin) bin.value += 1;
  }
  return bins;
}
