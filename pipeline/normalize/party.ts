// A printed party spelling to its key, by the committed list and two declared rules; a spelling
// the rules do not reach stays unmapped (null), never guessed.
import { ENTITIES, type PartyEntry } from './entities.ts';

export type PartyRule = 'listed' | 'listed-without-full-stops';

export interface PartyMatch {
  key: string;
  rule: PartyRule;
}

// "(beiden GroenLinks)", "(allen VVD)": the shared party of several askers, as printed.
const SHARED = /^(?:beiden|beide|allen|alle)\s+/iu;

/** Comparison form: NFC, one space, a shared-party word dropped, case folded. */
export function partyLookupForm(printed: string): string {
  return printed.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(SHARED, '').toLowerCase();
}

const withoutStops = (form: string): string => form.replace(/[.\s]/gu, '');

function indexes(parties: readonly PartyEntry[]) {
  const exact = new Map<string, string>();
  const loose = new Map<string, Set<string>>();
  for (const party of parties) {
    for (const spelling of [party.key, ...party.spellings.map((s) => s.text)]) {
      const form = partyLookupForm(spelling);
      exact.set(form, party.key);
      const bare = withoutStops(form);
      loose.set(bare, (loose.get(bare) ?? new Set()).add(party.key));
    }
  }
  return { exact, loose };
}

const INDEX = indexes(ENTITIES.parties);

/**
 * The key of a printed party: a listed spelling (ignoring case, spacing and a leading
 * "beiden"/"allen"), else a listed spelling once full stops are dropped ("P.v.dA." → PvdA),
 * when that reaches exactly one party. Null otherwise.
 */
export function partyKey(printed: string): PartyMatch | null {
  const form = partyLookupForm(printed);
  const listed = INDEX.exact.get(form);
  if (listed !== undefined) return { key: listed, rule: 'listed' };
  const loose = INDEX.loose.get(withoutStops(form));
  if (loose !== undefined && loose.size === 1)
    return { key: [...loose][0]!, rule: 'listed-without-full-stops' };
  return null;
}
