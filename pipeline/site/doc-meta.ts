import type { Document } from '../types.ts';
import { displayTitle } from './record-names.ts';
import { compareText } from './html.ts';

// What the site keeps in memory of each record while it reads the rest: the metadata the
// landing page, the filters and the case links need, never the texts.

export interface DocMeta {
  id: string;
  type: Document['type'];
  title: string;
  askers: Document['askers'];
  answerer: Document['answerer'];
  submitted: string | null;
  answered: string | null;
  response_days: number | null;
  session_year: string | null;
  case_number: string | null;
  /** How many questions and answers the record holds. */
  questions: number;
  answers: number;
}

export function docMeta(doc: Document): DocMeta {
  return {
    id: doc.id,
    type: doc.type,
    title: displayTitle(doc),
    askers: doc.askers,
    answerer: doc.answerer,
    submitted: doc.submitted,
    answered: doc.answered,
    response_days: doc.response_days,
    session_year: doc.session_year,
    case_number: doc.case_number,
    questions: doc.questions.length,
    answers: doc.answers.length,
  };
}

/** The data files are split by session year; records without one go last. */
export const NO_YEAR = 'unknown';

export function yearGroup(doc: { session_year: string | null }): string {
  return doc.session_year && /^\d{4}-\d{4}$/.test(doc.session_year) ? doc.session_year : NO_YEAR;
}

/** Newest session year first, the unknown last. */
export function compareGroups(a: string, b: string): number {
  if (a === b) return 0;
  if (a === NO_YEAR) return 1;
  if (b === NO_YEAR) return -1;
  return compareText(b, a);
}

/** Within a session year: newest submitted first, then by id, so the order is total. */
export function compareInGroup(
  a: { id: string; submitted: string | null; answered: string | null },
  b: { id: string; submitted: string | null; answered: string | null },
): number {
  const x = a.submitted ?? a.answered ?? '';
  const y = b.submitted ?? b.answered ?? '';
  return compareText(y, x) || compareText(a.id, b.id);
}

/** The official publication: the record's own source URL, else the one an official id names. */
export function officialUrl(doc: { id: string; source?: { url: string | null } }): string | null {
  if (doc.source?.url) return doc.source.url;
  return /^(ah|kv)-tk-\d{8}-\d+$/.test(doc.id)
    ? `https://zoek.officielebekendmakingen.nl/${doc.id}`
    : null;
}
