// A folder's CSVs and NDJSON as DuckDB tables, read as a careful consumer would: every CSV with
// the column types its datapackage.json declares, nothing guessed.
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldType } from '../../pipeline/export/tables.ts';

export const SQL_TYPE: Record<FieldType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  date: 'DATE',
  boolean: 'BOOLEAN',
};
export const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Loads every CSV of datapackage.json as a table of its name, and `ndjson` as `records`. */
export async function loadTables(
  instance: DuckDBInstance,
  dir: string,
  ndjson = 'kamervragen.ndjson',
): Promise<DuckDBConnection> {
  const connection = await instance.connect();
  const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as {
    resources: {
      name: string;
      path: string;
      format: string;
      schema: { fields: { name: string; type: FieldType }[] };
    }[];
  };
  for (const resource of pkg.resources.filter((r) => r.format === 'csv')) {
    const columns = resource.schema.fields
      .map((f) => `${quote(f.name)}: ${quote(SQL_TYPE[f.type])}`)
      .join(', ');
    await connection.run(
      `CREATE OR REPLACE TABLE "${resource.name}" AS SELECT * FROM read_csv(${quote(join(dir, resource.path))}, ` +
        `header = true, delim = ',', quote = '"', escape = '"', new_line = '\\n', nullstr = '', ` +
        `auto_detect = false, columns = {${columns}})`,
    );
  }
  await connection.run(
    `CREATE OR REPLACE TABLE records AS SELECT * FROM read_json(${quote(join(dir, ndjson))}, format = 'newline_delimited')`,
  );
  return connection;
}

export async function rows(
  connection: DuckDBConnection,
  sql: string,
): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}
