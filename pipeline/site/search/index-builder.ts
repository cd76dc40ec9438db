import { compareText } from '../html.ts';
import { encodePostings, scriptData } from './script-data.ts';
import { shardPath } from './search-text.ts';

// The full-text index, split so a query loads only the files of its own words. Each word's
// list of documents (by ordinal: newest session year first) goes to the shard named by the
// shortest prefix of the word whose shard stays small; the browser picks the longest shard
// name that starts its word. Filters are lists of their own, loaded when chosen.

export interface SiteFileLike {
  path: string;
  content: string;
}

/** Encoded bytes a shard may hold before it splits by a longer prefix. */
const SHARD_BYTES = 160_000;

export type FacetKind = 'party' | 'ministry' | 'year' | 'late';

export interface IndexManifest {
  /** Shard names, sorted; the file is search/w/NAME.js (see shardPath). */
  shards: string[];
  /** Per filter: [label, file] pairs, files under search/f/. */
  facets: Record<FacetKind, [string, string][]>;
}

export class SearchIndexBuilder {
  private readonly words = new Map<string, Postings>();
  private readonly facetLists = new Map<string, Postings>();

  /** Ordinals must come in increasing order. */
  add(ordinal: number, words: readonly string[], facets: readonly [FacetKind, string][]): void {
    for (const w of words) push(this.words, w, ordinal);
    for (const [kind, label] of facets) push(this.facetLists, `${kind}\u0000${label}`, ordinal);
  }

  /**
   * The shard and filter files one at a time, then what the manifest says about them. Each
   * word's list is encoded and let go in turn, so the index is never in memory twice.
   */
  *files(): Generator<SiteFileLike, IndexManifest> {
    const encoded: [string, string][] = [...this.words.keys()].sort(compareText).map((w) => {
      const list = encodePostings(this.words.get(w)?.values() ?? []);
      this.words.delete(w);
      return [w, list];
    });
    const shards: string[] = [];
    for (const [key, entries] of splitShards(encoded, 2)) {
      const path = shardPath(key);
      shards.push(key);
      yield { path, content: scriptData(path, Object.fromEntries(entries)) };
    }
    encoded.length = 0;
    const facets: IndexManifest['facets'] = { party: [], ministry: [], year: [], late: [] };
    const keys = [...this.facetLists.keys()].sort(compareText);
    for (const [i, key] of keys.entries()) {
      const [kind, label] = key.split('\u0000') as [FacetKind, string];
      const path = `search/f/${i}.js`;
      facets[kind].push([label, path]);
      yield {
        path,
        content: scriptData(path, encodePostings(this.facetLists.get(key)?.values() ?? [])),
      };
    }
    return { shards: shards.sort(compareText), facets };
  }
}

function push(map: Map<string, Postings>, key: string, ordinal: number): void {
  let list = map.get(key);
  if (list === undefined) map.set(ownCopy(key), (list = new Postings()));
  list.push(ordinal);
}

/**
 * The key as a string of its own: a word split from a year's spilled records may be a slice
 * that keeps all of that text alive for as long as the index keeps the word.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/**
 * A growing list of ordinals: a plain array while short (most words are rare), four bytes an
 * entry once long, so a hundred thousand records' lists fit in a modest heap.
 */
class Postings {
  private small: number[] | null = [];
  private big: Uint32Array = new Uint32Array(0);
  private n = 0;

  push(ordinal: number): void {
    if (this.last() === ordinal) return;
    if (this.small) {
      this.small.push(ordinal);
      this.n += 1;
      if (this.n === 256) {
        this.big = Uint32Array.from(this.small, (x) => x);
        this.big = grow(this.big, 512);
        this.small = null;
      }
      return;
    }
    if (this.n === this.big.length) this.big = grow(this.big, this.n * 2);
    this.big[this.n] = ordinal;
    this.n += 1;
  }
  values(): ArrayLike<number> {
    return this.small ?? this.big.subarray(0, this.n);
  }
  private last(): number | undefined {
    return this.n === 0 ? undefined : this.small ? this.small[this.n - 1] : this.big[this.n - 1];
  }
}

function grow(a: Uint32Array, size: number): Uint32Array {
  const b = new Uint32Array(size);
  b.set(a);
  return b;
}

/**
 * Groups sorted [word, postings] by prefix of `length`; a group too big for one file is split
 * by the next character, its words no longer than the prefix staying under the prefix itself.
 */
export function* splitShards(
  entries: readonly [string, string][],
  length: number,
  limit = SHARD_BYTES,
): Generator<[string, [string, string][]]> {
  let start = 0;
  while (start < entries.length) {
    const key = (entries[start] as [string, string])[0].slice(0, length);
    let end = start;
    let bytes = 0;
    while (end < entries.length && (entries[end] as [string, string])[0].slice(0, length) === key) {
      bytes += (entries[end] as [string, string])[1].length + key.length + 8;
      end += 1;
    }
    const group = entries.slice(start, end);
    if (bytes <= limit || group.every(([w]) => w.length <= length)) yield [key, group];
    else {
      const own = group.filter(([w]) => w.length <= length);
      if (own.length) yield [key, own];
      yield* splitShards(
        group.filter(([w]) => w.length > length),
        length + 1,
        limit,
      );
    }
    start = end;
  }
}
