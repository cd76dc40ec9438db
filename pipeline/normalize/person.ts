// A printed asker to the key of a member, only where the committed list leaves one candidate:
// the printed name is one of the member's names, the member sat for the printed party in the
// document's year, and has the initials the metadata states (where it does). Two members who
// share a surname are told apart by party and year, or not at all (null, with the reason).
import { ENTITIES, type Membership, type PersonEntry } from './entities.ts';

export type PersonOutcome =
  | { key: string }
  | { key: null; reason: 'unknown-name' | 'no-match' | 'ambiguous' | 'no-party-or-year' };

export interface PersonQuery {
  /** canonicalName of the printed name. */
  name: string;
  partyKey: string | null;
  /** Calendar year of the document (submitted, else answered); null when unknown. */
  year: number | null;
  /** From metadata.xml; null when not stated. */
  initials: string | null;
}

// "E. van Middelkoop": initials printed before the name.
const LEADING_INITIALS = /^((?:\p{Lu}\.\s?)+)\s*/u;

const fold = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
const bareInitials = (s: string): string => s.replace(/[.\s]/gu, '').toLowerCase();

function byName(persons: readonly PersonEntry[]): Map<string, PersonEntry[]> {
  const map = new Map<string, PersonEntry[]>();
  for (const p of persons)
    for (const n of new Set(p.names.map(fold))) map.set(n, [...(map.get(n) ?? []), p]);
  return map;
}

const BY_NAME = byName(ENTITIES.persons);

function sat(m: Membership, partyKey: string | null, year: number | null): boolean {
  if (partyKey !== null && m.party !== partyKey) return false;
  return year === null || (m.from <= year && (m.to === null || year <= m.to));
}

// Where the list lacks a member's initials, the first one must still be the given name's.
function sameInitials(p: PersonEntry, initials: string): boolean {
  const stated = bareInitials(initials);
  if (p.initials !== null) return bareInitials(p.initials) === stated;
  return stated.startsWith(p.given_name.normalize('NFD').charAt(0).toLowerCase());
}

export function personKey(query: PersonQuery): PersonOutcome {
  const printed = LEADING_INITIALS.exec(query.name);
  const name = printed === null ? query.name : query.name.slice(printed[0].length);
  const initials = query.initials ?? printed?.[1] ?? null;
  const named = BY_NAME.get(fold(name));
  if (named === undefined) return { key: null, reason: 'unknown-name' };
  const fits = named.filter(
    (p) =>
      p.memberships.some((m) => sat(m, query.partyKey, query.year)) &&
      (initials === null || sameInitials(p, initials)),
  );
  // Without party or year a shared name cannot be told apart; one listed person with the name
  // still needs a printed party or year that fits a membership.
  if (fits.length === 1 && (query.partyKey !== null || query.year !== null))
    return { key: fits[0]!.key };
  if (fits.length === 1) return { key: null, reason: 'no-party-or-year' };
  return { key: null, reason: fits.length === 0 ? 'no-match' : 'ambiguous' };
}
