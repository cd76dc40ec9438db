import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCase, type CaseFile } from '../validate/apply-case.ts';
import {
  DATASETS,
  DIST,
  SCHEMA,
  exportSample,
  prepareDist,
  removeDist,
  type Dataset,
} from './datasets.ts';

// A second, independent JSON Schema 2020-12 implementation beside the pipeline's ajv: what a
// consumer who validates the published records with another library gets. @cfworker/json-schema
// asserts `format` (the dates) as the pipeline does.
const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
const validator = new Validator(schema, '2020-12', false);

function records(path: string): unknown[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.ndjson'))
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown);
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value) ? value : [value];
}

// The innermost errors: the keyword that failed, where, and why.
const leaves = (errors: OutputUnit[]) =>
  errors.map((e) => `${e.instanceLocation} ${e.keyword}: ${e.error}`);

let sample: Awaited<ReturnType<typeof exportSample>>;
beforeAll(async () => {
  sample = await exportSample();
  await prepareDist();
});
afterAll(async () => {
  await sample.cleanup();
  await removeDist();
});

describe.each(DATASETS)('@cfworker/json-schema reads the %s dataset', (dataset: Dataset) => {
  it('accepts every record of the JSON and the NDJSON, the same records in both', () => {
    const dir = dataset === 'dist' ? DIST : sample.dir;
    const json = records(join(dir, 'kamervragen.json'));
    const ndjson = records(join(dir, 'kamervragen.ndjson'));
    expect(json.length).toBeGreaterThan(0);
    expect(ndjson).toEqual(json);
    const failures = [...json, ...ndjson].flatMap((record, index) => {
      const result = validator.validate(record);
      return result.valid ? [] : [`record ${index}: ${leaves(result.errors).join('; ')}`];
    });
    expect(failures).toEqual([]);
  });
});

describe('@cfworker/json-schema agrees with ajv on the schema cases (tests/validate/cases.json)', () => {
  const data = JSON.parse(
    readFileSync(new URL('../validate/cases.json', import.meta.url), 'utf8'),
  ) as CaseFile;

  it.each(data.cases.map((c) => [c.description, c] as const))('%s', (_description, c) => {
    const result = validator.validate(applyCase(data.base, c));
    const expected = (c.errors ?? [])
      .filter((e) => e.code.startsWith('schema/'))
      .map((e) => e.code.slice('schema/'.length));
    expect(result.valid, leaves(result.errors).join('; ')).toBe(expected.length === 0);
    const keywords = new Set(result.errors.map((e) => e.keyword));
    for (const keyword of expected) expect([...keywords]).toContain(keyword);
  });
});
