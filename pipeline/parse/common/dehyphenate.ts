import { letterAt, letterBefore } from './letters.ts';
import { isSpaceCode } from './text-clean.ts';

// Joining words hyphenated at a line end. "emotieherkenningssoft-" + "ware" is one word, but
// "dual-" + "useverordening" keeps its hyphen. The rule is general, not a word list from one
// document: keep the hyphen when the document itself writes the hyphenated form elsewhere, when
// Dutch spelling requires one (vowel clash "zee-egel", a capital "Noord-Holland", a number
// "COVID-19", an abbreviation "EU-landen", prefixes "oud-", "ex-", "niet-"), and keep "land- en"
// (a suspended compound before "en"/"of"); otherwise join, unless the document writes the joined
// form nowhere but writes the left part as a hyphenated prefix.

/** What the document itself writes, asked in lower case. */
export interface Vocabulary {
  /** Whether `word` occurs as a token that is no line-end fragment. */
  hasWord(word: string): boolean;
  /** How often `token` occurs, line-end fragments included. */
  count(token: string): number;
  /** Whether a word is written mid-line with a hyphen after `prefix` ("dual" from "dual-useverordening"). */
  hasHyphenPrefix(prefix: string): boolean;
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

// A token is /[\p{L}\d](?:[\p{L}\d'’-]*[\p{L}\d])?/u: within a run of letters, digits, apostrophes
// and hyphens, the stretch from its first to its last letter or digit. Character classes:
const ALNUM = 1; // a letter or digit
const JOINER = 2; // an apostrophe or hyphen: inside a token only
const OTHER = 3;

/** The class of the code point at `i` and its width in code units (class * 4 + width). */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  // ASCII letters and digits are nearly all characters: decided without the table.
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return ALNUM * 4 + 1;
  if (code === 0x27 || code === 0x2d || code === 0x2019) return JOINER * 4 + 1;
  const width = letterAt(text, i);
  return width > 0 ? ALNUM * 4 + width : OTHER * 4 + 1;
}

/** The class of the code point ending just before `i` (0 at the start). */
function classBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const code = text.charCodeAt(i - 1);
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return ALNUM;
  if (code === 0x27 || code === 0x2d || code === 0x2019) return JOINER;
  return letterBefore(text, i) > 0 ? ALNUM : OTHER;
}

/** The tokens of one (lower-case) line, in order. */
export function tokensOf(line: string): string[] {
  const tokens: string[] = [];
  let start = -1; // first letter or digit of the current run
  let end = -1; // just past its last letter or digit
  for (let i = 0; i < line.length;) {
    const point = classAt(line, i);
    const cls = point >> 2;
    if (cls === ALNUM) {
      if (start < 0) start = i;
      end = i + (point & 3);
    } else if (cls === OTHER && start >= 0) {
      tokens.push(line.slice(start, end));
      start = -1;
    }
    i += point & 3;
  }
  if (start >= 0) tokens.push(line.slice(start, end));
  return tokens;
}

/** True when `text` is one whole token. */
function isToken(text: string): boolean {
  const tokens = tokensOf(text);
  return tokens.length === 1 && tokens[0] === text;
}

// Whether a token can start at `start` / end at `end`: the run of letters, digits, apostrophes
// and hyphens around that point holds no letter or digit before / after it.
function startsToken(text: string, start: number): boolean {
  let i = start;
  for (let cls = classBefore(text, i); cls !== 0 && cls !== OTHER; cls = classBefore(text, i)) {
    if (cls === ALNUM) return false;
    i -= 1; // a joiner, one code unit
  }
  return true;
}

function endsToken(text: string, end: number): boolean {
  for (let j = end; j < text.length; j += 1) {
    const cls = classAt(text, j) >> 2;
    if (cls === ALNUM) return false;
    if (cls === OTHER) break;
  }
  return true;
}

/** True when the line ends in "-" and optional white space (/-\s*$/). */
function endsInHyphen(line: string): boolean {
  let end = line.length;
  while (end > 0 && isSpaceCode(line.charCodeAt(end - 1))) end--;
  return end > 0 && line.charCodeAt(end - 1) === 0x2d;
}

// The vocabulary of one document. Building it (every token of every line into a set) was the
// parser's largest single cost, yet a document asks it only a few questions (six on average in
// the generated corpus): each is answered by searching the lower-case text, and remembered. A
// search reads the whole text, so a document that asks many (a long one with many line-end
// hyphens) gets the full index after SEARCH_BUDGET searches: the work stays linear in its length.
const SEARCH_BUDGET = 32;

