import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../pipeline/export/tables.ts';
import { unescapeFormula } from '../../pipeline/export/to-csv.ts';
import type { Document } from '../../pipeline/types.ts';
import { applyCase, type CaseFile } from '../validate/apply-case.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
  DATASETS,
  DIST,
  exportSample,
  prepareDist,
  removeDist,
  PYTHON,
  SCHEMA,
  type Dataset,
} from './datasets.ts';

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

describe.each(DATASETS)('Python reads the %s dataset', (dataset) => {
  it('jsonschema (Draft 2020-12, formats checked) accepts every record of the JSON and the NDJSON', () => {
    const dir = dirOf(dataset);
    const result = python('validate_records.py', [
      SCHEMA,
      join(dir, 'kamervragen.json'),
      join(dir, 'kamervragen.ndjson'),
    ]) as {
      records: number;
      errors: unknown[];
    };
    const count = (JSON.parse(readFileSync(join(dir, 'kamervragen.json'), 'utf8')) as unknown[])
      .length;
    expect(count).toBeGreaterThan(0);
    expect(result).toEqual({ records: 2 * count, errors: [] });
  });

  it('pandas reads every CSV with the types datapackage.json declares', () => {
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
      }
    >;
    const records = JSON.parse(readFileSync(join(dir, 'kamervragen.json'), 'utf8')) as Document[];
    const expectedRows: Record<string, number> = {
      documents: records.length,
      askers: records.reduce((n, r) => n + (r.askers?.length ?? 0), 0),
      questions: records.reduce((n, r) => n + r.questions.length, 0),
      answers: records.reduce((n, r) => n + r.answers.length, 0),
      footnotes: records.reduce((n, r) => n + r.footnotes.length, 0),
      references: records.reduce((n, r) => n + r.references.length, 0),
    };
    const pandasType = { string: 'string', integer: 'Int64', date: 'datetime64[ns]' };
    expect(Object.keys(report)).toEqual(TABLES.map((t) => t.name));
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
    // The values survive the trip, hostile ones included, once the formula guard is undone.
    const text = (table: string, column: string) =>
      report[table]!.text[column]!.map((v) => (v === null ? null : unescapeFormula(v)));
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

describe('jsonschema agrees with ajv on the schema cases (tests/validate/cases.json)', () => {
  it('rejects exactly the cases with schema errors', () => {
    const data = JSON.parse(
      readFileSync(new URL('../validate/cases.json', import.meta.url), 'utf8'),
    ) as CaseFile;
    const dir = mkdtempSync(join(tmpdir(), 'kv-cases-'));
    try {
      const file = join(dir, 'cases.ndjson');
      writeFileSync(
        file,
        data.cases.map((c) => JSON.stringify(applyCase(data.base, c))).join('\n'),
      );
      const { errors } = python('validate_records.py', [SCHEMA, file]) as {
        errors: { record: number }[];
      };
      const rejected = new Set(errors.map((e) => e.record));
      data.cases.forEach((c, index) => {
        const schemaInvalid = (c.errors ?? []).some((e) => e.code.startsWith('schema/'));
        expect(rejected.has(index), c.description).toBe(schemaInvalid);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
