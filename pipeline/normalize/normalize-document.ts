// The normalize stage: a parsed record in, the same record with normalized values beside the
// printed ones out (askers[].canonical_name, initials, party_key, person_key; ministry_key).
// Pure; printed values are never changed. An unknown party or ministry spelling stays unmapped
// and adds a warning to the record (the build's mapping report counts them).
import type { Asker, Document, Warning } from '../types.ts';
import { canonicalName } from './clean-name.ts';
import { answeringMinistry } from './ministry.ts';
import { partyKey } from './party.ts';
import { personKey } from './person.ts';

export interface NormalizeContext {
  /** Initials per asker, in printed order, from metadata.xml (indiener); absent when not stated. */
  initials?: readonly (string | null)[] | undefined;
}

/** The document's year for person matching: of the date submitted, else answered. */
export function documentYear(doc: Pick<Document, 'submitted' | 'answered'>): number | null {
  const date = doc.submitted ?? doc.answered;
  return date === null ? null : Number(date.slice(0, 4));
}

export function normalizeDocument(doc: Document, context: NormalizeContext = {}): Document {
  const warnings: Warning[] = [];
  const year = documentYear(doc);
  const askers =
    doc.askers === null
      ? null
      : doc.askers.map((asker, i) => {
          const normalized = normalizeAsker(asker, year, context.initials?.[i] ?? null);
          if (asker.party !== null && normalized.party_key === null)
            warnings.push({
              code: 'normalize/unmapped-party',
              message: `party "${asker.party}" is not in data/entities/parties.json; add the spelling there if it names a known party`,
              field: `/askers/${i}/party`,
              line: null,
            });
          return normalized;
        });
  const ministry = answeringMinistry(doc);
  if (ministry !== null && ministry.key === null)
    warnings.push({
      code: 'normalize/unmapped-ministry',
      message: `ministry "${ministry.phrase}" is not in data/entities/ministries.json; add the spelling there if it names a known portfolio`,
      field: doc.answerer?.portfolio != null ? '/answerer/portfolio' : '/addressees/0',
      line: null,
    });
  const out: Document = { ...doc, askers, ministry_key: ministry?.key ?? null };
  return warnings.length === 0 ? out : { ...out, warnings: [...doc.warnings, ...warnings] };
}

function normalizeAsker(asker: Asker, year: number | null, initials: string | null): Asker {
  const canonical = canonicalName(asker.name);
  const party = asker.party === null ? null : (partyKey(asker.party)?.key ?? null);
  const person = personKey({ name: canonical, partyKey: party, year, initials });
  return {
    ...asker,
    canonical_name: canonical,
    initials,
    party_key: party,
    person_key: person.key,
  };
}
