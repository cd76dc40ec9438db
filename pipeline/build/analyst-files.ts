// The Parquet copies of the tables and the workbook: made from the CSV files, or kept with them
// when the CSVs are kept as the last build wrote them.
import { join } from 'node:path';
import type { ResourceStats } from '../export/datapackage.ts';
import { parquetName } from '../export/parquet-sql.ts';
import { TABLES, type Table } from '../export/tables.ts';
import { XLSX_NAME } from '../export/xlsx-cells.ts';
import type { ExportStamp } from './record-cache.ts';
import { writeParquetFiles } from './write-parquet.ts';
import { writeXlsx } from './write-xlsx.ts';

export interface AnalystFiles {
  parquet: ReadonlyMap<string, ResourceStats>;
  xlsx: ResourceStats;
}

/** Made by DuckDB (Parquet) and write-xlsx.ts (the workbook) from the CSVs in `csvDir`, written into `outDir`. */
export async function writeAnalystFiles(csvDir: string, outDir: string): Promise<AnalystFiles> {
  const csvAt = (t: Table) => join(csvDir, `${t.name}.csv`);
  const parquet = await writeParquetFiles(TABLES, csvAt, outDir);
  const xlsx = await writeXlsx(TABLES, csvAt, join(outDir, XLSX_NAME));
  return { parquet, xlsx };
}

/** The sizes and hashes the last build recorded for the files it kept. */
export function keptAnalystFiles(stamped: ExportStamp['files']): AnalystFiles {
  const stats = (name: string): ResourceStats => {
    const { bytes, sha256 } = stamped[name]!;
    return { bytes, sha256 };
  };
  return {
    parquet: new Map(TABLES.map((t) => [t.name, stats(parquetName(t))])),
    xlsx: stats(XLSX_NAME),
  };
}
