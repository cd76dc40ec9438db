// The committed reference lists (data/entities/*.json), imported as data so the normalize stage
// stays pure. They are reviewed by hand: every spelling names where it was seen, every entry the
// reference it was checked against. tests/normalize checks their shape and that keys are unique.
import parties from '../../data/entities/parties.json' with { type: 'json' };
import ministries from '../../data/entities/ministries.json' with { type: 'json' };
import persons from '../../data/entities/persons.json' with { type: 'json' };

export interface Spelling {
  text: string;
  /** Where the spelling was seen (keys of the file's `sources`); [] when listed from the reference only. */
  seen: string[];
}

export interface PartyEntry {
  key: string;
  name: string;
  from: string | null;
  to: string | null;
  sources: string[];
  notes?: string;
  spellings: Spelling[];
}

export interface MinistryEntry {
  key: string;
  name: string;
  /** A ministry, or the portfolio of a minister without a ministry of their own. */
  kind: 'ministry' | 'portfolio';
  /** Key of the ministry the portfolio belongs to (a ministry's own key for a ministry). */
  department: string;
  sources: string[];
  notes?: string;
  spellings: Spelling[];
}

export interface Membership {
  /** Party key; null for a member sitting without a party. */
  party: string | null;
  from: number;
  to: number | null;
}

export interface PersonEntry {
  key: string;
  surname: string;
  given_name: string;
  initials: string | null;
  memberships: Membership[];
  /** Names as printed in documents' headers. */
  names: string[];
  sources: string[];
  seen: string[];
}

export interface EntityLists {
  parties: readonly PartyEntry[];
  ministries: readonly MinistryEntry[];
  persons: readonly PersonEntry[];
  /** What each list's source keys stand for, per list (the same key may differ in detail). */
  sources: Readonly<Record<'parties' | 'ministries' | 'persons', Readonly<Record<string, string>>>>;
}

export const ENTITIES: EntityLists = {
  parties: parties.parties as PartyEntry[],
  ministries: ministries.ministries as MinistryEntry[],
  persons: persons.persons as PersonEntry[],
  sources: { parties: parties.sources, ministries: ministries.sources, persons: persons.sources },
};