interface VocabularyIndex {
  counts: Map<string, number>;
  hyphenPrefixes: Set<string>;
}

class TextVocabulary implements Vocabulary {
  private readonly counts = new Map<string, number>();
  private readonly prefixes = new Map<string, boolean>();
  private searches = 0;
  private index: VocabularyIndex | null = null;

  constructor(
    /** The lines, lower case, joined by "\n" (a character no token crosses). */
    private readonly text: string,
    /** Tokens at the end of a line ending in "-", and how often: they count but are no words. */
    private readonly fragments: ReadonlyMap<string, number>,
    private readonly searchBudget: number,
  ) {}

  count(token: string): number {
    if (this.index) return this.index.counts.get(token) ?? 0;
    let n = this.counts.get(token);
    if (n === undefined) {
      n = this.search(token);
      this.counts.set(token, n);
      this.searched();
    }
    return n;
  }

  hasWord(word: string): boolean {
    return this.count(word) > (this.fragments.get(word) ?? 0);
  }

  hasHyphenPrefix(prefix: string): boolean {
    if (this.index) return this.index.hyphenPrefixes.has(prefix);
    let known = this.prefixes.get(prefix);
    if (known === undefined) {
      known = this.searchPrefix(prefix);
      this.prefixes.set(prefix, known);
      this.searched();
    }
    return known;
  }

  private searched(): void {
    this.searches++;
    if (this.searches > this.searchBudget && !this.index) this.index = this.buildIndex();
  }

  /** How often `token` occurs as a whole token. */
  private search(token: string): number {
    if (!isToken(token)) return 0;
    const text = this.text;
    let n = 0;
    for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1))
      if (startsToken(text, at) && endsToken(text, at + token.length)) n++;
    return n;
  }

  private searchPrefix(prefix: string): boolean {
    // The left part of a token's first hyphen: a token itself once a letter follows the hyphen.
    if (prefix.includes('-') || !isToken(`${prefix}-a`)) return false;
    const text = this.text;
    const probe = `${prefix}-`;
    for (let at = text.indexOf(probe); at >= 0; at = text.indexOf(probe, at + 1)) {
      if (!startsToken(text, at)) continue;
      // The token runs on to the last letter or digit of its run; the hyphen must lie inside it.
      let end = -1;
      for (let j = at + probe.length; j < text.length;) {
        const point = classAt(text, j);
        if (point >> 2 === OTHER) break;
        j += point & 3;
        if (point >> 2 === ALNUM) end = j;
      }
      if (end > 0 && this.hasWord(text.slice(at, end))) return true;
    }
    return false;
  }

  /** Every token with its count, and the left parts of the hyphenated ones that are words. */
  private buildIndex(): VocabularyIndex {
    const counts = new Map<string, number>();
    for (const token of tokensOf(this.text)) counts.set(token, (counts.get(token) ?? 0) + 1);
    const hyphenPrefixes = new Set<string>();
    for (const [token, n] of counts) {
      const dash = token.indexOf('-');
      if (dash > 0 && n > (this.fragments.get(token) ?? 0))
        hyphenPrefixes.add(token.slice(0, dash));
    }
    return { counts, hyphenPrefixes };
  }
}

/** `searchBudget`: searches before the full index is built (0 builds it at the first question). */
export function buildVocabulary(
  lines: readonly string[],
  searchBudget = SEARCH_BUDGET,
): Vocabulary {
  const fragments = new Map<string, number>();
  for (const line of lines) {
    if (!endsInHyphen(line)) continue;
    const last = tokensOf(line.toLowerCase()).at(-1);
    if (last !== undefined) fragments.set(last, (fragments.get(last) ?? 0) + 1);
  }
  return new TextVocabulary(lines.join('\n').toLowerCase(), fragments, searchBudget);
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
  if (vocab.hasWord(`${lower}-${right.toLowerCase()}`)) return 'keep';
  if (vocab.hasWord(joined) || SUFFIXES.has(right.toLowerCase())) return 'join';
  const clash = `${lower.slice(-1)}${right.charAt(0).toLowerCase()}`;
  if (CLASHES.has(clash) && /[aeiou]$/.test(lower)) return 'keep';
  if (PREFIXES.has(lower)) return 'keep';
  if (vocab.hasHyphenPrefix(lower)) return 'keep';
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
  if (/\d/.test(joined) || vocab.count(hyphenated) > 1) return false;
  return vocab.hasWord(joined) || SUFFIXES.has(right.toLowerCase());
}
