// The cases table: one row per zaak, its documents and the derived fields of build-cases.ts.
import { buildCases, CASE_DEFINITIONS, type CaseRow } from '../cases/build-cases.ts';
import type { CrossTable } from './cross-tables.ts';
import type { Cell, Column } from './tables.ts';

const SEP = '; ';
const list = (values: readonly string[]): string | null =>
  values.length === 0 ? null : values.join(SEP);
const bool = (v: boolean | null): string | null => (v === null ? null : String(v));
const ids = (what: string) => `Ids of the ${what} (documents.id), separated by "${SEP}".`;

const COLUMNS: readonly (Column & { cell: (row: CaseRow) => Cell })[] = [
  {
    name: 'case_number',
    type: 'string',
    required: true,
    description: 'The zaak number shared by the documents of the case, e.g. 2019Z15244.',
    cell: (r) => r.case_number,
  },
  {
    name: 'document_ids',
    type: 'string',
    required: true,
    description: ids('documents of the case, sorted'),
    cell: (r) => list(r.document_ids),
  },
  {
    name: 'questions_document_id',
    type: 'string',
    description:
      'The questions published on their own (Kamervragen zonder antwoord, kv-…), when the release has them.',
    cell: (r) => r.questions_document_id,
  },
  {
    name: 'submitted',
    type: 'date',
    description: CASE_DEFINITIONS.submitted!,
    cell: (r) => r.submitted,
  },
  {
    name: 'postponement_count',
    type: 'integer',
    required: true,
    description: 'Number of postponement notices (Mededeling uitstel antwoord).',
    cell: (r) => r.postponement_document_ids.length,
  },
  {
    name: 'postponement_dates',
    type: 'string',
    description: `${CASE_DEFINITIONS.postponement_dates!} Separated by "${SEP}".`,
    cell: (r) => list(r.postponement_dates),
  },
  {
    name: 'postponement_document_ids',
    type: 'string',
    description: ids('postponement notices'),
    cell: (r) => list(r.postponement_document_ids),
  },
  {
    name: 'answer_document_id',
    type: 'string',
    description: CASE_DEFINITIONS.answer_document_id!,
    cell: (r) => r.answer_document_id,
  },
  {
    name: 'answered',
    type: 'date',
    description: CASE_DEFINITIONS.answered!,
    cell: (r) => r.answered,
  },
  {
    name: 'supplementary_answer_count',
    type: 'integer',
    required: true,
    description: 'Number of supplementary answers (nader antwoord).',
    cell: (r) => r.supplementary_answer_document_ids.length,
  },
  {
    name: 'supplementary_answer_document_ids',
    type: 'string',
    description: ids('supplementary answers'),
    cell: (r) => list(r.supplementary_answer_document_ids),
  },
  {
    name: 'ministry_key',
    type: 'string',
    description:
      'Key of the answering portfolio (ministries.key): of the answer, else of the questions.',
    cell: (r) => r.ministry_key,
  },
  {
    name: 'party_keys',
    type: 'string',
    description: `Party keys (parties.key) of the askers, each once, separated by "${SEP}".`,
    cell: (r) => list(r.party_keys),
  },
  {
    name: 'days_to_answer',
    type: 'integer',
    description: CASE_DEFINITIONS.days_to_answer!,
    cell: (r) => r.days_to_answer,
  },
  {
    name: 'within_norm',
    type: 'boolean',
    description: CASE_DEFINITIONS.within_norm!,
    cell: (r) => bool(r.within_norm),
  },
  {
    name: 'postponed',
    type: 'boolean',
    required: true,
    description: CASE_DEFINITIONS.postponed!,
    cell: (r) => bool(r.postponed),
  },
  { name: 'open', type: 'boolean', description: CASE_DEFINITIONS.open!, cell: (r) => bool(r.open) },
  {
    name: 'days_open',
    type: 'integer',
    description: CASE_DEFINITIONS.days_open!,
    cell: (r) => r.days_open,
  },
  {
    name: 'open_past_norm',
    type: 'boolean',
    description: CASE_DEFINITIONS.open_past_norm!,
    cell: (r) => bool(r.open_past_norm),
  },
];

export const casesTable: CrossTable = {
  name: 'cases',
  description:
    'One row per case (zaak, case_number): the questions, postponement notices, answer and supplementary answers that share it, with the response time and whether the case was open on the release date. Documents without a case number are in no case.',
  primaryKey: ['case_number'],
  columns: COLUMNS.map(({ cell: _cell, ...column }) => column),
  foreignKeys: [
    { fields: ['answer_document_id'], reference: { resource: 'documents', fields: ['id'] } },
    { fields: ['ministry_key'], reference: { resource: 'ministries', fields: ['key'] } },
  ],
  rows: (records, releaseDate) =>
    buildCases(records, releaseDate).map((row) => COLUMNS.map((c) => c.cell(row))),
};
