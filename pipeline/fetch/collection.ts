// What the fetcher asks for and accepts, in one place: the publication names of the query,
// the creators per chamber, and the official identifier grammar. Pure. Another collection
// (a different query and grammar) plugs in beside this one without touching the fetch loop.
export const CHAMBERS = ['tk', 'ek', 'all'] as const;
export type Chamber = (typeof CHAMBERS)[number];

export interface Collection {
  name: string;
  /** w.publicatienaam values, asked for in the query and checked again on every record. */
  publicationNames: readonly string[];
  /** dcterms:creator of each chamber's publications. */
  creators: Record<Exclude<Chamber, 'all'>, string>;
  /** The official identifier grammar, exact case: nothing else is downloaded. */
  identifier: RegExp;
}

/**
 * Kamervragen identifiers (FORMATS.md §2.1): answers `ah-tk-20202021-3235` (session year without
 * dash, then the Aanhangsel number), `ah-<number>` (announced for 2025-2026, not yet seen),
 * questions without answer `kv-tk-2019Z15231` (the Zaak number, capital Z) and the old
 * `kv-2989900822`. Case-exact on purpose: `AH-TK-…` or a dotted `…-5001.metadata` would map to
 * another record's file name.
 */
const KAMERVRAGEN_ID =
  /^(?:ah-(?:tk|ek)-(?:19|20)\d{2}(?:19|20)\d{2}-\d{1,6}|ah-\d{1,7}|kv-(?:(?:tk|ek)-)?(?:(?:19|20)\d{2}Z\d{5}|\d{1,12}))$/;

export const KAMERVRAGEN: Collection = {
  name: 'kamervragen',
  publicationNames: ['Kamervragen (Aanhangsel)', 'Kamervragen zonder antwoord'],
  creators: {
    tk: 'Tweede Kamer der Staten-Generaal',
    ek: 'Eerste Kamer der Staten-Generaal',
  },
  identifier: KAMERVRAGEN_ID,
};

export const isOfficialIdentifier = (collection: Collection, identifier: string): boolean =>
  collection.identifier.test(identifier);
