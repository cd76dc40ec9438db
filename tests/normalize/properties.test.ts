import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalName } from '../../pipeline/normalize/clean-name.ts';
import { normalizeDocument } from '../../pipeline/normalize/normalize-document.ts';
import type { Document } from '../../pipeline/types.ts';

const runs = Number(process.env.KAMERVRAGEN_FUZZ_RUNS ?? 300);

// Printed-looking text: letters, the spacing accents PDFs emit, particles and punctuation.
const pieces = fc.constantFrom(
  'Kostic',
  '´',
  ' ´',
  '¸',
  '¨',
  'van',
  'Dijk',
  'de',
  ' ',
  '-',
  '.',
  "'",
  'P.v.d.A.',
  'GroenLinks',
  'beiden ',
  'Minister ',
  'voor ',
  'Financiën',
  'e\u0301',
  'ö',
);
const printed = fc.oneof(
  fc.array(pieces, { minLength: 1, maxLength: 8 }).map((p) => p.join('')),
  fc.string({ minLength: 1, maxLength: 20 }),
);

function doc(askers: { name: string; party: string | null }[], addressee: string): Document {
  return {
    id: 'ah-tk-20192020-1',
    type: 'answer',
    chamber: 'Tweede Kamer',
    session_year: '2019-2020',
    number: 1,
    case_number: null,
    title: null,
    askers,
    addressees: [addressee],
    submitted: '2019-10-01',
    answered: null,
    response_days: null,
    answerer: null,
    co_answerers: [],
    questions: [],
    answers: [],
    footnotes: [],
    references: [],
    source: { path: 'documents/x.txt', format: 'pdf-text', sha256: '0'.repeat(64), url: null },
    warnings: [],
  };
}

describe('normalization never changes a printed value', () => {
  it('keeps names, parties and addressees as printed, and adds keys beside them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: printed, party: fc.option(printed, { nil: null }) }), {
          maxLength: 4,
        }),
        printed,
        (askers, addressee) => {
          const input = doc(askers, addressee);
          const before = structuredClone(input);
          const out = normalizeDocument(input);
          expect(input).toEqual(before); // the input is not mutated
          expect(out.addressees).toEqual([addressee]);
          expect(out.askers?.map((a) => ({ name: a.name, party: a.party }))).toEqual(askers);
          for (const a of out.askers ?? []) {
            expect(a.canonical_name).toBe(canonicalName(a.name));
            if (a.party === null) expect(a.party_key).toBeNull();
          }
          // Warnings are only added: the parser's stay first, unchanged.
          expect(out.warnings.slice(0, before.warnings.length)).toEqual(before.warnings);
        },
      ),
      { numRuns: runs },
    );
  });

  it('is idempotent on canonical names and leaves clean names alone', () => {
    // Found by this property: two accents after one letter are both joined to it at once.
    expect(canonicalName('Kostic\u00b8\u00b4')).toBe('Kosti\u1e09');
    fc.assert(
      fc.property(printed, (name) => {
        const once = canonicalName(name);
        expect(canonicalName(once)).toBe(once);
      }),
      { numRuns: runs },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z][a-z]{1,10}( [a-z]{2,3} [A-Z][a-z]{1,10})?$/), (name) => {
        expect(canonicalName(name)).toBe(name);
      }),
      { numRuns: runs },
    );
  });
});
