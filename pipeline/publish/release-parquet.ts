// The in-memory release's Parquet files and workbook: its CSVs are written to a temporary folder
// and made into kamervragen.xlsx and the Parquet copies, exactly as the streamed build does.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResourceStats } from '../export/datapackage.ts';
import { exportDataset } from '../export/export-dataset.ts';
import { parquetName } from '../export/parquet-sql.ts';
import { TABLES } from '../export/tables.ts';
import type { NamedFile } from '../package/release-types.ts';
import { writeParquetFiles } from '../build/write-parquet.ts';
import { writeXlsx } from '../build/write-xlsx.ts';
import { XLSX_NAME } from '../export/xlsx-cells.ts';
import type { Document } from '../types.ts';

export async function releaseParquet(
  records: readonly Document[],
): Promise<{ files: NamedFile[]; stats: Map<string, ResourceStats>; xlsx: ResourceStats }> {
  const dir = await mkdtemp(join(tmpdir(), 'kamervragen-parquet-'));
  try {
    const csvNames = new Set(TABLES.map((t) => `${t.name}.csv`));
    for (const file of exportDataset(records))
      if (csvNames.has(file.name))
        await writeFile(join(dir, file.name), [...file.chunks()].join(''));
    const stats = await writeParquetFiles(TABLES, (t) => join(dir, `${t.name}.csv`), dir);
    const xlsx = await writeXlsx(TABLES, (t) => join(dir, `${t.name}.csv`), join(dir, XLSX_NAME));
    const files: NamedFile[] = [];
    for (const name of [...TABLES.map(parquetName), XLSX_NAME])
      files.push({ name, bytes: new Uint8Array(await readFile(join(dir, name))) });
    return { files, stats, xlsx };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
