import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../../pipeline/normalize/entities.ts';
import { portfolioKey } from '../../pipeline/normalize/ministry.ts';
import { partyKey } from '../../pipeline/normalize/party.ts';

// The committed reference lists: the review rules a hand edit must keep.
describe('data/entities', () => {
  const lists = [
    ['parties', ENTITIES.parties],
    ['ministries', ENTITIES.ministries],
    ['persons', ENTITIES.persons],
  ] as const;

  it.each(lists)('%s: keys are unique and every source is named', (name, list) => {
    const keys = list.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    const named = ENTITIES.sources[name];
    for (const entry of list) {
      expect(entry.sources.length, entry.key).toBeGreaterThan(0);
      for (const s of entry.sources) expect(named[s], `${entry.key}: ${s}`).toBeDefined();
      if ('spellings' in entry)
        for (const sp of entry.spellings)
          for (const seen of sp.seen) expect(named[seen], `${entry.key}: ${seen}`).toBeDefined();
    }
  });

  it('every party spelling maps to its own party, and no spelling to two', () => {
    for (const party of ENTITIES.parties)
      for (const s of party.spellings) expect(partyKey(s.text)?.key, s.text).toBe(party.key);
  });

  it('every ministry spelling maps to its own portfolio, and departments exist', () => {
    const keys = new Set(ENTITIES.ministries.map((m) => m.key));
    for (const m of ENTITIES.ministries) {
      expect(keys.has(m.department), m.key).toBe(true);
      expect(ENTITIES.ministries.find((x) => x.key === m.department)?.kind).toBe('ministry');
      for (const s of m.spellings) expect(portfolioKey(s.text), s.text).toBe(m.key);
    }
  });

  it("persons' memberships name listed parties, in order, with plausible years", () => {
    const parties = new Set(ENTITIES.parties.map((p) => p.key));
    for (const p of ENTITIES.persons) {
      expect(p.names).toContain(p.surname);
      for (const m of p.memberships) {
        if (m.party !== null) expect(parties.has(m.party), `${p.key}: ${m.party}`).toBe(true);
        expect(m.from).toBeGreaterThanOrEqual(1815);
        if (m.to !== null) expect(m.to).toBeGreaterThanOrEqual(m.from);
      }
    }
  });
});
