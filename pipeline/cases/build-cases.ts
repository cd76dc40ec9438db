// One row per zaak (case_number): every document of the case, and what its dates say. Pure over
// small rows (a record summary's facts), so a build of any size computes it without the records.
// The derived fields and their definitions are declared in CASE_DEFINITIONS (the data dictionary
// and the cases table's column descriptions are made from them).
import type { RecordFacts } from '../normalize/record-facts.ts';

/** What a case needs of one record. */
export interface CaseInput {
  id: string;
  submitted: string | null;
  answered: string | null;
  facts: Pick<RecordFacts, 'type' | 'case_number' | 'ministry_key' | 'party_keys'>;
}

/** The norm of the Reglement van Orde (art. 12.3 in the 2021 text): an answer within three weeks. */
export const NORM_DAYS = 21;

export interface CaseRow {
  case_number: string;
  document_ids: string[];
  questions_document_id: string | null;
  submitted: string | null;
  postponement_document_ids: string[];
  postponement_dates: string[];
  answer_document_id: string | null;
  answered: string | null;
  supplementary_answer_document_ids: string[];
  ministry_key: string | null;
  party_keys: string[];
  days_to_answer: number | null;
  within_norm: boolean | null;
  postponed: boolean;
  open: boolean | null;
  days_open: number | null;
  open_past_norm: boolean | null;
}

const DAY = 86_400_000;

/** Calendar days from a to b (ISO dates); null when either is unknown. */
export function daysBetween(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

const byDateThenId = (a: CaseInput, b: CaseInput, date: (r: CaseInput) => string | null) => {
  const x = date(a) ?? '9999';
  const y = date(b) ?? '9999';
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

const earliest = (dates: (string | null)[]): string | null =>
  dates.reduce<string | null>((m, d) => (d !== null && (m === null || d < m) ? d : m), null);

/**
 * The cases of these records, sorted by case number. `releaseDate` (YYYY-MM-DD, the dataset's
 * date) is the day "open" and "days open" are counted to; null leaves them empty.
 * Records without a case number belong to no case.
 */
export function buildCases(records: Iterable<CaseInput>, releaseDate: string | null): CaseRow[] {
  const groups = new Map<string, CaseInput[]>();
  for (const r of records) {
    const n = r.facts.case_number;
    if (n !== null) groups.set(n, [...(groups.get(n) ?? []), r]);
  }
  return [...groups.keys()].sort().map((n) => caseRow(n, groups.get(n)!, releaseDate));
}

function caseRow(caseNumber: string, docs: CaseInput[], releaseDate: string | null): CaseRow {
  const of = (type: RecordFacts['type']) =>
    docs.filter((d) => d.facts.type === type).sort((a, b) => byDateThenId(a, b, (r) => r.answered));
  const questions = docs
    .filter((d) => d.facts.type === 'questions')
    .sort((a, b) => byDateThenId(a, b, (r) => r.submitted));
  const postponements = of('postponement');
  const answer = of('answer')[0] ?? null;
  const supplementary = of('supplementary_answer');
  const submitted = earliest(docs.map((d) => d.submitted));
  const answered = answer?.answered ?? null;
  const days = answer === null ? null : daysBetween(submitted, answered);
  // A supplementary answer implies an answer, even when the first one is not in the data.
  const answerless = answer === null && supplementary.length === 0;
  const open = answerless ? (releaseDate === null ? null : true) : false;
  const daysOpen = open === true ? daysBetween(submitted, releaseDate) : null;
  const ministrySource = answer ?? questions[0] ?? docs[0]!;
  return {
    case_number: caseNumber,
    document_ids: docs.map((d) => d.id).sort(),
    questions_document_id: questions[0]?.id ?? null,
    submitted,
    postponement_document_ids: postponements.map((d) => d.id),
    postponement_dates: postponements.flatMap((d) => (d.answered === null ? [] : [d.answered])),
    answer_document_id: answer?.id ?? null,
    answered,
    supplementary_answer_document_ids: supplementary.map((d) => d.id),
    ministry_key:
      ministrySource.facts.ministry_key ??
      docs.find((d) => d.facts.ministry_key)?.facts.ministry_key ??
      null,
    party_keys: [...new Set(docs.flatMap((d) => d.facts.party_keys))],
    days_to_answer: days,
    within_norm: days === null ? null : days <= NORM_DAYS,
    postponed: postponements.length > 0,
    open,
    days_open: daysOpen,
    open_past_norm: open === null ? null : daysOpen !== null && daysOpen > NORM_DAYS,
  };
}

/** The declared definitions of the derived fields (data dictionary, datapackage.json). */
export const CASE_DEFINITIONS: Readonly<Record<string, string>> = {
  submitted:
    'Date the questions were submitted (ingezonden): the earliest date submitted stated by any document of the case.',
  postponement_dates:
    'Dates of the postponement notices (Mededeling uitstel antwoord), as each states it received, in date order.',
  answer_document_id:
    'The answer (type answer) of the case: when several, the earliest answered. Supplementary answers (nader antwoord) are listed apart.',
  answered: 'Date the answer was received (ontvangen), from the answer document.',
  days_to_answer: `Calendar days from submitted to answered; empty when the case has no answer or either date is unknown.`,
  within_norm: `true when days_to_answer is at most ${NORM_DAYS} (the three-week norm of the Reglement van Orde); empty when days_to_answer is.`,
  postponed: 'true when the case has at least one postponement notice.',
  open: 'true when the case has neither an answer nor a supplementary answer in this release (a question without answer yet); counted on the release date.',
  days_open:
    "For an open case: calendar days from submitted to the release's date (manifest.json date; not the day you read it, so the value is reproducible). Empty otherwise.",
  open_past_norm: `true when the case is open and days_open is more than ${NORM_DAYS}.`,
};
