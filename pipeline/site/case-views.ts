// The tables behind the cases page: response time by ministry and by year, the share within the
// three-week norm, the open questions past the norm, and questions per party over time. Pure:
// the same cases (pipeline/cases/build-cases.ts, from the published records) give the same rows.
import { buildCases, NORM_DAYS, type CaseInput, type CaseRow } from '../cases/build-cases.ts';
import { ENTITIES } from '../normalize/entities.ts';
import { recordFacts } from '../normalize/record-facts.ts';
import type { Document } from '../types.ts';
import { compareText } from './html.ts';

export type ViewCell = string | number | null;

export interface ViewTable {
  /** File name of the CSV download, in data/. */
  file: string;
  columns: string[];
  rows: ViewCell[][];
}

export interface CaseViews {
  releaseDate: string | null;
  cases: number;
  byMinistry: ViewTable;
  byYear: ViewTable;
  openPastNorm: ViewTable;
  partyByYear: ViewTable;
}

const NAMES = new Map(ENTITIES.ministries.map((m) => [m.key, m.name]));

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

function responseRows(groups: Map<string, CaseRow[]>): ViewCell[][] {
  return [...groups].map(([label, rows]) => {
    const answered = rows.filter((r) => r.days_to_answer !== null);
    const within = answered.filter((r) => r.within_norm === true).length;
    return [
      label,
      answered.length,
      median(answered.map((r) => r.days_to_answer!)),
      percent(within, answered.length),
      rows.filter((r) => r.postponed).length,
    ];
  });
}

function groupBy(rows: readonly CaseRow[], key: (r: CaseRow) => string | null) {
  const groups = new Map<string, CaseRow[]>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const RESPONSE_COLUMNS = [
  'answered_cases',
  'median_days_to_answer',
  `percent_within_${NORM_DAYS}_days`,
  'postponed_cases',
];

/** What the views need of one record: small, so a site build keeps one per document. */
export function caseInput(d: Document): CaseInput {
  return { id: d.id, submitted: d.submitted, answered: d.answered, facts: recordFacts(d) };
}

export function caseViews(inputs: readonly CaseInput[], releaseDate: string | null): CaseViews {
  const cases = buildCases(inputs, releaseDate);
  const answered = cases.filter((c) => c.answer_document_id !== null);
  const year = (r: CaseRow) => r.submitted?.slice(0, 4) ?? null;
  const byMinistry = responseRows(groupBy(answered, (r) => r.ministry_key ?? 'unmapped'))
    .map((row): ViewCell[] => [row[0]!, NAMES.get(String(row[0])) ?? null, ...row.slice(1)])
    .sort((a, b) => Number(b[2]) - Number(a[2]));
  const open = cases
    .filter((c) => c.open_past_norm === true)
    .sort((a, b) => (b.days_open ?? 0) - (a.days_open ?? 0));
  const parties = new Map<string, number>();
  for (const c of cases)
    for (const p of c.party_keys) {
      const k = `${p}\u0000${year(c) ?? ''}`;
      parties.set(k, (parties.get(k) ?? 0) + 1);
    }
  return {
    releaseDate,
    cases: cases.length,
    byMinistry: {
      file: 'response-by-ministry.csv',
      columns: ['ministry_key', 'ministry', ...RESPONSE_COLUMNS],
      rows: byMinistry,
    },
    byYear: {
      file: 'response-by-year.csv',
      columns: ['year_submitted', ...RESPONSE_COLUMNS],
      rows: responseRows(groupBy(answered, year)),
    },
    openPastNorm: {
      file: 'open-past-norm.csv',
      columns: [
        'case_number',
        'submitted',
        'days_open',
        'ministry_key',
        'postponed',
        'document_ids',
      ],
      rows: open.map((c) => [
        c.case_number,
        c.submitted,
        c.days_open,
        c.ministry_key,
        String(c.postponed),
        c.document_ids.join('; '),
      ]),
    },
    partyByYear: {
      file: 'questions-per-party.csv',
      columns: ['party_key', 'year_submitted', 'cases'],
      rows: [...parties]
        .map(([k, n]): ViewCell[] => [...k.split('\u0000'), n])
        .sort(
          (a, b) =>
            compareText(String(a[0]), String(b[0])) || compareText(String(a[1]), String(b[1])),
        ),
    },
  };
}
