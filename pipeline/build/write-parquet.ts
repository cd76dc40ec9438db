// I/O edge: the Parquet files of a release, made by DuckDB from the CSV files already on disk
// (never from records in memory), one per table. One DuckDB thread, so the bytes are the same
// on every run and machine with the same DuckDB version.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { KamervragenError } from '../errors.ts';
import type { ResourceStats } from '../export/datapackage.ts';
import { copyToParquetSql, lineLimit, parquetName } from '../export/parquet-sql.ts';
import type { Table } from '../export/tables.ts';

export async function fileStats(path: string): Promise<ResourceStats> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { bytes: (await stat(path)).size, sha256: hash.digest('hex') };
}

/**
 * Writes `<table>.parquet` into `outDir` for each table, reading `<table>.csv` where `csvPath`
 * says (`longest`: bytes of its longest line, when known); returns bytes and sha256 of each
 * Parquet file by table name.
 */
export async function writeParquetFiles(
  tables: readonly Table[],
  csvPath: (table: Table) => string,
  outDir: string,
  longest: number | null,
): Promise<Map<string, ResourceStats>> {
  const maxLine = lineLimit(longest);
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  const stats = new Map<string, ResourceStats>();
  try {
    for (const table of tables) {
      const target = join(outDir, parquetName(table));
      try {
        await connection.run(copyToParquetSql(table, csvPath(table), target, maxLine));
      } catch (error) {
        throw new KamervragenError(
          'export/parquet',
          `DuckDB could not write the Parquet file from ${table.name}.csv: ${(error as Error).message}`,
          { file: target },
        );
      }
      stats.set(table.name, await fileStats(target));
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return stats;
}
