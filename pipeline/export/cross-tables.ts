// Tables made across records rather than one record at a time: the cases, the reference lists
// and the mapping report. Each is a pure function of the record summaries' facts (small rows),
// so a streamed build computes them at the end without holding any record.
import { buildCases, CASE_DEFINITIONS, type CaseInput } from '../cases/build-cases.ts';
import { mappingReport } from '../normalize/mapping-report.ts';
import type { RecordFacts } from '../normalize/record-facts.ts';
import { casesTable } from './cases-table.ts';
import { ministriesTable, partiesTable, personsTable } from './reference-tables.ts';
import type { Cell, Column } from './tables.ts';
import { csvLine } from './to-csv.ts';

export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface CrossInput extends CaseInput {
  facts: RecordFacts;
}

export interface CrossTable {
  name: string;
  description: string;
  columns: readonly Column[];
  primaryKey: readonly string[];
  foreignKeys?: readonly ForeignKey[];
  rows(records: readonly CrossInput[], releaseDate: string | null): Cell[][];
}

const mappingsTable: CrossTable = {
  name: 'mappings',
  description:
    'The mapping report: every party, ministry and asker as printed in the records, the key it maps to by data/entities (empty: unmapped), and the number of documents it appears in. Unmapped values first, most frequent first.',
  primaryKey: ['kind', 'printed', 'key'],
  columns: [
    { name: 'kind', type: 'string', required: true, description: 'party, ministry or person.' },
    {
      name: 'printed',
      type: 'string',
      required: true,
      description:
        'The value as printed: a party spelling, an office or portfolio, or an asker as "canonical name (printed party)".',
    },
    { name: 'key', type: 'string', description: 'The key it maps to; empty when unmapped.' },
    {
      name: 'documents',
      type: 'integer',
      required: true,
      description: 'Number of documents in which it appears.',
    },
  ],
  rows: (records) => mappingReport(records).map((r) => [r.kind, r.printed, r.key, r.documents]),
};

/** Every cross-record table, in the order of datapackage.json (after the per-record tables). */
export const CROSS_TABLES: readonly CrossTable[] = [
  casesTable,
  partiesTable,
  ministriesTable,
  personsTable,
  mappingsTable,
];

/** The CSV files of the cross tables: header and rows, as one string each. */
export function crossTableFiles(
  records: readonly CrossInput[],
  releaseDate: string | null,
): { name: string; chunks: () => string[] }[] {
  return CROSS_TABLES.map((table) => ({
    name: `${table.name}.csv`,
    chunks: () => {
      let text = csvLine(table.columns.map((c) => c.name));
      for (const row of table.rows(records, releaseDate)) text += csvLine(row);
      return [text];
    },
  }));
}

export { buildCases, CASE_DEFINITIONS };
