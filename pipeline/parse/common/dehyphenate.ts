// Joining words hyphenated at a line end. "emotieherkenningssoft-" + "ware" is one word, but
// "dual-" + "useverordening" keeps its hyphen. The rule is general, not a word list from one
// document: keep the hyphen when the document itself writes the hyphenated form elsewhere, when
// Dutch spelling requires one (vowel clash "zee-egel", a capital "Noord-Holland", a number
// "COVID-19", an abbreviation "EU-landen", prefixes "oud-", "ex-", "niet-"), and keep "land- en"
// (a suspended compound before "en"/"of"); otherwise join, unless the document writes the joined
// form nowhere but writes the left part as a hyphenated prefix.

export interface Vocabulary {
  words: Set<string>;
  /** How often each hyphenated lower-case token occurs (line-end fragments included): only
   * hyphenated forms are ever looked up, and counting every token would double the cost. */
  counts: Map<string, number>;
  /** Lower-case left parts of hyphenated words written mid-line ("dual" from "dual-useverordening"). */
  hyphenPrefixes: Set<string>;
}

// Endings that never begin a word: "wense-lijk", "beschik-baar", "gezond-heid" are one word.
const SUFFIXES = new Set([
  'lijk',
  'lijke',
  'lijker',
  'lijkheid',
  'baar',
  'bare',
  'baarheid',
  'heid',
  'heden',
  'ing',
  'ingen',
  'isch',
  'ische',
  'schap',
  'schappen',
  'tie',
  'ties',
  'ren',
  'den',
  'ten',
  'gen',
  'ke',
  'ken',
]);
const CONJUNCTIONS = new Set([
  'en',
  'of',
  'tot',
  'noch',
  'als',
  'dan',
  'and',
  'or',
  'c.q.',
  'resp.',
  'respectievelijk',
]);
const PREFIXES = new Set(['ex', 'oud', 'niet', 'non', 'anti', 'pro', 'vice', 'co', 'e', 'x']);
// Vowel pairs that would read as one sound when joined: Dutch writes a hyphen between them.
const CLASHES = new Set([
  'aa',
  'ae',
  'ai',
  'au',
  'ee',
  'ei',
  'eu',
  'ie',
  'ii',
  'oe',
  'oi',
  'oo',
  'ou',
  'ui',
  'uu',
]);

// A token is /[\p{L}\d](?:[\p{L}\d'’-]*[\p{L}\d])?/u: a run of letters, digits, apostrophes and
// hyphens, from its first to its last letter or digit. The vocabulary is built for every text
// document from every token, where that regular expression (and a Set add per token through a
// closure) was the parser's largest single cost; `buildVocabulary` scans character codes instead.
// A character's class: 1 letter or digit, 2 apostrophe or hyphen (inside a token only), 3 other.
const BMP_CLASS = new Uint8Array(0x10000);
const LETTER = /^\p{L}$/u;

function classOf(code: number): number {
  let known = BMP_CLASS[code] ?? 0;
  if (known === 0) {
    known =
      (code >= 0x30 && code <= 0x39) || LETTER.test(String.fromCharCode(code))
        ? 1
        : code === 0x27 || code === 0x2d || code === 0x2019
          ? 2
          : 3;
    BMP_CLASS[code] = known;
  }
  return known;
}

/** The class of the character at `i` and its length in code units (2 for a surrogate pair). */
function classAt(text: string, i: number): [cls: number, width: number] {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const point = String.fromCharCode(code, low);
      return [LETTER.test(point) ? 1 : 3, 2];
    }
  }
  // A lone surrogate is no letter; the table says so (3) like for any other non-letter.
  return [classOf(code), 1];
}

/** The tokens of one (lower-case) line, in order. */
export function tokensOf(line: string): string[] {
  const tokens: string[] = [];
  let start = -1; // first letter or digit of the current run
  let end = -1; // just past its last letter or digit
  for (let i = 0; i < line.length; ) {
    const code = line.charCodeAt(i);
    // ASCII letters and digits are nearly all characters: decided without the table.
    let cls: number;
    let width = 1;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) cls = 1;
    else if (code < 0xd800 || code > 0xdbff) cls = classOf(code);
    else [cls, width] = classAt(line, i);
    if (cls === 1) {
      if (start < 0) start = i;
      end = i + width;
    } else if (cls === 3 && start >= 0) {
      tokens.push(line.slice(start, end));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) tokens.push(line.slice(start, end));
  return tokens;
}

// A line whose last token may be a line-end fragment ("emotieherkenningssoft-").
const FRAGMENT_LINE = /-\s*$/;

export function buildVocabulary(lines: readonly string[]): Vocabulary {
  const words = new Set<string>();
  const hyphenPrefixes = new Set<string>();
  const counts = new Map<string, number>();
  for (const line of lines) {
    const tokens = tokensOf(line.toLowerCase());
    // A last token ending in "-" may be a line-end fragment: it counts, but is no word.
    const wordCount =
      tokens.length > 0 && FRAGMENT_LINE.test(line) ? tokens.length - 1 : tokens.length;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      const dash = token.indexOf('-');
      if (dash >= 0) counts.set(token, (counts.get(token) ?? 0) + 1);
      if (i >= wordCount) continue;
      words.add(token);
      if (dash > 0) hyphenPrefixes.add(token.slice(0, dash));
    }
  }
  return { words, counts, hyphenPrefixes };
}

export type HyphenJoin = 'join' | 'keep' | 'suspended';

/** How "left-" at a line end continues with `right`: joined, hyphen kept, or "left- right" kept. */
export function decideHyphen(leftWord: string, rightWord: string, vocab: Vocabulary): HyphenJoin {
  const left = leftWord.replace(/^[^\p{L}\d]+/u, '');
  const right = rightWord.replace(/[^\p{L}\d]+$/u, '');
  if (!left || !right) return 'suspended';
  if (CONJUNCTIONS.has(rightWord.toLowerCase())) return 'suspended';
  if (/\d$/.test(left) || /^\d/.test(right)) return 'keep';
  if (/^\p{Lu}/u.test(right)) return 'keep';
  const lastPart = left.split('-').pop() ?? left;
  if ((lastPart.match(/\p{Lu}/gu) ?? []).length >= 2) return 'keep';
  const joined = `${lastPart}${right}`.toLowerCase();
  const lower = lastPart.toLowerCase();
  if (vocab.words.has(`${lower}-${right.toLowerCase()}`)) return 'keep';
  if (vocab.words.has(joined) || SUFFIXES.has(right.toLowerCase())) return 'join';
  const clash = `${lower.slice(-1)}${right.charAt(0).toLowerCase()}`;
  if (CLASHES.has(clash) && /[aeiou]$/.test(lower)) return 'keep';
  if (PREFIXES.has(lower)) return 'keep';
  if (vocab.hyphenPrefixes.has(lower)) return 'keep';
  return 'join';
}

/**
 * pypdf merges lines and keeps the line-end hyphen inside the word ("wense-lijk", "ambte-naar").
 * Join such a word when the document writes the joined form elsewhere and this hyphenated form
 * only once.
 */
export function isMergedLineBreak(left: string, right: string, vocab: Vocabulary): boolean {
  const joined = `${left}${right}`.toLowerCase();
  const hyphenated = `${left}-${right}`.toLowerCase();
  if (/\d/.test(joined) || (vocab.counts.get(hyphenated) ?? 0) > 1) return false;
  return vocab.words.has(joined) || SUFFIXES.has(right.toLowerCase());
}
