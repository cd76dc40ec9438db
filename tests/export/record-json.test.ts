// recordJson writes a record's three JSON texts in one walk; they must be byte for byte what
// JSON.stringify of orderKeys(record) and canonicalJson(record) write, for records and for any
// other value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderKeys } from '../../pipeline/export/order-keys.ts';
import { recordJson } from '../../pipeline/export/record-json.ts';
import { canonicalJson } from '../../pipeline/package/hash-record.ts';
import type { Document } from '../../pipeline/types.ts';
import { sampleDocuments } from './fixtures/sample-documents.ts';

function expectSame(value: unknown): void {
  const texts = recordJson(value as Document);
  const ordered = orderKeys(value);
  const pretty = JSON.stringify([ordered], null, 2);
  expect(texts.element).toBe(pretty.slice(2, pretty.length - 2));
  expect(texts.line).toBe(`${JSON.stringify([ordered]).slice(1, -1)}\n`);
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

  it('writes records with any value at any place, keys in any order, as the reference does', () => {
    const docs = sampleDocuments();
    // Replaces the value at one path of a record (a path into its JSON tree, chosen by numbers).
    const replaced = (doc: Document, steps: number[], value: unknown): unknown => {
      const copy = structuredClone(doc) as unknown;
      let parent: Record<string, unknown> | unknown[] | undefined;
      let key: string | number | undefined;
      let node: unknown = copy;
      for (const step of steps) {
        if (node === null || typeof node !== 'object') break;
        const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
        if (keys.length === 0) break;
        parent = node as Record<string, unknown>;
        key = keys[step % keys.length]!;
        node = (parent as Record<string, unknown>)[key];
      }
      if (parent === undefined) return value;
      (parent as Record<string, unknown>)[key!] = value;
      return copy;
    };
    const reversedKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversedKeys);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, reversedKeys(v)]),
      );
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...docs),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined)),
        fc.boolean(),
        (doc, steps, value, reverse) => {
          const input = replaced(doc, steps, value);
          expectSame(reverse ? reversedKeys(input) : input);
        },
      ),
      { numRuns: 1000 },
    );
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
    const doc = sampleDocuments()[0]!;
    values.push(
      doc,
      { ...doc, extra: { b: 1, a: 2 } },
      { ...doc, answerer: { name: 'x', role: 'y', portfolio: null } },
      { ...doc, answerer: new WithToJson() },
      { ...doc, questions: [{ ...doc.questions[0], toString: 'shadowing' }] },
      Object.defineProperty({ ...doc }, 'title', { value: 'hidden', enumerable: false }),
      { ...doc, source: Object.assign(Object.create(null) as object, doc.source) },
    );
    for (const value of values) expectSame(value);
  });

  it('leaves a cycle to JSON.stringify, which reports it', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(() => recordJson(cycle as unknown as Document)).toThrow(TypeError);
  });
});
