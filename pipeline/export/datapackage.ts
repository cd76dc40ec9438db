import { SCHEMA_ID } from '../validate/schema.ts';
import { DUCKDB_TYPES, PARQUET_MEDIATYPE, parquetName } from './parquet-sql.ts';
import type { ForeignKey } from './cross-tables.ts';
import { TABLES, type Table } from './tables.ts';
import { XLSX_MAX_CELL } from './xlsx-cells.ts';

/** What a resource's descriptor needs of a table (per-record or cross-record). */
export type DescribedTable = Pick<Table, 'name' | 'description' | 'columns' | 'primaryKey'> & {
  documentKey?: string | undefined;
  references?: Table['references'];
  foreignKeys?: readonly ForeignKey[] | undefined;
};

export interface ResourceStats {
  bytes: number;
  /** sha256 of the file, hex. */
  sha256: string;
}

export interface PackageMeta {
  /** Dataset version (SemVer), set by the release step; omitted when the build has none. */
  version?: string;
  /** ISO 8601 date-time the version was released (its manifest's date). */
  created?: string;
  /** Bytes and hash of each table's Parquet file, by table name, when the build wrote them. */
  parquet?: ReadonlyMap<string, ResourceStats>;
  /** The workbook of each session year, when the build wrote them. */
  workbooks?: readonly WorkbookMeta[];
}

export interface WorkbookMeta {
  year: string;
  stats: ResourceStats;
  /** The workbook's name where it is published (a release names it after its version). */
  path: string;
}

const PROFILE = 'https://datapackage.org/profiles/2.0';

const CSV_NOTES =
  'Every cell holds the exact value of the record (kamervragen.json); nothing is prefixed or escaped beyond RFC 4180 quoting. ' +
  'Cells that start with =, +, - or @, or hold ";" or a tab, are always quoted. ' +
  'Empty cells are null; a list column is empty both for none and for unknown, and its *_count column (0 or empty) tells which.';
// The workbooks hold the per-record tables only.
const IN_WORKBOOKS = new Set(TABLES.map((t) => t.name));
const SPREADSHEET_NOTE = (table: string) =>
  IN_WORKBOOKS.has(table)
    ? 'Spreadsheet users: open the workbook of a session year (kamervragen-<version>-<year>.xlsx), whose cells are typed text, not this file.'
    : 'Spreadsheet users: no workbook holds this table; import the CSV with every column as text.';

// Frictionless Data Package v2 descriptor of the CSV tables. `stats` holds bytes and hash per
// resource name, measured on the exact bytes written.
export function dataPackage(
  tables: readonly DescribedTable[],
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
    resources: [
      ...tables.map((table) => resource(table, stats)),
      ...analystResources(tables, meta),
    ],
  });
  return descriptor;
}

// Parquet and the workbook cover the tables the build wrote them for (the per-record tables).
function analystResources(
  tables: readonly DescribedTable[],
  meta: PackageMeta,
): Record<string, unknown>[] {
  const parquet = meta.parquet;
  const typed = parquet === undefined ? [] : tables.filter((table) => parquet.has(table.name));
  return [
    ...typed.map((table) => parquetResource(table, parquet!)),
    ...(meta.workbooks ?? []).map((book) => workbookResource(typed, book)),
  ];
}

function workbookResource(
  tables: readonly DescribedTable[],
  { year, stats, path }: WorkbookMeta,
): Record<string, unknown> {
  return {
    name: `workbook_${year}`,
    path,
    description: `For spreadsheet users: the records of session year ${year}, their tables (${tables.map((t) => t.name).join(', ')}) as the sheets of one workbook. Cells are typed: declared integers are numbers, every other cell is text and never a formula; a cell longer than Excel's limit of ${XLSX_MAX_CELL} characters is cut and says so.`,
    format: 'xlsx',
    mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: stats.bytes,
    hash: `sha256:${stats.sha256}`,
  };
}

/** The Parquet copy of a table is resource `<table>_parquet`; its keys refer to Parquet resources. */
export const parquetResourceName = (table: string): string => `${table}${PARQUET_RESOURCE}`;
const PARQUET_RESOURCE = '_parquet';

function parquetResource(
  table: DescribedTable,
  stats: ReadonlyMap<string, ResourceStats>,
): Record<string, unknown> {
  const measured = stats.get(table.name);
  if (!measured) throw new Error(`no bytes and hash measured for ${parquetName(table)}`);
  const schema = tableSchema(table, parquetResourceName);
  delete schema.missingValues;
  return {
    name: parquetResourceName(table.name),
    type: 'table',
    path: parquetName(table),
    description: `${table.description} The same rows as ${table.name}.csv, typed (${Object.entries(
      DUCKDB_TYPES,
    )
      .map(([field, type]) => `${field}: ${type}`)
      .join(', ')}), in Parquet with zstd compression.`,
    format: 'parquet',
    mediatype: PARQUET_MEDIATYPE,
    bytes: measured.bytes,
    hash: `sha256:${measured.sha256}`,
    schema,
  };
}

function tableSchema(
  table: DescribedTable,
  resourceOf: (name: string) => string,
): Record<string, unknown> {
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
  const foreignKeys = [
    ...(table.documentKey === undefined
      ? []
      : [
          {
            fields: [table.documentKey],
            reference: { resource: resourceOf('documents'), fields: ['id'] },
          },
        ]),
    ...(table.references ?? []).map((r) => ({
      fields: [...r.fields],
      reference: { resource: resourceOf(r.resource), fields: [...r.keys] },
    })),
    ...(table.foreignKeys ?? []).map((k) => ({
      fields: [...k.fields],
      reference: { resource: resourceOf(k.reference.resource), fields: [...k.reference.fields] },
    })),
  ];
  if (foreignKeys.length > 0) schema.foreignKeys = foreignKeys;
  return schema;
}

function resource(
  table: DescribedTable,
  stats: ReadonlyMap<string, ResourceStats>,
): Record<string, unknown> {
  const measured = stats.get(table.name);
  if (!measured) throw new Error(`no bytes and hash measured for ${table.name}.csv`);
  const schema = tableSchema(table, (name) => name);
  return {
    name: table.name,
    type: 'table',
    path: `${table.name}.csv`,
    description: `${table.description} ${CSV_NOTES} ${SPREADSHEET_NOTE(table.name)}`,
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
