// Joining words hyphenated at a line end. "emotieherkenningssoft-" + "ware" is one word, but
// "dual-" + "useverordening" keeps its hyphen. The rule is general, not a word list from one
// document: keep the hyphen when the document itself writes the hyphenated form elsewhere, when
// Dutch spelling requires one (vowel clash "zee-egel", a capital "Noord-Holland", a number
// "COVID-19", an abbreviation "EU-landen", prefixes "oud-", "ex-", "niet-"), and keep "land- en"
// (a suspended compound before "en"/"of"); otherwise join, unless the document writes the joined
// form nowhere but writes the left part as a hyphenated prefix.

export interface Vocabulary {
  words: Set<string>;
  /** Lower-case left parts of hyphenated words written mid-line ("dual" from "dual-useverordening"). */
  hyphenPrefixes: Set<string>;
}

const CONJUNCTIONS = new Set(['en', 'of', 'tot', 'noch', 'als', 'dan', 'and', 'or', 'c.q.', 'resp.', 'respectievelijk']);
const PREFIXES = new Set(['ex', 'oud', 'niet', 'non', 'anti', 'pro', 'vice', 'co', 'e', 'x']);
// Vowel pairs that would read as one sound when joined: Dutch writes a hyphen between them.
const CLASHES = new Set(['aa', 'ae', 'ai', 'au', 'ee', 'ei', 'eu', 'ie', 'ii', 'oe', 'oi', 'oo', 'ou', 'ui', 'uu']);

export function buildVocabulary(lines: readonly string[]): Vocabulary {
  const words = new Set<string>();
  const hyphenPrefixes = new Set<string>();
  for (const line of lines) {
    const tokens = line.trim().split(/\s+/);
    // The last token may be a line-end fragment: leave it out.
    for (let i = 0; i < tokens.length - 1; i++) {
      const token = (tokens[i] ?? '').replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '').toLowerCase();
      if (!token) continue;
      words.add(token);
      const dash = token.indexOf('-');
      if (dash > 0 && dash < token.length - 1) hyphenPrefixes.add(token.slice(0, dash));
    }
  }
  return { words, hyphenPrefixes };
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
  if (vocab.words.has(joined)) return 'join';
  const clash = `${lower.slice(-1)}${right.charAt(0).toLowerCase()}`;
  if (CLASHES.has(clash) && /[aeiou]$/.test(lower)) return 'keep';
  if (PREFIXES.has(lower)) return 'keep';
  if (vocab.hyphenPrefixes.has(lower)) return 'keep';
  return 'join';
}
