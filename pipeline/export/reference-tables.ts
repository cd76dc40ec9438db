// The reference lists as tables (parties, ministries, persons), straight from the committed
// mapping in data/entities; the same in every build until that file changes.
import { ENTITIES } from '../normalize/entities.ts';
import type { Cell } from './tables.ts';
import type { CrossTable } from './cross-tables.ts';

const SEP = '; ';
const sources = (list: keyof typeof ENTITIES.sources, keys: readonly string[]) =>
  keys.map((k) => `${k}: ${ENTITIES.sources[list][k] ?? k}`).join(SEP);
const spellings = (list: readonly { text: string }[]) => list.map((s) => s.text).join(SEP);
const text = (v: string | undefined): string | null => v ?? null;

const KEY = (what: string) => ({
  name: 'key',
  type: 'string' as const,
  required: true,
  description: `Key of the ${what}, stable across spellings; the records' keys refer to it.`,
});
const SPELLINGS = {
  name: 'spellings',
  type: 'string' as const,
  description: `Printed spellings mapped to this key (data/entities), separated by "${SEP}".`,
};
const SOURCES = {
  name: 'sources',
  type: 'string' as const,
  description: `The references this entry was checked against, separated by "${SEP}".`,
};
const NOTES = { name: 'notes', type: 'string' as const, description: 'Remarks of the mapping.' };

export const partiesTable: CrossTable = {
  name: 'parties',
  description:
    'One row per party (fractie): the key that askers.party_key refers to, from data/entities/parties.json. A merged list (GroenLinks-PvdA) is a party of its own.',
  primaryKey: ['key'],
  columns: [
    KEY('party'),
    { name: 'name', type: 'string', required: true, description: 'Full name of the party.' },
    { name: 'from', type: 'string', description: 'Year the party was founded.' },
    {
      name: 'to',
      type: 'string',
      description: 'Year it ended (merged or dissolved); empty when it still exists.',
    },
    SPELLINGS,
    SOURCES,
    NOTES,
  ],
  rows: (): Cell[][] =>
    ENTITIES.parties.map((p) => [
      p.key,
      p.name,
      p.from,
      p.to,
      spellings(p.spellings),
      sources('parties', p.sources),
      text(p.notes),
    ]),
};

export const ministriesTable: CrossTable = {
  name: 'ministries',
  description:
    'One row per portfolio (a ministry, or the portfolio of a minister without a ministry of their own): the key documents.ministry_key and cases.ministry_key refer to, from data/entities/ministries.json.',
  primaryKey: ['key'],
  columns: [
    KEY('portfolio'),
    {
      name: 'name',
      type: 'string',
      required: true,
      description: 'The portfolio as named officially.',
    },
    {
      name: 'kind',
      type: 'string',
      required: true,
      description: 'ministry, or portfolio (a minister without a ministry of their own).',
    },
    {
      name: 'department',
      type: 'string',
      required: true,
      description: "Key of the ministry the portfolio belongs to (a ministry's own key).",
    },
    SPELLINGS,
    SOURCES,
    NOTES,
  ],
  foreignKeys: [{ fields: ['department'], reference: { resource: 'ministries', fields: ['key'] } }],
  rows: (): Cell[][] =>
    ENTITIES.ministries.map((m) => [
      m.key,
      m.name,
      m.kind,
      m.department,
      spellings(m.spellings),
      sources('ministries', m.sources),
      text(m.notes),
    ]),
};

export const personsTable: CrossTable = {
  name: 'persons',
  description:
    'One row per member of parliament in data/entities/persons.json: the key askers.person_key refers to. The list is not complete: an asker who is not in it, or who cannot be told apart from a namesake, has no person key.',
  primaryKey: ['key'],
  columns: [
    KEY('member'),
    {
      name: 'surname',
      type: 'string',
      required: true,
      description: 'Surname, as headers print it.',
    },
    { name: 'given_name', type: 'string', description: 'Given name (roepnaam).' },
    { name: 'initials', type: 'string', description: 'Initials, where known.' },
    {
      name: 'memberships',
      type: 'string',
      required: true,
      description: `Party keys with years of membership ("VVD 2017-2020"; no party: "-"), separated by "${SEP}".`,
    },
    {
      name: 'names',
      type: 'string',
      required: true,
      description: `Names as printed that refer to this member, separated by "${SEP}".`,
    },
    SOURCES,
  ],
  rows: (): Cell[][] =>
    ENTITIES.persons.map((p) => [
      p.key,
      p.surname,
      p.given_name,
      p.initials,
      p.memberships.map((m) => `${m.party ?? '-'} ${m.from}-${m.to ?? ''}`).join(SEP),
      p.names.join(SEP),
      sources('persons', p.sources),
    ]),
};
