// Joining words hyphenated at a line end. "emotieherkenningssoft-" + "ware" is one word, but
// "dual-" + "useverordening" keeps its hyphen. The rule is general, not a word list from one
// document: keep the hyphen when the document itself writes the hyphenated form elsewhere, when
// Dutch spelling requires one (vowel clash "zee-egel", a capital "Noord-Holland", a number
// "COVID-19", an abbreviation "EU-landen", prefixes "oud-", "ex-", "niet-"), and keep "land- en"
// (a suspended compound before "en"/"of"); otherwise join, unless the document writes the joined
// form nowhere but writes the left part as a hyphenated prefix.

export interface Vocabulary {
  words: Set<string>;
  /** How often each lower-case token occurs (line-end fragments included). */
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

const TOKEN = /[\p{L}\d](?:[\p{L}\d'’-]*[\p{L}\d])?/gu;

export function buildVocabulary(lines: readonly string[]): Vocabulary {
  const words = new Set<string>();
  const hyphenPrefixes = new Set<string>();
  const counts = new Map<string, number>();
  for (const line of lines) {
    const tokens = line.toLowerCase().match(TOKEN);
    if (!tokens) continue;
    // A last token ending in "-" may be a line-end fragment: it counts, but is no word.
    const fragment = /-\s*$/.test(line);
    tokens.forEach((token, i) => {
      counts.set(token, (counts.get(token) ?? 0) + 1);
      if (fragment && i === tokens.length - 1) return;
      words.add(token);
      const dash = token.indexOf('-');
      if (dash > 0) hyphenPrefixes.add(token.slice(0, dash));
    });
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
