import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayBeMojibake } from '../../pipeline/extract/decode-text.ts';
import { pairSidecars } from '../../pipeline/extract/pair-sidecars.ts';
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

describe('pairSidecars', () => {
  // The plain version: split on separators, regular expression on every name.
  function obvious(paths: readonly string[]) {
    const sidecarPattern = /^(.+?)\.(metadata|metadata_owms)\.xml$/i;
    const base = (path: string) => path.split(/[\\/]/).pop() ?? path;
    const sorted = [...paths].sort();
    const sidecars = new Map<string, string>();
    const ignored: string[] = [];
    const documents: string[] = [];
    for (const path of sorted) {
      const name = base(path);
      if (name.startsWith('.')) {
        ignored.push(path);
        continue;
      }
      const sidecar = sidecarPattern.exec(name);
      if (sidecar) {
        const key = `${path.slice(0, path.length - name.length)}${sidecar[1]}`;
        if (!sidecars.has(key) || sidecar[2]!.toLowerCase() === 'metadata') sidecars.set(key, path);
        continue;
      }
      documents.push(path);
    }
    const used = new Set<string>();
    const entries = documents.map((path) => {
      const name = base(path);
      const metadataPath =
        sidecars.get(`${path.slice(0, path.length - name.length)}${name.split('.')[0]}`) ?? null;
      if (metadataPath) used.add(metadataPath);
      return { path, metadataPath };
    });
    const orphanSidecars = [...sidecars.values()].filter((p) => !used.has(p)).sort();
    return { documents: entries, orphanSidecars, ignored };
  }

  it('pairs as the plain version does', () => {
    const part = fc.constantFrom('a', 'ah-tk-1', 'x.y', '', '.h', 'İ', 'K');
    const suffix = fc.constantFrom(
      '.xml',
      '.metadata.xml',
      '.METADATA.XML',
      '.Metadata_Owms.xml',
      '.metadata_owms.xml',
      '.metadata.xml.bak',
      'metadata.xml',
      '.pdf.txt',
      '.metadata.metadata.xml',
      '',
    );
    const path = fc
      .tuple(fc.constantFrom('', 'documents/', 'documents/sub/', 'a\\b\\'), part, suffix)
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(path, { maxLength: 12 }), (paths) => {
        expect(pairSidecars(paths)).toEqual(obvious(paths));
      }),
      { numRuns: 3000 },
    );
  });
});
