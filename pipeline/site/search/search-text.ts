// How search text is folded and split, once for the index builder and once, as the same
// source text, for the browser: both sides must agree or a typed word would miss its shard.

/** Dutch function words that occur in nearly every document; indexing them buys nothing. */
export const STOPWORDS: readonly string[] = [
  'aan',
  'al',
  'als',
  'bij',
  'dan',
  'dat',
  'de',
  'den',
  'der',
  'die',
  'dit',
  'door',
  'een',
  'en',
  'er',
  'het',
  'hij',
  'in',
  'is',
  'je',
  'met',
  'na',
  'naar',
  'nog',
  'of',
  'om',
  'ook',
  'op',
  'over',
  'te',
  'tot',
  'u',
  'uit',
  'uw',
  'van',
  'voor',
  'wat',
  'we',
  'wij',
  'zijn',
  'ze',
  'zij',
  'zo',
];

// Written as browser-ready JavaScript and evaluated here too, so there is one definition.
export const SEARCH_TEXT_JS = `
var STOP = Object.create(null);
${JSON.stringify(STOPWORDS)}.forEach(function (w) { STOP[w] = true; });
/** Lower case without diacritics: "Financiën" and "financien" are the same word. */
function fold(s) {
  s = String(s || '');
  if (!/[^\\u0000-\\u007f]/.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
}
/** The words of a text as the index holds them: folded, split on anything not a letter or digit. */
function words(s) {
  var f = fold(s);
  // Plain ASCII splits the same without the (slower) Unicode classes.
  var parts = /[^\\u0000-\\u007f]/.test(f) ? f.split(/[^\\p{L}\\p{N}]+/u) : f.split(/[^a-z0-9]+/);
  return parts.filter(function (w) { return w.length > 1 || /\\d/.test(w); });
}
function indexable(w) { return !STOP[w]; }
/** The file of a shard: plain ASCII whatever the word, other characters as their code. */
function shardPath(key) {
  var safe = /^[a-z0-9]+$/.test(key) ? key : Array.from(key).map(function (c) {
    return /[a-z0-9]/.test(c) ? c : '_' + c.codePointAt(0).toString(16);
  }).join('');
  return 'search/w/' + safe + '.js';
}
/** Which of n id files lists the id: FNV-1a over its UTF-16 code units. */
function idShard(id, n) {
  var h = 0x811c9dc5;
  for (var i = 0; i < id.length; i++) { h ^= id.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h % n;
}
`;

interface TextFunctions {
  fold(s: string): string;
  words(s: string): string[];
  indexable(w: string): boolean;
  idShard(id: string, n: number): number;
  shardPath(key: string): string;
}

const fns = new Function(
  `${SEARCH_TEXT_JS}\nreturn { fold: fold, words: words, indexable: indexable, idShard: idShard, shardPath: shardPath };`,
)() as TextFunctions;

export const fold: (s: string) => string = fns.fold;
export const idShard: (id: string, n: number) => number = fns.idShard;
export const shardPath: (key: string) => string = fns.shardPath;

/** Each indexable word of the texts once, in first-seen order. */
export function indexWords(texts: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) if (text) for (const w of fns.words(text)) seen.add(w);
  // Dropped once from the distinct words rather than looked up for every word of the text.
  for (const w of STOPWORDS) seen.delete(w);
  return [...seen];
}
