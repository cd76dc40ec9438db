import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { TABLES } from '../../pipeline/export/tables.ts';
import { CROSS_TABLES } from '../../pipeline/export/cross-tables.ts';
import type { Document } from '../../pipeline/types.ts';
import { itWith, PYTHON, pythonModule } from '../support/system-packages.ts';
import { DATASETS, DIST, exportSample, prepareDist, removeDist, type Dataset } from './datasets.ts';

// pandas, the reader most data users start with; Debian's python3-pandas (no pip here).
const PANDAS = pythonModule('pandas', 'python3-pandas');
const here = (name: string) => new URL(name, import.meta.url).pathname;

function python(script: string, args: string[]): unknown {
  const run = spawnSync(PYTHON, [here(script), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`${script} failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

let sample: Awaited<ReturnType<typeof exportSample>>;
beforeAll(async () => {
  sample = await exportSample();
  await prepareDist();
});
afterAll(async () => {
  await sample.cleanup();
  await removeDist();
});
const dirOf = (dataset: Dataset) => (dataset === 'dist' ? DIST : sample.dir);

describe.each(DATASETS)('pandas reads the %s dataset', (dataset) => {
  itWith(PANDAS, 'reads every CSV with the types datapackage.json declares', () => {
    const dir = dirOf(dataset);
    const report = python('read_with_pandas.py', [dir]) as Record<
      string,
      {
        rows: number;
        columns: string[];
        dtypes: Record<string, string>;
        primary_key_unique: boolean;
        foreign_keys_resolve: boolean;
        text: Record<string, (string | null)[]>;
        joined?: [string, number, number][];
      }
    >;
    const records = JSON.parse(readFileSync(join(dir, 'kamervragen.json'), 'utf8')) as Document[];
    // Each answer linked once to each question entry holding a number it covers.
    const links = records
      .flatMap((r) =>
        r.answers.flatMap((a, i) =>
          [
            ...new Set(
              a.questions.map((n) => r.questions.find((q) => q.numbers.includes(n))!.number),
            ),
          ].map((q): [string, number, number] => [r.id, q, i + 1]),
        ),
      )
      .sort((x, y) => (x.join(' ') < y.join(' ') ? -1 : 1));
    const expectedRows: Record<string, number> = {
      documents: records.length,
      askers: records.reduce((n, r) => n + (r.askers?.length ?? 0), 0),
      questions: records.reduce((n, r) => n + r.questions.length, 0),
      answers: records.reduce((n, r) => n + r.answers.length, 0),
      footnotes: records.reduce((n, r) => n + r.footnotes.length, 0),
      references: records.reduce((n, r) => n + r.references.length, 0),
      question_answers: links.length,
    };
    const pandasType = {
      string: 'string',
      integer: 'Int64',
      date: 'datetime64[ns]',
      boolean: 'boolean',
    };
    expect(Object.keys(report)).toEqual([...TABLES, ...CROSS_TABLES].map((t) => t.name));
    for (const table of TABLES) {
      const entry = report[table.name]!;
      expect(entry.rows, table.name).toBe(expectedRows[table.name]);
      expect(entry.columns).toEqual(table.columns.map((c) => c.name));
      for (const column of table.columns)
        expect(entry.dtypes[column.name], `${table.name}.${column.name}`).toBe(
          pandasType[column.type],
        );
      expect(entry.primary_key_unique, table.name).toBe(true);
      expect(entry.foreign_keys_resolve, table.name).toBe(true);
    }
    // pandas joins questions to answers through question_answers on the declared keys.
    const sortKey = (x: [string, number, number]) =>
      `${x[0]} ${String(x[1]).padStart(6, '0')} ${String(x[2]).padStart(6, '0')}`;
    expect(report.question_answers!.joined!.map(sortKey).sort()).toEqual(links.map(sortKey).sort());
    // The values survive the trip exactly, hostile ones included: the CSV adds nothing to them.
    const text = (table: string, column: string) => report[table]!.text[column]!;
    const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
    const orNull = (v: string | null) => (v === '' ? null : v);
    expect(text('documents', 'title')).toEqual(sorted.map((r) => r.title));
    expect(text('askers', 'name')).toEqual(
      sorted.flatMap((r) => (r.askers ?? []).map((a) => a.name)),
    );
    expect(text('askers', 'party')).toEqual(
      sorted.flatMap((r) => (r.askers ?? []).map((a) => a.party)),
    );
    expect(text('questions', 'text')).toEqual(
      sorted.flatMap((r) => r.questions.map((q) => orNull(q.text))),
    );
  });
});
