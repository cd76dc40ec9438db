// What the build keeps of each record for the tables made across records (cases) and the mapping
// report: a few fields and the printed spellings with the keys they mapped to. Small, so a
// build of any size keeps one per record instead of the records themselves.
import type { Document } from '../types.ts';
import { answeringMinistry, officeKey } from './ministry.ts';

/** A printed value and the key it maps to (null: unmapped). */
export type Mapped = [printed: string, key: string | null];

export interface RecordFacts {
  type: Document['type'];
  case_number: string | null;
  ministry_key: string | null;
  /** Party keys of the askers, each once, in printed order. */
  party_keys: string[];
  /** Printed party spellings of the askers. */
  parties: Mapped[];
  /** Ministry phrases: the answering portfolio, then every addressee and co-answerer. */
  ministries: Mapped[];
  /** Askers as "canonical name (printed party)" with their person key. */
  persons: Mapped[];
}

export function recordFacts(doc: Document): RecordFacts {
  const askers = doc.askers ?? [];
  const answering = answeringMinistry(doc);
  const offices = [...(doc.addressees ?? []), ...(doc.co_answerers ?? [])];
  return {
    type: doc.type,
    case_number: doc.case_number,
    ministry_key: doc.ministry_key ?? answering?.key ?? null,
    party_keys: [...new Set(askers.flatMap((a) => (a.party_key ? [a.party_key] : [])))],
    parties: askers.flatMap((a): Mapped[] =>
      a.party === null ? [] : [[a.party, a.party_key ?? null]],
    ),
    ministries: [
      ...(answering === null || doc.answerer?.portfolio == null
        ? []
        : [[answering.phrase, answering.key] as Mapped]),
      ...offices.map((o): Mapped => [o, officeKey(o)]),
    ],
    persons: askers.map((a): Mapped => {
      const name = a.canonical_name ?? a.name;
      return [a.party === null ? name : `${name} (${a.party})`, a.person_key ?? null];
    }),
  };
}
