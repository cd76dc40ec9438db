// The reference build's Parquet files and workbooks: the reference CSVs are written to a temporary
// folder and made into the Parquet copies, and each session year's records into its workbook,
// with the build's own writers.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResourceStats } from '../../../pipeline/export/datapackage.ts';
import { exportDataset } from '../../../pipeline/export/export-dataset.ts';
import { parquetName } from '../../../pipeline/export/parquet-sql.ts';
import { TABLES } from '../../../pipeline/export/tables.ts';
import { csvLine, csvRows } from '../../../pipeline/export/to-csv.ts';
import type { NamedFile } from '../../../pipeline/package/release-types.ts';
import { writeParquetFiles } from '../../../pipeline/build/write-parquet.ts';
import { writeXlsx } from '../../../pipeline/build/write-xlsx.ts';
import { WORKBOOK_DIR, workbookName } from '../../../pipeline/export/xlsx-cells.ts';
import { NO_YEAR } from '../../../pipeline/build/year-files.ts';
import type { Document } from '../../../pipeline/types.ts';

export async function referenceAnalystFiles(records: readonly Document[]): Promise<{
  files: NamedFile[];
  stats: Map<string, ResourceStats>;
  workbooks: { year: string; stats: ResourceStats }[];
}> {
  const dir = await mkdtemp(join(tmpdir(), 'kamervragen-parquet-'));
  try {
    const csvNames = new Set(TABLES.map((t) => `${t.name}.csv`));
    for (const file of exportDataset(records))
      if (csvNames.has(file.name))
        await writeFile(join(dir, file.name), [...file.chunks()].join(''));
    // The longest line as the build's writer measures it: a header, or one record's rows of a table.
    let longest = 0;
    for (const table of TABLES) {
      longest = Math.max(longest, Buffer.byteLength(csvLine(table.columns.map((c) => c.name))));
      for (const record of records)
        longest = Math.max(longest, Buffer.byteLength(csvRows(table, record)));
    }
    const stats = await writeParquetFiles(TABLES, (t) => join(dir, `${t.name}.csv`), dir, longest);
    const byYear = new Map<string, Document[]>();
    const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const record of sorted) {
      const year = record.session_year ?? NO_YEAR;
      byYear.set(year, [...(byYear.get(year) ?? []), record]);
    }
    await mkdir(join(dir, WORKBOOK_DIR));
    const workbooks: { year: string; stats: ResourceStats }[] = [];
    for (const year of [...byYear.keys()].sort())
      workbooks.push({
        year,
        stats: await writeXlsx(TABLES, byYear.get(year)!, join(dir, workbookName(year))),
      });
    const files: NamedFile[] = [];
    const names = [...TABLES.map(parquetName), ...workbooks.map((w) => workbookName(w.year))];
    for (const name of names)
      files.push({ name, bytes: new Uint8Array(await readFile(join(dir, name))) });
    return { files, stats, workbooks };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
