// orderKeys returns values already in schema order as they are, without a copy; this holds it
// to the plain copying version it replaced, on records with their keys shuffled at every depth,
// with extra keys and with the odd values a careless caller could pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderKeys } from '../../pipeline/export/order-keys.ts';
import { documentSchema } from '../../pipeline/validate/schema.ts';
import type { Document } from '../../pipeline/types.ts';
import { sampleDocuments } from './fixtures/sample-documents.ts';

type Node = Record<string, unknown>;

function resolve(node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  let target: unknown = documentSchema;
  for (const part of ref.slice(2).split('/')) target = (target as Node)[part];
  return resolve(target as Node);
}

function branch(node: Node, isArray: boolean): Node | undefined {
  const branches = ((node.oneOf ?? node.anyOf) as Node[] | undefined)?.map(resolve) ?? [node];
  return branches.find((b) => {
    const types = ([] as unknown[]).concat(b.type ?? []);
    return isArray
      ? types.includes('array') || b.items !== undefined
      : types.includes('object') || b.properties !== undefined;
  });
}

// The copying definition: schema keys in schema order, then unknown keys sorted.
function reference(value: unknown, node: Node = documentSchema): unknown {
  const target = resolve(node);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = branch(target, true)?.items as Node | undefined;
    return items === undefined ? value : value.map((v) => reference(v, items));
  }
  const objectBranch = branch(target, false);
  if (objectBranch === undefined) return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(
    (objectBranch.properties ?? {}) as Record<string, Node>,
  ))
    if (key in record) out[key] = reference(record[key], child);
  if (Object.keys(record).length !== Object.keys(out).length)
    for (const key of Object.keys(record).sort()) if (!(key in out)) out[key] = record[key];
  return out;
}

// Rebuilds every object with its keys in an order chosen by `rank`, adding `extra` keys where asked.
function reshaped(value: unknown, rank: (key: string) => number, extra: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => reshaped(v, rank, extra));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([k, v]) => [k, reshaped(v, rank, extra)]);
  if (extra) entries.push(['zz_extra', 1], ['aa_extra', { b: 1, a: 2 }]);
  return Object.fromEntries(entries);
}

describe('orderKeys', () => {
  const docs = sampleDocuments();

  it('returns a record already in schema order as it is', () => {
    for (const doc of docs) {
      const ordered = orderKeys(doc);
      expect(orderKeys(ordered)).toBe(ordered);
      expect(JSON.stringify(ordered)).toBe(JSON.stringify(reference(doc)));
    }
  });

  it('writes records with keys in any order, and extra keys, as the copying version does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...docs),
        fc.func(fc.integer()),
        fc.boolean(),
        (doc, rank, extra) => {
          const input = reshaped(doc, rank, extra) as Document;
          expect(JSON.stringify(orderKeys(input), null, 2)).toBe(
            JSON.stringify(reference(input), null, 2),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('copies what it cannot return as it is: class instances, null prototypes, holes, undefined, hidden keys', () => {
    class Answerer {
      role = 'Minister';
      name = 'Kaag';
      portfolio = null;
      toJSON(): string {
        return 'called';
      }
    }
    const doc = docs[0]!;
    const odd = [
      { ...doc, answerer: new Answerer() },
      { ...doc, answerer: Object.assign(Object.create(null) as object, { name: 'x', role: 'y' }) },
      // eslint-disable-next-line no-sparse-arrays
      { ...doc, askers: [{ name: 'a', party: null }, , { party: 'b', name: 'c' }] },
      { ...doc, title: undefined, id: undefined },
      Object.defineProperty({ ...doc }, 'title', { value: 'hidden', enumerable: false }),
    ];
    for (const input of odd)
      expect(JSON.stringify(orderKeys(input as unknown as Document))).toBe(
        JSON.stringify(reference(input)),
      );
  });
});
