import { isOfficialId } from './ids.ts';

// Where a researcher finds the publication itself: the official site's page for the id. The
// metadata names its own record as ".../<id>/metadata.xml"; the document's page is that folder.
export const OFFICIAL_SITE = 'https://zoek.officielebekendmakingen.nl';

/** The publication's page, `https://zoek.officielebekendmakingen.nl/<id>`; null for a derived id. */
export function officialUrl(id: string): string | null {
  return isOfficialId(id) ? `${OFFICIAL_SITE}/${id}` : null;
}

/**
 * The document's page as the metadata states it (OVERHEIDop.externMetadataRecord
 * ".../ah-tk-20202021-3235/metadata.xml", or a preferred URL ".../ah-tk-20202021-3235.html"),
 * in the one form officialUrl gives, only when it is on the official site and names the record's
 * own id; else null. It covers ids outside our grammar (older "kv-2989900822").
 */
export function statedUrl(value: string | null, id: string): string | null {
  if (value === null) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.origin !== OFFICIAL_SITE || url.search !== '' || url.hash !== '') return null;
  const page = url.pathname.replace(/\/metadata(?:_owms)?\.xml$/, '').replace(/\.html$/, '');
  return page === `/${id}` ? `${OFFICIAL_SITE}/${id}` : null;
}
