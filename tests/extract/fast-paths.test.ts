import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayBeMojibake } from '../../pipeline/extract/decode-text.ts';
import { isPdf } from '../../pipeline/extract/pdf-text.ts';

// Shortcuts taken for speed must answer as the obvious code does.

describe('isPdf', () => {
  it('agrees with searching the Latin-1 text of the first 1024 bytes', () => {
    const obvious = (bytes: Uint8Array) =>
      new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
    const magic = [0x25, 0x50, 0x44, 0x46, 0x2d];
    const files = fc
      .tuple(
        fc.uint8Array({ maxLength: 1100 }),
        fc.nat({ max: 1100 }),
        fc.integer({ min: 0, max: 5 }),
      )
      .map(([bytes, at, keep]) => {
        const out = [...bytes];
        out.splice(Math.min(at, out.length), 0, ...magic.slice(0, keep));
        return new Uint8Array(out);
      });
    fc.assert(
      fc.property(files, (bytes) => isPdf(bytes) === obvious(bytes)),
      { numRuns: 2000 },
    );
    expect(isPdf(new TextEncoder().encode('%PDF-1.7'))).toBe(true);
    expect(isPdf(new Uint8Array(0))).toBe(false);
  });
});

describe('mayBeMojibake', () => {
  it('is true whenever the UTF-8 text holds Â, Ã or â', () => {
    const text = fc
      .array(fc.constantFrom('a', ' ', 'é', 'ë', 'Ã', 'Â', 'â', '©', '€', '‘', '\n', '😀'), {
        maxLength: 30,
      })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const suspect = /[\u00c2\u00c3\u00e2]/.test(s);
        expect(mayBeMojibake(new TextEncoder().encode(s))).toBe(suspect);
      }),
      { numRuns: 2000 },
    );
  });
});
