// What the Parquet files hold, as SQL for DuckDB: each table read back from the CSV the export
// wrote, with the types datapackage.json declares (never guessed), copied to one Parquet file.
// Pure text; pipeline/build/write-parquet.ts and write-xlsx.ts run it.
import type { FieldType, Table } from './tables.ts';

export const PARQUET_SUFFIX = '.parquet';
export const PARQUET_MEDIATYPE = 'application/vnd.apache.parquet';

/** DuckDB (and so Parquet) type of each declared field type. */
export const DUCKDB_TYPES: Readonly<Record<FieldType, string>> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  date: 'DATE',
  boolean: 'BOOLEAN',
};

// Large enough for the longest answer a document can hold (the build caps a document's size far
// below this); DuckDB's default of 2 MB per line would refuse a long one.
const MAX_LINE_BYTES = 1 << 30;

export const parquetName = (table: Pick<Table, 'name'>): string => `${table.name}${PARQUET_SUFFIX}`;

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A SELECT of the table's CSV with exactly its declared columns and types. */
export function readCsvSql(table: Table, csvPath: string): string {
  const columns = table.columns
    .map((c) => `${sqlString(c.name)}: ${sqlString(DUCKDB_TYPES[c.type])}`)
    .join(', ');
  return (
    `SELECT * FROM read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, ` +
    `delim = ',', quote = '"', escape = '"', new_line = '\\n', nullstr = '', ` +
    `max_line_size = ${MAX_LINE_BYTES}, columns = {${columns}})`
  );
}

/** COPY of the typed CSV to Parquet (zstd), rows in the CSV's order (documents sorted by id). */
export function copyToParquetSql(table: Table, csvPath: string, parquetPath: string): string {
  return `COPY (${readCsvSql(table, csvPath)}) TO ${sqlString(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`;
}
