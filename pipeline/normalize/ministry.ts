// A ministry phrase as printed ("Minister vanOnderwijs, Cultuur en Wetenschap", "Staatssecretaris
// van Financiën", an answerer's portfolio "Buitenlandse Zaken") to the key of its portfolio, by
// the committed list and declared rules; anything else stays unmapped (null).
import { canonicalName } from './clean-name.ts';
import { ENTITIES, type MinistryEntry } from './entities.ts';

export const PRIME_MINISTER = 'algemene-zaken';

// Role words before the portfolio, with or without "van"/"voor" (or glued to it: "vanOnderwijs",
// repaired by canonicalName first), and the title of the Minister-President.
const ROLE =
  /^(?:(minister[- ]president)|minister|staatssecretaris|staatssekretaris)(?:\s+(?:van|voor))?(?:\s+|$)/iu;
// "a.i." (ad interim) after a portfolio says who holds it, not which it is.
const AD_INTERIM = /\s+a\.\s?i\.$/iu;

/** Comparison form of a portfolio: NFC, case folded, commas dropped, one space, no "a.i.". */
export function portfolioLookupForm(portfolio: string): string {
  return canonicalName(portfolio)
    .replace(AD_INTERIM, '')
    .replace(/,/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

function index(ministries: readonly MinistryEntry[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of ministries)
    for (const s of [m.name, ...m.spellings.map((x) => x.text)])
      map.set(portfolioLookupForm(s), m.key);
  return map;
}

const INDEX = index(ENTITIES.ministries);

/** The key of a portfolio as printed after the role ("Buitenlandse Zaken"); null when unlisted. */
export function portfolioKey(portfolio: string): string | null {
  return INDEX.get(portfolioLookupForm(portfolio)) ?? null;
}

/** The key of an office as printed ("Minister van Financiën", "Minister-President"); null when unlisted. */
export function officeKey(office: string): string | null {
  const text = canonicalName(office);
  const role = ROLE.exec(text);
  if (role === null) return portfolioKey(text);
  const rest = text.slice(role[0].length);
  if (role[1] !== undefined && rest === '') return PRIME_MINISTER;
  return rest === '' ? null : portfolioKey(rest);
}

/** Where a record's ministry key comes from, and the phrase it was read from. */
export interface MinistrySource {
  phrase: string;
  key: string | null;
}

/**
 * The portfolio that answers: the answerer's printed portfolio (a Minister-President without
 * one: Algemene Zaken), else the first addressee. Null when neither is stated.
 */
export function answeringMinistry(doc: {
  answerer: { role: string | null; portfolio: string | null } | null;
  addressees: string[] | null;
}): MinistrySource | null {
  const answerer = doc.answerer;
  if (answerer?.portfolio != null)
    return { phrase: answerer.portfolio, key: portfolioKey(answerer.portfolio) };
  if (answerer?.role != null && /^minister[- ]president$/iu.test(answerer.role))
    return { phrase: answerer.role, key: PRIME_MINISTER };
  const first = doc.addressees?.[0];
  return first === undefined ? null : { phrase: first, key: officeKey(first) };
}
