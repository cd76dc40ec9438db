// DuckDB is told the longest CSV line to expect (its memory grows with that): the limit comes
// from the rows the export wrote, so a long answer still reaches the Parquet file whole.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { writeParquetFiles } from '../../pipeline/build/write-parquet.ts';
import { exportDataset } from '../../pipeline/export/export-dataset.ts';
import { lineLimit } from '../../pipeline/export/parquet-sql.ts';
import { TABLES } from '../../pipeline/export/tables.ts';
import { csvRows } from '../../pipeline/export/to-csv.ts';
import { emotionRecognition } from './fixtures/sample-documents.ts';

const dir = await mkdtemp(join(tmpdir(), 'kamervragen-parquet-lines-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the CSV line limit of the Parquet copies', () => {
  it('is at least DuckDB’s default, above the longest row, a power of two', () => {
    expect(lineLimit(100)).toBe(2 ** 21);
    expect(lineLimit(2 ** 21)).toBe(2 ** 22);
    expect(lineLimit(5_000_000)).toBe(2 ** 23);
    expect(lineLimit(null)).toBe(2 ** 30);
  });

  it('lets a 3 MB answer through whole, where DuckDB’s default limit refuses it', async () => {
    const doc = emotionRecognition();
    const long = 'Een lang antwoord. '.repeat(160_000);
    const record = {
      ...doc,
      answers: doc.answers.map((a, i) => (i === 0 ? { ...a, text: long } : a)),
    };
    for (const f of exportDataset([record]))
      if (f.name.endsWith('.csv')) await writeFile(join(dir, f.name), [...f.chunks()].join(''));
    const csvAt = (t: { name: string }) => join(dir, `${t.name}.csv`);
    const longest = Math.max(...TABLES.map((t) => Buffer.byteLength(csvRows(t, record))));
    expect(longest).toBeGreaterThan(2 ** 21);
    await expect(writeParquetFiles(TABLES, csvAt, join(dir), 0)).rejects.toMatchObject({
      code: 'export/parquet',
    });
    await writeParquetFiles(TABLES, csvAt, dir, longest);
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    try {
      const reader = await connection.runAndReadAll(
        `SELECT max(length(text)) AS n FROM '${join(dir, 'answers.parquet')}'`,
      );
      expect(Number(reader.getRowObjects()[0]!.n)).toBe(long.length);
    } finally {
      connection.closeSync();
      db.closeSync();
    }
  });
});
