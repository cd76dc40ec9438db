// canonicalJson is written for speed; the record hashes in every release manifest depend on its
// bytes, so it is held here to the plain definition it replaced, on real records and on
// arbitrary values (holes, odd keys, functions, boxed values …).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, recordHash, sha256Hex } from '../../pipeline/package/hash-record.ts';
import { corpusRecords } from './records.ts';

function definition(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(definition).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${definition(v)}`).join(',')}}`;
}

const key = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '__proto__',
    '0',
    '1',
    '10',
    '2',
    '-1',
    '1a',
    'toJSON',
    'constructor',
    'a',
    'B',
    'é',
    '',
  ),
);
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

describe('canonicalJson', () => {
  it('writes arbitrary values exactly as the definition does', () => {
    fc.assert(
      fc.property(anything, (value) => {
        expect(canonicalJson(value)).toBe(definition(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the definition on the values it treats specially', () => {
    const hole = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const proto = JSON.parse('{"__proto__": 1, "b": [2]}') as unknown;
    const values: unknown[] = [
      undefined,
      () => 1,
      Symbol('s'),
      NaN,
      -0,
      Infinity,
      1e21,
      5e-7,
      'lone \uD800 surrogate',
      hole,
      [undefined, null, () => 1],
      proto,
      { b: undefined, a: () => 1, c: Symbol('s') },
      { 10: 'x', 2: 'y', a: 'z', '-1': 'w' },
      { toJSON: () => 'not called' },
      new Date(0),
      Object.assign(Object.create(null) as object, { z: 1, a: 2 }),
      new String('ab'),
      [
        { b: 1, a: 2 },
        { a: 3, b: 4 },
        { b: 5, a: undefined },
      ],
    ];
    for (const value of values) expect(canonicalJson(value)).toBe(definition(value));
  });

  it('gives the corpus records the hashes of the definition, in any key order', () => {
    for (const record of corpusRecords()) {
      const expected = createHash('sha256').update(definition(record)).digest('hex');
      expect(recordHash(record)).toBe(expected);
      const reversed = Object.fromEntries(Object.entries(record).reverse());
      expect(recordHash(reversed)).toBe(expected);
    }
  });

  it('sha256Hex is the hex SHA-256 of text and bytes', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(sha256Hex('abc'));
  });
});
