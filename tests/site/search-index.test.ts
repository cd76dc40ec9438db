import { describe, expect, it } from 'vitest';
import { splitShards } from '../../pipeline/site/search/index-builder.ts';
import { decodePostings, encodePostings } from '../../pipeline/site/search/script-data.ts';
import { fold, indexWords, shardPath } from '../../pipeline/site/search/search-text.ts';

// The browser's rule for finding a word's shard: the longest shard name that starts the word.
function shardOf(names: readonly string[], word: string): string | undefined {
  return names.filter((n) => word.startsWith(n)).sort((a, b) => b.length - a.length)[0];
}

describe('the sharded search index', () => {
  it('splits a crowded prefix until each shard fits, and every word stays in the shard the browser picks', () => {
    const words = ['va', 'vaar', 'vaart', 'vaartuig', 'vak', 'vakantie', 'van', 'vb', 'w'];
    const entries = words.map((w, i): [string, string] => [
      w,
      encodePostings([i, i + 50, i + 900]),
    ]);
    const shards = [...splitShards(entries, 2, 40)];
    const names = shards.map(([name]) => name);
    expect(names.length).toBeGreaterThan(3);
    for (const [, group] of shards)
      expect(group.reduce((n, [w, p]) => n + w.length + p.length, 0)).toBeLessThan(120);
    for (const [word] of entries) {
      const holder = shards.find(([name]) => name === shardOf(names, word));
      expect(
        holder?.[1].map(([w]) => w),
        word,
      ).toContain(word);
    }
    // A word absent from the index finds a shard without it rather than a wrong list.
    const absent = shards.find(([name]) => name === shardOf(names, 'vaas'))?.[1] ?? [];
    expect(absent.map(([w]) => w)).not.toContain('vaas');
  });

  it('encodes ascending ordinals as base-36 gaps and back', () => {
    const list = [0, 1, 35, 36, 1000, 99_999];
    expect(encodePostings(list)).toBe('0,1,y,1,qs,24dz');
    expect(decodePostings(encodePostings(list))).toEqual(list);
    expect(decodePostings('')).toEqual([]);
  });

  it('folds case and diacritics, drops Dutch function words, keeps numbers and ids apart', () => {
    expect(
      indexWords(['De Minister van Financiën', 'financien', 'Ruimte voor 2.000 woningen']),
    ).toEqual(['minister', 'financien', 'ruimte', '2', '000', 'woningen']);
    expect(indexWords(['Noldus-software', '2019Z12806'])).toEqual([
      'noldus',
      'software',
      '2019z12806',
    ]);
    expect(fold('Ĳssel café')).toBe('ĳssel cafe');
    expect(shardPath('ĳs')).toBe('search/w/_133s.js');
  });
});
