import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../pipeline/parse/text/parse-text.ts';

const ctx = { path: 'documents/x.txt', format: 'pdf-text' as const, sha256: '0'.repeat(64) };
const seed = readFileSync(
  new URL('../golden/ah-tk-20182019-3922.seed-pdf-text.txt', import.meta.url),
  'utf8',
);

/** A distinct lower-case word for every number: 0 → "a", 27 → "bb". */
function letters(n: number): string {
  let out = '';
  for (let k = n; ; k = Math.floor(k / 26) - 1) {
    out = String.fromCharCode(97 + (k % 26)) + out;
    if (k < 26) return out;
  }
}

describe('parseText robustness', () => {
  it('never throws and returns a document or an error diagnostic on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        const result = parseText(text, ctx);
        expect(
          result.document !== null || result.diagnostics.some((d) => d.severity === 'error'),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('survives a real document cut at any point', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seed.length }),
        fc.integer({ min: 0, max: seed.length }),
        (a, b) => {
          const text = seed.slice(0, Math.min(a, b)) + seed.slice(Math.max(a, b));
          expect(() => parseText(text, ctx)).not.toThrow();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('says why when there is no question', () => {
    const result = parseText('Dit is geen Kamervraag.\n', ctx);
    expect(result.document).toBeNull();
    expect(result.diagnostics.at(-1)).toMatchObject({
      severity: 'error',
      code: 'parse/no-questions',
      file: 'documents/x.txt',
    });
  });

  // The full history is ~100k documents: time must grow linearly with the text, also on input
  // built to make regular expressions backtrack.
  it.each([
    ['a long document', () => seed.repeat(60)],
    [
      'a header without dates',
      () => `Vragen van het lid ${'a aan b over c '.repeat(3000)}\nVraag 1\nWaarom?\n`,
    ],
    ['many number lines', () => `Vraag 1\n${'1\n2 x\n1 y\n'.repeat(5000)}`],
    ['a flattened page', () => `${'Vraag 1 Waarom? Antwoord 1 Daarom. '.repeat(4000)}`],
    ['dotted tokens in footnotes', () => `Vraag 1\nWaarom?1\n1 ${'a.'.repeat(20000)}\n`],
    [
      'one answer of 2 MB',
      () =>
        `Vraag 1\nWaarom?\nAntwoord 1\n${'Het kabinet heeft de Commissie gewezen op de kwetsbaarheden van het systeem en de\n'.repeat(24000)}`,
    ],
    [
      'many distinct words broken at line ends',
      () =>
        `Vraag 1\nWaarom?\nAntwoord 1\n${Array.from(
          { length: 20000 },
          (_, i) => `het ${letters(i)}woord is gebro-\nken in ${letters(i)}stuk-\nken hier\n`,
        ).join('')}`,
    ],
  ])('stays fast on %s', (_name, make) => {
    const text = make();
    const started = performance.now();
    parseText(text, ctx);
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(15000);
  });

  it('warns when the text stops mid-sentence', () => {
    const result = parseText('Vraag 1\nWaarom?\nAntwoord 1\nBedrijven zijn zelf verant', ctx);
    expect(result.document?.warnings).toContainEqual(
      expect.objectContaining({ code: 'parse/truncated', field: '/answers/0' }),
    );
  });

  it('drops zero-width and bidi control characters', () => {
    const text =
      'Vragen van het lid Sjoe\u200brdsma\u200d (D\u200c66) aan de Minister van Financiën over \u202eeen titel (ingezonden 3 maart 2021).\nVraag 1\nWaarom?\n';
    const doc = parseText(text, ctx).document;
    expect(doc?.askers).toEqual([{ name: 'Sjoerdsma', party: 'D66' }]);
    expect(doc?.title).toBe('een titel');
  });
});
