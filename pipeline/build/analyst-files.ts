// The Parquet copies of the tables and the workbooks: Parquet made from the CSV files, a
// workbook from its session year's file of records. A workbook whose year holds the same
// records (the same cache keys: same bytes, same code) as when it was written is kept.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResourceStats } from '../export/datapackage.ts';
import { parquetName } from '../export/parquet-sql.ts';
import { TABLES, type Table } from '../export/tables.ts';
import { WORKBOOK_DIR, workbookName } from '../export/xlsx-cells.ts';
import type { ExportStamp } from './record-cache.ts';
import { writeParquetFiles } from './write-parquet.ts';
import { readRecords, writeXlsx } from './write-xlsx.ts';
import { yearFileName } from './year-files.ts';

/** Made by DuckDB from the CSVs in `csvDir` (longest line: `longest` bytes), written into `outDir`. */
export function writeParquet(
  csvDir: string,
  outDir: string,
  longest: number | null,
): Promise<Map<string, ResourceStats>> {
  const csvAt = (t: Table) => join(csvDir, `${t.name}.csv`);
  return writeParquetFiles(TABLES, csvAt, outDir, longest);
}

/** The sizes and hashes the last build recorded for the Parquet files it kept. */
export function keptParquet(stamped: ExportStamp['files']): Map<string, ResourceStats> {
  return new Map(
    TABLES.map((t) => {
      const { bytes, sha256 } = stamped[parquetName(t)]!;
      return [t.name, { bytes, sha256 }];
    }),
  );
}

export interface Workbook {
  year: string;
  /** workbooks/<year>.xlsx */
  name: string;
  stats: ResourceStats;
  /** Hash of the cache keys of the year's records: what the workbook was made from. */
  from: string;
  /** Kept as the last build wrote it (not in the staging folder). */
  kept: boolean;
}

/**
 * The workbook of each session year (`years`: year → hash of its records' keys), kept when the
 * stamp says it was made from the same records and `isUntouched` says nobody changed it since,
 * else written into `outDir` from the year file in `recordsDir`.
 */
export async function writeWorkbooks(
  years: ReadonlyMap<string, string>,
  recordsDir: string,
  outDir: string,
  stamped: ExportStamp['files'] | undefined,
  isUntouched: (name: string) => Promise<boolean>,
): Promise<Workbook[]> {
  const books: Workbook[] = [];
  await mkdir(join(outDir, WORKBOOK_DIR), { recursive: true });
  for (const [year, from] of years) {
    const name = workbookName(year);
    const known = stamped?.[name];
    if (known?.from === from && from !== '' && (await isUntouched(name))) {
      books.push({
        year,
        name,
        from,
        stats: { bytes: known.bytes, sha256: known.sha256 },
        kept: true,
      });
      continue;
    }
    const records = await readRecords(join(recordsDir, yearFileName(year)));
    const stats = await writeXlsx(TABLES, records, join(outDir, name));
    books.push({ year, name, from, stats, kept: false });
  }
  return books;
}
