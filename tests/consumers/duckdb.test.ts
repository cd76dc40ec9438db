import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../pipeline/export/tables.ts';
import type { Document } from '../../pipeline/types.ts';
import { DATASETS, DIST, exportSample, prepareDist, removeDist, type Dataset } from './datasets.ts';
import { loadTables, quote, rows, SQL_TYPE } from './duckdb-tables.ts';

let sample: Awaited<ReturnType<typeof exportSample>>;
let instance: DuckDBInstance;
beforeAll(async () => {
  sample = await exportSample();
  await prepareDist();
  instance = await DuckDBInstance.create(':memory:', { threads: '1' });
});
afterAll(async () => {
  instance.closeSync();
  await sample.cleanup();
  await removeDist();
});

const load = (dir: string) => loadTables(instance, dir);

describe.each(DATASETS)('DuckDB reads the %s dataset', (dataset: Dataset) => {
  const dir = () => (dataset === 'dist' ? DIST : sample.dir);
  const records = () =>
    JSON.parse(readFileSync(join(dir(), 'kamervragen.json'), 'utf8')) as Document[];

  it('loads every CSV with its declared types and the NDJSON, with every row', async () => {
    const connection = await load(dir());
    try {
      const docs = records();
      for (const table of TABLES) {
        const described = await rows(connection, `DESCRIBE "${table.name}"`);
        expect(described.map((r) => [r.column_name, r.column_type])).toEqual(
          table.columns.map((c) => [c.name, SQL_TYPE[c.type]]),
        );
        const [count] = await rows(
          connection,
          `SELECT count(*)::INTEGER AS n FROM "${table.name}"`,
        );
        expect(count?.n).toBe(docs.reduce((n, d) => n + [...table.rows(d)].length, 0));
      }
      const [ndjson] = await rows(
        connection,
        'SELECT count(*)::INTEGER AS n, sum(len(questions))::INTEGER AS q FROM records',
      );
      expect(ndjson).toEqual({
        n: docs.length,
        q: docs.reduce((n, d) => n + d.questions.length, 0),
      });
    } finally {
      connection.closeSync();
    }
  });

  it("reads every row even when left to guess the format (SELECT * FROM 'file.csv')", async () => {
    const connection = await instance.connect();
    try {
      const docs = records();
      for (const table of TABLES) {
        const [count] = await rows(
          connection,
          `SELECT count(*)::INTEGER AS n FROM ${quote(join(dir(), `${table.name}.csv`))}`,
        );
        expect(count?.n, table.name).toBe(docs.reduce((n, d) => n + [...table.rows(d)].length, 0));
      }
    } finally {
      connection.closeSync();
    }
  });

  it('answers a join: questions per party, the same from the CSV tables as from the NDJSON', async () => {
    const connection = await load(dir());
    try {
      const fromCsv = await rows(
        connection,
        `SELECT a.party, count(*)::INTEGER AS questions FROM questions q JOIN askers a USING (document_id)
         WHERE a.party IS NOT NULL GROUP BY a.party ORDER BY a.party`,
      );
      const fromNdjson = await rows(
        connection,
        `SELECT party, sum(n)::INTEGER AS questions FROM (
           SELECT unnest(askers).party AS party, len(questions) AS n FROM records WHERE askers IS NOT NULL)
         WHERE party IS NOT NULL GROUP BY party ORDER BY party`,
      );
      // And from the records, by hand.
      const expected = new Map<string, number>();
      for (const doc of records()) {
        for (const asker of doc.askers ?? []) {
          if (asker.party !== null)
            expected.set(asker.party, (expected.get(asker.party) ?? 0) + doc.questions.length);
        }
      }
      const byHand = [...expected]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([party, questions]) => ({ party, questions }));
      // CSV cells carry the formula guard; undo it for the comparison.
      const unguarded = fromCsv.map((r) => ({
        ...r,
        party: String(r.party).replace(/^'(?='*[=+\-@\t\r])/, ''),
      }));
      expect(byHand.length).toBeGreaterThan(0);
      expect(unguarded.sort((a, b) => (a.party < b.party ? -1 : 1))).toEqual(byHand);
      expect(fromNdjson).toEqual(byHand);
    } finally {
      connection.closeSync();
    }
  });
});
