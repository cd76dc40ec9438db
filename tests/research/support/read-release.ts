// Reads a release folder the way a researcher would: DuckDB on the Parquet and CSV files with
// the types datapackage.json declares, papaparse on the CSVs, JSON.parse on the records.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { FieldType } from '../../../pipeline/export/tables.ts';
import type { Document } from '../../../pipeline/types.ts';

export interface Resource {
  name: string;
  path: string;
  format: string;
  bytes: number;
  hash: string;
  schema: {
    fields: { name: string; type: FieldType }[];
    primaryKey: string[];
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  };
}

export interface ReleaseFolder {
  dir: string;
  records: Document[];
  resources: Resource[];
  datapackage: Record<string, unknown> & { resources: Resource[] };
}

export function readRelease(dir: string): ReleaseFolder {
  const datapackage = JSON.parse(
    readFileSync(join(dir, 'datapackage.json'), 'utf8'),
  ) as ReleaseFolder['datapackage'];
  // A release folder names the single-file download after its version.
  const { version } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    version: string;
  };
  const json = join(dir, `kamervragen-${version}.json`);
  const records = JSON.parse(readFileSync(json, 'utf8')) as Document[];
  // The tables (CSV and Parquet); the workbook is a resource without a table schema.
  const resources = datapackage.resources.filter(
    (r) => r.format === 'csv' || r.format === 'parquet',
  );
  return { dir, records, resources, datapackage };
}

export const sha256 = (path: string) =>
  createHash('sha256').update(readFileSync(path)).digest('hex');

/** The CSV as text cells (null for empty), header dropped, exactly as papaparse reads it. */
export function csvCells(path: string): { header: string[]; rows: (string | null)[][] } {
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), {
    newline: '\n',
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) throw new Error(JSON.stringify(parsed.errors));
  const [header = [], ...rows] = parsed.data;
  return { header, rows: rows.map((r) => r.map((c) => (c === '' ? null : c))) };
}

const DUCK: Record<FieldType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  date: 'DATE',
  boolean: 'BOOLEAN',
};
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** One DuckDB connection with a view per resource: Parquet as it is, CSV read with declared types. */
export async function openInDuckDB(
  release: ReleaseFolder,
): Promise<{ connection: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  for (const r of release.resources) {
    const path = q(join(release.dir, r.path));
    const columns = r.schema.fields.map((f) => `${q(f.name)}: ${q(DUCK[f.type])}`).join(', ');
    const source =
      r.format === 'parquet'
        ? `read_parquet(${path})`
        : `read_csv(${path}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${columns}})`;
    await connection.run(`CREATE VIEW "${r.name}" AS SELECT * FROM ${source}`);
  }
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export async function query(
  connection: DuckDBConnection,
  sql: string,
): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

export { DUCK as DECLARED_DUCKDB_TYPES };
