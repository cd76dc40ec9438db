// recordJson writes a record's three JSON texts in one walk; they must be byte for byte what
// JSON.stringify and canonicalJson write, for records and for any other value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordJson } from '../../pipeline/export/record-json.ts';
import { canonicalJson } from '../../pipeline/package/hash-record.ts';
import type { Document } from '../../pipeline/types.ts';
import { sampleDocuments } from './fixtures/sample-documents.ts';

function expectSame(value: unknown): void {
  const texts = recordJson(value as Document);
  const pretty = JSON.stringify([value], null, 2);
  expect(texts.element).toBe(pretty.slice(2, pretty.length - 2));
  expect(texts.line).toBe(`${JSON.stringify([value]).slice(1, -1)}\n`);
  expect(texts.canonical).toBe(canonicalJson(value));
}

const key = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', '0', '1', '10', '2', '-1', 'toJSON', '"', '\\', '": ', '\n', ''),
);

describe('recordJson', () => {
  it('writes the sample records as JSON.stringify and canonicalJson do', () => {
    for (const doc of sampleDocuments()) expectSame(doc);
  });

  it('writes arbitrary JSON data as JSON.stringify and canonicalJson do', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => expectSame(value)),
      { numRuns: 2000 },
    );
  });

  it('writes arbitrary values, odd ones included, as JSON.stringify and canonicalJson do', () => {
    const anything = fc.anything({
      key,
      maxDepth: 4,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    });
    fc.assert(
      fc.property(anything, (value) => expectSame(value)),
      { numRuns: 1000 },
    );
  });

  it('handles the values it treats specially', () => {
    const hole = [1, , 3]; // eslint-disable-line no-sparse-arrays
    class WithToJson {
      a = 1;
      toJSON(): string {
        return 'called';
      }
    }
    const values: unknown[] = [
      { a: undefined, b: [undefined, null], c: {}, d: [] },
      { a: { b: undefined } },
      hole,
      { f: () => 1, s: Symbol('s') },
      [() => 1],
      new WithToJson(),
      { toJSON: () => 'called' },
      { toJSON: 'a plain member' },
      JSON.parse('{"__proto__": {"b": 1, "a": 2}, "z": 0}') as unknown,
      { 10: 'x', 2: 'y', a: 'z' },
      Object.assign(Object.create(null) as object, { z: 1, a: [{ y: 2, x: 3 }] }),
      new String('boxed'),
      new Date(0),
      [-0, NaN, Infinity, 1e21, 5e-7, true, false, null],
      'lone \uD800 surrogate, \u2028, "quotes", \\ and\nlines',
      { a: { b: { c: { d: { e: { f: { g: [[[[[]]]]] } } } } } } },
    ];
    for (const value of values) expectSame(value);
  });

  it('leaves a cycle to JSON.stringify, which reports it', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(() => recordJson(cycle as unknown as Document)).toThrow(TypeError);
  });
});
