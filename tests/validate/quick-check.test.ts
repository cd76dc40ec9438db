import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../pipeline/normalize/normalize-document.ts';
import type { Document } from '../../pipeline/types.ts';
import { certainlyValid } from '../../pipeline/validate/quick-check.ts';
import { documentSchema } from '../../pipeline/validate/schema.ts';
import { applyCase, type CaseFile } from './apply-case.ts';

// The quick check may only ever pass records ajv passes, and should pass the records the parser
// makes (else it saves nothing).

const addFormats = (addFormatsModule as unknown as { default: FormatsPlugin }).default;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv, { mode: 'full' });
const ajvValid = ajv.compile(documentSchema);

const cases = JSON.parse(readFileSync('tests/validate/cases.json', 'utf8')) as CaseFile;
// The base record as the normalize stage leaves it (with its optional keys).
const normalizedBase = normalizeDocument(cases.base as unknown as Document);

// What the schema says, without its descriptions (which do not change what is valid).
function rules(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rules);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'description')
      .map(([key, v]) => [key, rules(v)]),
  );
}

describe('certainlyValid', () => {
  it('was written for this schema', () => {
    // A failure here means the schema changed: change pipeline/validate/quick-check.ts the same
    // way, then put the new fingerprint here.
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(rules(documentSchema)))
      .digest('hex');
    expect(fingerprint).toBe('ae7fbe0422a4244028752b14fa1d83d995dac53f36f294378fde90ff8a37103b');
  });

  it('passes the base record and the golden records, and never what ajv rejects', () => {
    expect(certainlyValid(cases.base)).toBe(true);
    expect(ajvValid(normalizedBase)).toBe(true);
    expect(certainlyValid(normalizedBase)).toBe(true);
    const golden = readdirSync('tests/golden').filter((f) => f.endsWith('.expected.json'));
    let passed = 0;
    for (const file of golden) {
      const { document: record } = JSON.parse(readFileSync(`tests/golden/${file}`, 'utf8')) as {
        document: unknown;
      };
      if (certainlyValid(record)) {
        expect(ajvValid(record), file).toBe(true);
        passed++;
      }
    }
    expect(passed).toBeGreaterThan(0);
    for (const c of cases.cases) {
      const record = applyCase(cases.base, c);
      if (certainlyValid(record)) expect(ajvValid(record), c.description).toBe(true);
      if (ajvValid(record) && c.valid) expect(certainlyValid(record), c.description).toBe(true);
    }
  });

  it('never passes a changed record ajv rejects', () => {
    const values = fc.constantFrom<unknown>(
      null,
      undefined,
      '',
      'x',
      'é',
      '\u{1F600}',
      ' ',
      0,
      1,
      -1,
      1.5,
      Infinity,
      NaN,
      true,
      [],
      [1],
      [0],
      [''],
      ['x'],
      [null],
      {},
      { name: 'x', party: null },
      { role: null, name: null, portfolio: null },
      '2019-02-29',
      '2020-02-29',
      '2019-13-01',
      '2019-7-18',
      'ah-tk-1',
      'a'.repeat(201),
      '2019Z15244',
      '2018-2019',
      'parse/header',
      'Parse/Header',
      'Tweede Kamer',
      'answer',
      'ob-xml',
      'kamerstuk',
      '0'.repeat(64),
      'A'.repeat(64),
    );
    // Paths into the base record: every property, with array items.
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      paths.push(path);
      if (typeof value === 'object' && value !== null)
        for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(normalizedBase, []);
    const edits = fc.array(
      fc.tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), values, fc.nat(3)),
      { minLength: 1, maxLength: 3 },
    );
    const bases = [cases.base, normalizedBase] as unknown[];
    let passed = 0;
    let doubted = 0;
    fc.assert(
      fc.property(edits, fc.nat(1), (changes, which) => {
        const record = structuredClone(bases[which]);
        for (const [path, value, how] of changes) {
          let parent = record as Record<string, unknown>;
          for (const key of path.slice(0, -1)) {
            const next = parent[key];
            if (typeof next !== 'object' || next === null) return;
            parent = next as Record<string, unknown>;
          }
          const key = path[path.length - 1]!;
          if (how === 0) delete parent[key];
          else if (how === 1) parent[`${key}_extra`] = value;
          else parent[key] = structuredClone(value);
        }
        if (certainlyValid(record)) {
          passed++;
          expect(ajvValid(record)).toBe(true);
        } else if (ajvValid(record)) doubted++;
      }),
      { numRuns: 5000 },
    );
    expect(passed).toBeGreaterThan(100);
    // Valid records it doubts only cost time (ajv checks them); there should be few. The
    // normalized and collection keys give the random edits more valid shapes it leaves to ajv.
    expect(doubted).toBeLessThan(passed / 5);
  });
});
