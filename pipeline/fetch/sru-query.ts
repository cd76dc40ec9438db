// The SRU 2.0 request the fetcher sends, in the form KOOP's own harvester uses (FORMATS.md §1.1).
import { CHAMBERS, KAMERVRAGEN, type Chamber, type Collection } from './collection.ts';

export { CHAMBERS, type Chamber };
export const PUBLICATION_NAMES = KAMERVRAGEN.publicationNames;
/** dcterms:creator of each chamber's publications, as in the recorded ah-tk record. */
export const CHAMBER_CREATORS = KAMERVRAGEN.creators;

export const DEFAULT_SRU_URL = 'https://repository.overheid.nl/sru';
/** Page size: KOOP's harvester uses 10, third parties up to 1000; 100 keeps pages small and few. */
export const DEFAULT_PAGE_SIZE = 100;

const quote = (value: string): string => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** CQL for written questions and answers modified on or after `modifiedSince` (YYYY-MM-DD). */
export function buildQuery(options: {
  modifiedSince: string | null;
  chamber: Chamber;
  collection?: Collection;
}): string {
  const collection = options.collection ?? KAMERVRAGEN;
  const names = collection.publicationNames
    .map((name) => `w.publicatienaam==${quote(name)}`)
    .join(' or ');
  const parts = [`c.product-area==${quote('officielepublicaties')}`, `(${names})`];
  if (options.chamber !== 'all')
    parts.push(`dt.creator==${quote(collection.creators[options.chamber])}`);
  if (options.modifiedSince !== null) parts.push(`dt.modified>=${quote(options.modifiedSince)}`);
  return parts.join(' and ');
}

/** The searchRetrieve URL for one page; `startRecord` is 1-based. */
export function buildSearchUrl(
  baseUrl: string,
  query: string,
  startRecord: number,
  maximumRecords: number,
): string {
  const url = new URL(baseUrl);
  url.searchParams.set('operation', 'searchRetrieve');
  url.searchParams.set('version', '2.0');
  url.searchParams.set('recordSchema', 'gzd');
  url.searchParams.set('startRecord', String(startRecord));
  url.searchParams.set('maximumRecords', String(maximumRecords));
  url.searchParams.set('query', query);
  return url.toString();
}
