import { SCHEMA_ID } from '../validate/schema.ts';
import type { Table } from './tables.ts';

export interface ResourceStats {
  bytes: number;
  /** sha256 of the file, hex. */
  sha256: string;
}

export interface PackageMeta {
  /** Dataset version (SemVer), set by the release step; omitted when the build has none. */
  version?: string;
  /** ISO 8601 date-time of the data: from SOURCE_DATE_EPOCH or the newest answer date. */
  created?: string;
}

const PROFILE = 'https://datapackage.org/profiles/2.0';

const CSV_NOTES =
  'Cells that would start with =, +, -, @, a tab or a carriage return carry a leading apostrophe ' +
  '(spreadsheet formula guard); one more apostrophe is added to cells that already start with apostrophes before such a character, so removing one leading apostrophe restores the value. ' +
  'Empty cells are null.';

// Frictionless Data Package v2 descriptor of the CSV tables. `stats` holds bytes and hash per
// resource name, measured on the exact bytes written.
export function dataPackage(
  tables: readonly Table[],
  stats: ReadonlyMap<string, ResourceStats>,
  meta: PackageMeta,
): Record<string, unknown> {
  const descriptor: Record<string, unknown> = {
    $schema: `${PROFILE}/datapackage.json`,
    name: 'kamervragen',
    title: 'Kamervragen: Dutch parliamentary written questions and answers',
    description:
      "Written questions of members of the Dutch parliament (Kamervragen) and the government's answers, " +
      'as published in the Aanhangsel van de Handelingen: one row per document, asker, question, answer, footnote and reference. ' +
      `The records (kamervragen.json, kamervragen.ndjson; in the repository data/YYYY-YYYY.ndjson, one file per session year) follow the JSON Schema ${SCHEMA_ID}. ` +
      'The CSV tables and the single-file JSON and NDJSON are release assets; the repository holds the per-year NDJSON files.',
  };
  if (meta.version !== undefined) descriptor.version = meta.version;
  if (meta.created !== undefined) descriptor.created = meta.created;
  Object.assign(descriptor, {
    keywords: ['kamervragen', 'parliament', 'Tweede Kamer', 'written questions', 'Netherlands'],
    licenses: [
      {
        name: 'CC0-1.0',
        path: 'https://creativecommons.org/publicdomain/zero/1.0/',
        title: 'Creative Commons Zero v1.0 Universal (our work on the data)',
      },
    ],
    sources: [
      {
        title:
          'Officiële bekendmakingen: Aanhangsel van de Handelingen (publications of the Dutch government and parliament)',
        path: 'https://zoek.officielebekendmakingen.nl/',
      },
    ],
    resources: tables.map((table) => resource(table, stats)),
  });
  return descriptor;
}

function resource(
  table: Table,
  stats: ReadonlyMap<string, ResourceStats>,
): Record<string, unknown> {
  const measured = stats.get(table.name);
  if (!measured) throw new Error(`no bytes and hash measured for ${table.name}.csv`);
  const schema: Record<string, unknown> = {
    $schema: `${PROFILE}/tableschema.json`,
    fields: table.columns.map((column) => ({
      name: column.name,
      type: column.type,
      description: column.description,
      ...(column.required ? { constraints: { required: true } } : {}),
    })),
    missingValues: [''],
    primaryKey: [...table.primaryKey],
  };
  if (table.documentKey !== undefined) {
    schema.foreignKeys = [
      { fields: [table.documentKey], reference: { resource: 'documents', fields: ['id'] } },
    ];
  }
  return {
    name: table.name,
    type: 'table',
    path: `${table.name}.csv`,
    description: `${table.description} ${CSV_NOTES}`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    bytes: measured.bytes,
    hash: `sha256:${measured.sha256}`,
    dialect: {
      $schema: `${PROFILE}/tabledialect.json`,
      header: true,
      delimiter: ',',
      lineTerminator: '\n',
      quoteChar: '"',
      doubleQuote: true,
    },
    schema,
  };
}
