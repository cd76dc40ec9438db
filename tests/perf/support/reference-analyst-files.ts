// The reference build's Parquet files and workbook: the reference CSVs are written to a temporary
// folder and made into kamervragen.xlsx and the Parquet copies, with the build's own writers.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResourceStats } from '../../../pipeline/export/datapackage.ts';
import { exportDataset } from '../../../pipeline/export/export-dataset.ts';
import { parquetName } from '../../../pipeline/export/parquet-sql.ts';
import { TABLES } from '../../../pipeline/export/tables.ts';
import type { NamedFile } from '../../../pipeline/package/release-types.ts';
import { writeParquetFiles } from '../../../pipeline/build/write-parquet.ts';
import { writeXlsx } from '../../../pipeline/build/write-xlsx.ts';
import { XLSX_NAME } from '../../../pipeline/export/xlsx-cells.ts';
import type { Document } from '../../../pipeline/types.ts';

export async function referenceAnalystFiles(
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
