import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildVocabulary,
  decideHyphen,
  isMergedLineBreak,
  tokensOf,
  type Vocabulary,
} from '../../pipeline/parse/common/dehyphenate.ts';
import { cleanCharacters, isSpaceCode } from '../../pipeline/parse/common/text-clean.ts';
import { endsInsideUrl } from '../../pipeline/parse/common/urls.ts';
import { cleanParagraph, firstMarkerMatch } from '../../pipeline/parse/text/assemble.ts';

// Hand-written scanners that replace a regular expression must agree with it exactly: checked on
// the text of every real document in the tests and on random strings of the characters that matter.

const realTexts: string[] = ['corpus', 'seeds', 'golden'].flatMap((folder) => {
  const dir = join(import.meta.dirname, '..', folder);
  return readdirSync(dir)
    .filter((f) => /\.(txt|md|xml|html)$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
});
const realLines: string[] = realTexts.flatMap((text) => text.split('\n'));

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
  return { words, hyphenPrefixes, counts };
}

// By searching (no budget limit), from the full index (budget 0) and switching between them.
describe.each([Infinity, 0, 5])(
  'buildVocabulary (search budget %s) answers as the set of every token would',
  (budget) => {
    const same = (lines: string[], extra: string[] = []) => {
      const fast = buildVocabulary(lines, budget);
      const obvious = obviousVocabulary(lines);
      // Every token, every left part, every piece of them and some strings that are no token.
      const asked = new Set([...obvious.counts.keys(), ...obvious.hyphenPrefixes, ...extra]);
      for (const token of obvious.counts.keys())
        for (let i = 1; i < token.length; i++) asked.add(token.slice(0, i)).add(token.slice(i));
      // A searching vocabulary reads the text per question: a sample keeps the test quick.
      for (const word of [...asked].slice(0, 300)) {
        expect([word, fast.hasWord(word)]).toEqual([word, obvious.words.has(word)]);
        expect([word, fast.count(word)]).toEqual([word, obvious.counts.get(word) ?? 0]);
        expect([word, fast.hasHyphenPrefix(word)]).toEqual([
          word,
          obvious.hyphenPrefixes.has(word),
        ]);
      }
    };
    it('on the real documents', () => {
      for (const text of realTexts) same(text.split('\n'));
    });
    it('on random lines', () => {
      fc.assert(
        fc.property(fc.array(trickyText, { maxLength: 8 }), fc.array(trickyText), (lines, extra) =>
          same(lines, extra),
        ),
        { numRuns: 600 },
      );
    });
  },
);

describe('isSpaceCode equals /\\s/', () => {
  it('for every UTF-16 code unit', () => {
    for (let code = 0; code < 0x10000; code++)
      expect([code, isSpaceCode(code)]).toEqual([code, /\s/.test(String.fromCharCode(code))]);
  });
});

