import type { Document } from '../types.ts';
import { compareText, scriptJson } from './html.ts';
import { ministryOf, partiesOf, yearOf } from './summarize.ts';

// The compact table the browse section searches in the browser: one row per document, only
// the fields the table shows, so the page stays small enough for a phone.

export interface BrowseRow {
  /** id */ i: string;
  /** title */ t: string;
  /** askers, "Name (Party), …" */ a: string;
  /** parties */ p: string[];
  /** ministry (answerer portfolio) */ m: string | null;
  /** answered by, "Minister Kaag" (the portfolio is m) */ b: string;
  /** submitted */ s: string | null;
  /** answered */ r: string | null;
  /** response days */ d: number | null;
  /** year */ y: number | null;
  /** case number, for search */ z: string | null;
}

export function browseRows(documents: readonly Document[]): BrowseRow[] {
  return [...documents]
    .sort((x, y) => compareText(y.submitted ?? '', x.submitted ?? '') || compareText(x.id, y.id))
    .map((doc) => ({
      i: doc.id,
      t: displayTitle(doc),
      a: (doc.askers ?? []).map((a) => (a.party ? `${a.name} (${a.party})` : a.name)).join(', '),
      p: partiesOf(doc),
      m: ministryOf(doc),
      b: [doc.answerer?.role, doc.answerer?.name].filter(Boolean).join(' '),
      s: doc.submitted,
      r: doc.answered,
      d: doc.response_days,
      y: yearOf(doc),
      z: doc.case_number,
    }));
}

/** The subject, or when the text states none, the start of the first question. */
export function displayTitle(doc: Document): string {
  const title = doc.title ?? doc.questions[0]?.text.replace(/\s+/g, ' ').trim() ?? doc.id;
  const short = title.length > 140 ? `${title.slice(0, 139).trimEnd()}…` : title;
  return short.charAt(0).toUpperCase() + short.slice(1);
}

export function answeredBy(doc: Document): string {
  const a = doc.answerer;
  if (!a) return '';
  const who = [a.role, a.name].filter(Boolean).join(' ');
  return a.portfolio ? `${who} (${a.portfolio})` : who;
}

export const BROWSE_KEYS = [
  'i',
  't',
  'a',
  'p',
  'm',
  'b',
  's',
  'r',
  'd',
  'y',
  'z',
] as const satisfies readonly (keyof BrowseRow)[];

/**
 * A script file that works from file:// too (fetch of a JSON file would not). Rows are arrays
 * in BROWSE_KEYS order, a fifth smaller than objects; the page turns them back into objects.
 */
export function browseScriptData(rows: readonly BrowseRow[]): string {
  const data = { keys: BROWSE_KEYS, rows: rows.map((r) => BROWSE_KEYS.map((k) => r[k])) };
  return `window.KAMERVRAGEN_INDEX = ${scriptJson(data)};\n`;
}
