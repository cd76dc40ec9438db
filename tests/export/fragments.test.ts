// The build writes each export file as the concatenation of per-record fragments; these must be
// the bytes exportDataset writes for the same records, however a fragment is produced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragmentsOf, prepareOutcome, summarise } from '../../pipeline/build/prepare-record.ts';
import { EXPORT_FILES } from '../../pipeline/export/export-dataset.ts';
import { TABLES } from '../../pipeline/export/tables.ts';
import { jsonElement, ndjsonFromElement } from '../../pipeline/export/to-json.ts';
import { recordHash } from '../../pipeline/package/hash-record.ts';
import type { Document } from '../../pipeline/types.ts';
import { exportToStrings } from './fixtures/read-export.ts';
import { sampleDocuments } from './fixtures/sample-documents.ts';

describe('export fragments', () => {
  it('concatenate to the files exportDataset writes', () => {
    const docs = sampleDocuments().sort((a, b) => (a.id < b.id ? -1 : 1));
    const files = exportToStrings(docs);
    const fragments = docs.map(fragmentsOf);
    const column = (i: number) => fragments.map((f) => f[i]!);
    expect(`[\n${column(0).join(',\n')}\n]\n`).toBe(files.get('kamervragen.json'));
    expect(column(1).join('')).toBe(files.get('kamervragen.ndjson'));
    for (const [t, table] of TABLES.entries()) {
      const header = `${table.columns.map((c) => c.name).join(',')}\n`;
      expect(header + column(2 + t).join('')).toBe(files.get(EXPORT_FILES[2 + t]!));
    }
  });

  it('derive the NDJSON line from the indented element exactly as JSON.stringify writes it', () => {
    const hostileKey = fc.constantFrom('a', '"', '\\', '": ', 'x\\": y', '\n', ' ', 'ü', '');
    const value = fc.jsonValue({ maxDepth: 4 });
    const withKeys = fc.dictionary(fc.oneof(hostileKey, fc.string()), value, { maxKeys: 6 });
    fc.assert(
      fc.property(fc.oneof(value, withKeys), (v) => {
        const element = jsonElement(v as unknown as Document);
        expect(ndjsonFromElement(element)).toBe(`${JSON.stringify(v)}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('carry the record hash recordHash gives, with keys in schema order or not', () => {
    for (const doc of sampleDocuments()) {
      const reversed = Object.fromEntries(Object.entries(doc).reverse()) as unknown as Document;
      for (const record of [doc, reversed]) {
        const prepared = prepareOutcome({ record, diagnostics: [] });
        expect(prepared.record).toEqual(summarise(record));
        expect(prepared.record?.sha256).toBe(recordHash(doc));
        expect(prepared.fragments).toEqual(fragmentsOf(doc));
      }
    }
  });
});
