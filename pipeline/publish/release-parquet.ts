// The in-memory release's Parquet files: its CSVs are written to a temporary folder and DuckDB
// makes the Parquet copies from them, exactly as the streamed build does from its own CSVs.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResourceStats } from '../export/datapackage.ts';
import { exportDataset } from '../export/export-dataset.ts';
import { parquetName } from '../export/parquet-sql.ts';
import { TABLES } from '../export/tables.ts';
import type { NamedFile } from '../package/release-types.ts';
import { writeParquetFiles } from '../build/write-parquet.ts';
import type { Document } from '../types.ts';

export async function releaseParquet(
  records: readonly Document[],
): Promise<{ files: NamedFile[]; stats: Map<string, ResourceStats> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kamervragen-parquet-'));
  try {
    const csvNames = new Set(TABLES.map((t) => `${t.name}.csv`));
    for (const file of exportDataset(records))
      if (csvNames.has(file.name))
        await writeFile(join(dir, file.name), [...file.chunks()].join(''));
    const stats = await writeParquetFiles(TABLES, (t) => join(dir, `${t.name}.csv`), dir);
    const files: NamedFile[] = [];
    for (const table of TABLES) {
      const name = parquetName(table);
      files.push({ name, bytes: new Uint8Array(await readFile(join(dir, name))) });
    }
    return { files, stats };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
