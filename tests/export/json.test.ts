import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_FILES, exportDataset } from '../../pipeline/export/export-dataset.ts';
import { documentSchema } from '../../pipeline/validate/schema.ts';
import type { Document } from '../../pipeline/types.ts';
import { sampleDocuments } from './fixtures/sample-documents.ts';
import { exportToStrings } from './fixtures/read-export.ts';

const ids = (docs: readonly Document[]): string[] => docs.map((d) => d.id);

// Rebuilds an object with its keys in reverse order: the export must not care.
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  ) as T;
}

describe('kamervragen.json and kamervragen.ndjson', () => {
  const docs = sampleDocuments();
  const files = exportToStrings(docs);
  const json = files.get('kamervragen.json') ?? '';

  it('produce the files in the documented order', () => {
    expect([...files.keys()]).toEqual(EXPORT_FILES);
  });

  it('hold every record, sorted by id, exactly as JSON.stringify(records, null, 2) would write them', () => {
    const parsed = JSON.parse(json) as Document[];
    expect(ids(parsed)).toEqual([...ids(docs)].sort());
    expect(parsed).toEqual([...docs].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(json).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
  });

  it('write keys in schema order at every depth', () => {
    const parsed = JSON.parse(reverseKeysExport()) as Record<string, unknown>[];
    const order = Object.keys(documentSchema.properties as object);
    for (const record of parsed) expect(Object.keys(record)).toEqual(order);
    const question = (parsed[0]?.questions as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(question)).toEqual(['number', 'numbers', 'text', 'footnotes']);
    const answerer = parsed[0]?.answerer as Record<string, unknown>;
    expect(Object.keys(answerer)).toEqual(['role', 'name', 'portfolio']);
  });

  function reverseKeysExport(): string {
    return [...(exportDataset(docs.map(reverseKeys))[0]?.chunks() ?? [])].join('');
  }

  it('do not depend on input order or key order', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }),
        fc.boolean(),
        (shuffled, reversed) => {
          const input = reversed ? shuffled.map(reverseKeys) : shuffled;
          const again = exportToStrings(input);
          for (const name of EXPORT_FILES) expect(again.get(name)).toBe(files.get(name));
        },
      ),
      { numRuns: 20 },
    );
  });

  it('NDJSON has one record per line, the same records as the JSON file', () => {
    const lines = (files.get('kamervragen.ndjson') ?? '').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(JSON.parse(json));
  });

  it('an empty dataset is an empty array, an empty NDJSON file and header-only tables', () => {
    const empty = exportToStrings([]);
    expect(empty.get('kamervragen.json')).toBe('[]\n');
    expect(empty.get('kamervragen.ndjson')).toBe('');
    expect(empty.get('askers.csv')).toBe(
      'document_id,position,name,party,canonical_name,initials,party_key,person_key\n',
    );
    expect(empty.get('cases.csv')?.split('\n')).toHaveLength(2);
  });

  it('streams: the JSON arrives in one chunk per record, never as one string', () => {
    const chunks = [...(exportDataset(docs)[0]?.chunks() ?? [])];
    expect(chunks.length).toBe(docs.length + 1);
  });
});
