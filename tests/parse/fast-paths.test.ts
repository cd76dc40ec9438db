import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildVocabulary, tokensOf } from '../../pipeline/parse/common/dehyphenate.ts';

// Hand-written scanners that replace a regular expression must agree with it exactly: checked on
// the text of every real document in the tests and on random strings of the characters that matter.

const realLines: string[] = ['corpus', 'seeds', 'golden'].flatMap((folder) => {
  const dir = join(import.meta.dirname, '..', folder);
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'));
});

// Letters (ASCII, accented, Greek, a surrogate-pair letter), digits, the in-token apostrophes and
// hyphen, spaces of several kinds, punctuation, a lone surrogate and a non-letter astral symbol.
const tricky = fc.constantFrom(
  ...'aZé ëÖßσΣ09\'’-–— \t\u00A0\u2009.,;:?!()«»"/_\u00AD\u0301\uFEFF\uD835\uDC00\uD83D\uDE00\uD800\uDC00'.split(
    '',
  ),
  '\uD835\uDC00',
  '\uD83D\uDE00',
  'https://',
  'www.',
  '.nl/',
);
const trickyText = fc.array(tricky, { maxLength: 40 }).map((parts) => parts.join(''));

const TOKEN = /[\p{L}\d](?:[\p{L}\d'’-]*[\p{L}\d])?/gu;

describe('tokensOf equals the token regular expression', () => {
  it('on every line of the real documents', () => {
    for (const line of realLines) {
      const lower = line.toLowerCase();
      expect(tokensOf(lower)).toEqual(lower.match(TOKEN) ?? []);
    }
  });
  it('on random strings', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        expect(tokensOf(text)).toEqual(text.match(TOKEN) ?? []);
      }),
      { numRuns: 3000 },
    );
  });
});

// The vocabulary as first written: the regular expression per line, every token counted.
function obviousVocabulary(lines: readonly string[]) {
  const words = new Set<string>();
  const hyphenPrefixes = new Set<string>();
  const counts = new Map<string, number>();
  for (const line of lines) {
    const tokens = line.toLowerCase().match(TOKEN) ?? [];
    const fragment = /-\s*$/.test(line);
    tokens.forEach((token, i) => {
      counts.set(token, (counts.get(token) ?? 0) + 1);
      if (fragment && i === tokens.length - 1) return;
      words.add(token);
      const dash = token.indexOf('-');
      if (dash > 0) hyphenPrefixes.add(token.slice(0, dash));
    });
  }
  const hyphenated = new Map([...counts].filter(([token]) => token.includes('-')));
  return { words, hyphenPrefixes, counts: hyphenated };
}

describe('buildVocabulary equals the obvious implementation', () => {
  const same = (lines: string[]) => {
    const fast = buildVocabulary(lines);
    const obvious = obviousVocabulary(lines);
    expect([...fast.words].sort()).toEqual([...obvious.words].sort());
    expect([...fast.hyphenPrefixes].sort()).toEqual([...obvious.hyphenPrefixes].sort());
    expect([...fast.counts].sort()).toEqual([...obvious.counts].sort());
  };
  it('on the real documents', () => same(realLines));
  it('on random lines', () => {
    fc.assert(
      fc.property(fc.array(trickyText, { maxLength: 8 }), (lines) => same(lines)),
      { numRuns: 2000 },
    );
  });
});