// endsInsideUrl as first written, with a regular expression for the last word.
function obviousEndsInsideUrl(line: string, next: string): boolean {
  const end = line.trimEnd();
  const last = end.slice(end.search(/\S+$/));
  if (!/^\(?(?:https?:\/\/|www\.)|^\(?(?:[a-z0-9-]+\.)+[a-z]{2,4}\//i.test(last)) return false;
  const first = /^\s*(\S*)/.exec(next)?.[1] ?? '';
  if (!first || /^[A-Z][a-z]+$/.test(first)) return false;
  return (
    /[-/_.=?&#%~]$/.test(last) ||
    /[/_=&%]/.test(first) ||
    /^[a-z0-9-]+(?:\.[a-z]{2,5})?\)?[.,]?$/.test(first)
  );
}

describe('endsInsideUrl equals the regex version', () => {
  it('on consecutive real lines', () => {
    for (let i = 0; i + 1 < realLines.length; i++) {
      const [a, b] = [realLines[i] ?? '', realLines[i + 1] ?? ''];
      expect(endsInsideUrl(a, b)).toBe(obviousEndsInsideUrl(a, b));
    }
  });
  it('on random strings', () => {
    fc.assert(
      fc.property(trickyText, trickyText, (a, b) => {
        expect(endsInsideUrl(a, b)).toBe(obviousEndsInsideUrl(a, b));
      }),
      { numRuns: 3000 },
    );
  });
});

const SPACING_ACCENTS: Readonly<Record<string, string>> = {
  '\u00B4': '\u0301',
  '\u00B8': '\u0327',
  '\u02C7': '\u030C',
  '\u00A8': '\u0308',
  '\u02DC': '\u0303',
};

// cleanCharacters as first written: every replacement on every text.
function obviousCleanCharacters(text: string): string {
  let out = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  out = out.replace(/[\u00A0\u2007\u202F\u2009]/g, ' ').replace(/\u00AD/g, '');
  out = out.replace(/[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g, '');
  out = out.replace(
    /([A-Za-z]) ?([\u00B4\u00B8\u02C7\u00A8\u02DC])(?=[A-Za-z\s(),.]|$)/gm,
    (whole, letter: string, accent: string) => {
      const combined = `${letter}${SPACING_ACCENTS[accent] ?? ''}`.normalize('NFC');
      return combined.length === 1 ? combined : whole;
    },
  );
  out = out.replace(
    /(^|[\s(«“‘])(en|van|voor|de|het|der|aan|op|in|te|met|of|tot|bij|om|naar|over|uit|door|zijn|dat|die)(\p{Lu}\p{Ll}{2,})/gu,
    '$1$2 $3',
  );
  return out.normalize('NFC');
}

const cleanable = fc
  .array(
    fc.oneof(
      tricky,
      fc.constantFrom(
        'en',
        'van',
        'der',
        'de',
        'zijn',
        'Koning',
        'Ölaf',
        'Éva',
        'Σigma',
        '\uD801\uDC00bc',
        '\r\n',
        '\r',
        '\n',
        '\u00B4',
        '\u00B8',
        '\u02C7',
        '\u00A8',
        '\u02DC',
        'c ',
        '\u200B',
        '\u202A',
        '\u2066',
        '\u2007',
        '\u202F',
        '(',
        '«',
        '“',
        '‘',
        'e\u0301',
      ),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('cleanCharacters equals every replacement applied', () => {
  it('on the real documents, whole and by line', () => {
    for (const text of realTexts) expect(cleanCharacters(text)).toBe(obviousCleanCharacters(text));
    for (const line of realLines) expect(cleanCharacters(line)).toBe(obviousCleanCharacters(line));
  });
  it('on random strings', () => {
    fc.assert(
      fc.property(cleanable, (text) => {
        expect(cleanCharacters(text)).toBe(obviousCleanCharacters(text));
      }),
      { numRuns: 5000 },
    );
  });
});

// cleanParagraph as first written, with the two Unicode regular expressions.
function obviousCleanParagraph(text: string, vocab: Vocabulary): string {
  if (!text.includes('-'))
    return text
      .replace(/[ \t]+/g, ' ')
      .replace(/ ([,.;:?!])(?=\s|$)/g, '$1')
      .trim();
  return text
    .replace(/(?<!\p{L})(\p{L}+)- (\p{Ll}[\p{L}-]*)/gu, (whole, left: string, right: string) => {
      const how = decideHyphen(left, right, vocab);
      return how === 'join' ? `${left}${right}` : how === 'keep' ? `${left}-${right}` : whole;
    })
    .replace(
      /(?<![\p{L}-])(\p{L}+)-(\p{Ll}+)(?![\p{L}-])/gu,
      (whole, left: string, right: string) =>
        isMergedLineBreak(left, right, vocab) ? `${left}${right}` : whole,
    )
    .replace(/[ \t]+/g, ' ')
    .replace(/ ([,.;:?!])(?=\s|$)/g, '$1')
    .trim();
}

const paragraphPart = fc.oneof(
  tricky,
  fc.constantFrom(
    'zieken',
    'huis',
    'nota',
    'wense',
    'lijk',
    'en',
    'Noord',
    'Holland',
    'dual',
    'use',
    '- ',
    '-',
    '--',
    ' -',
    '  ',
    '\t',
    ' ,',
    ' ?',
    'É',
    'é',
    '\uD801\uDC28',
    '\uD801\uDC00',
    '\uD835\uDC00',
  ),
);
const paragraph = fc.array(paragraphPart, { maxLength: 30 }).map((parts) => parts.join(''));

describe('cleanParagraph equals the regular-expression version', () => {
  const realParagraphs = realTexts.flatMap((text) => text.split(/\n\s*\n/));
  const vocabulary = buildVocabulary([
    'ziekenhuisnota wenselijk dual-use zieken-huis huis-nota wense-lijk',
    'Noord-Holland use-en',
  ]);
  it('on the real documents, by line and by paragraph with their own vocabulary', () => {
    for (const text of realTexts) {
      const vocab = buildVocabulary(text.split('\n'));
      for (const part of [...text.split('\n'), ...text.split(/\n\s*\n/)])
        expect(cleanParagraph(part, vocab)).toBe(obviousCleanParagraph(part, vocab));
    }
    for (const part of realParagraphs)
      expect(cleanParagraph(part, vocabulary)).toBe(obviousCleanParagraph(part, vocabulary));
  });
  it('on random strings', () => {
    fc.assert(
      fc.property(paragraph, (text) => {
        expect(cleanParagraph(text, vocabulary)).toBe(obviousCleanParagraph(text, vocabulary));
      }),
      { numRuns: 20000 },
    );
  });
});

// The marker search as first written: both patterns over the whole text, the earlier match wins.
function obviousMarkerMatch(text: string, n: number): { index: number; match: string } | null {
  const list = `${n}(?:\\s?,\\s?${n + 1}(?:\\s?,\\s?${n + 2})?)?`;
  const glued = new RegExp(
    `(?<=[\\p{Ll}.,;:?!»”’)\\]%])(${list})(?=[\\s.,;:?!»”’)]|$|\\p{Lu})`,
    'u',
  );
  const year = new RegExp(`(?<=\\b(?:19|20)\\d{2})(${n})(?=[\\s.,;:?!)]|$)`);
  let best: { index: number; match: string } | null = null;
  for (const re of [glued, year]) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { index: m.index, match: m[0] };
  }
  return best;
}

const markerText = fc
  .array(
    fc.oneof(
      tricky,
      fc.constantFrom(
        '1',
        '2',
        '3',
        '12',
        '2019',
        '20',
        '19',
        ', ',
        ',',
        '»',
        '”',
        ']',
        '%',
        'A',
        'x',
      ),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('firstMarkerMatch equals searching both patterns', () => {
  const check = (text: string, n: number) => {
    const m = firstMarkerMatch(text, n);
    expect(m ? { index: m.index, match: m[0] } : null).toEqual(obviousMarkerMatch(text, n));
  };
  it('on the real documents, by line', () => {
    for (const line of realLines) for (const n of [1, 2, 3, 4, 12]) check(line, n);
  });
  it('on random strings', () => {
    fc.assert(
      fc.property(
        markerText,
        fc.oneof(fc.constantFrom(1, 2, 3), fc.integer({ min: 0, max: 13 })),
        (text, n) => check(text, n),
      ),
      { numRuns: 20000 },
    );
  });
});

describe('text of code units below U+0300 is already NFC', () => {
  it('for every pair of such code units', () => {
    for (let a = 0; a < 0x300; a++)
      for (let b = 0; b < 0x300; b++) {
        const text = String.fromCharCode(a, b);
        if (text.normalize('NFC') !== text) expect([a, b]).toBe('already NFC');
      }
  });
});
