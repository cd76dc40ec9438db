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

// DuckDB reads a CSV in buffers of 16 lines of the longest length it is told to expect, and its
// memory grows with that: the limit is the longest row the export wrote, rounded up to a power
// of two (so the bytes of the Parquet files depend on the records alone), at least DuckDB's own
// default of 2 MiB. Without a measured row, large enough for the longest text a document can hold.
const MIN_LINE_BYTES = 1 << 21;
const MAX_LINE_BYTES = 1 << 30;
/** Rows per Parquet row group: DuckDB holds a row group of each file in memory while writing. */
const ROW_GROUP_ROWS = 16_384;

/** The line limit for CSVs whose longest line (or one record's rows of a table) has `longest` bytes. */
export function lineLimit(longest: number | null): number {
  if (longest === null) return MAX_LINE_BYTES;
  let limit = MIN_LINE_BYTES;
  while (limit <= longest && limit < MAX_LINE_BYTES) limit *= 2;
  return limit;
}

export const parquetName = (table: Pick<Table, 'name'>): string => `${table.name}${PARQUET_SUFFIX}`;

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A SELECT of the table's CSV with exactly its declared columns and types. */
export function readCsvSql(table: Table, csvPath: string, maxLine = MAX_LINE_BYTES): string {
  const columns = table.columns
    .map((c) => `${sqlString(c.name)}: ${sqlString(DUCKDB_TYPES[c.type])}`)
    .join(', ');
  return (
    `SELECT * FROM read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, ` +
    `delim = ',', quote = '"', escape = '"', new_line = '\\n', nullstr = '', ` +
    `max_line_size = ${maxLine}, columns = {${columns}})`
  );
}

/** COPY of the typed CSV to Parquet (zstd), rows in the CSV's order (documents sorted by id). */
export function copyToParquetSql(
  table: Table,
  csvPath: string,
  parquetPath: string,
  maxLine = MAX_LINE_BYTES,
): string {
  return (
    `COPY (${readCsvSql(table, csvPath, maxLine)}) TO ${sqlString(parquetPath)} ` +
    `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS})`
  );
}
