// Decides, per SRU record, whether and what to download. Pure. The query already asks for the
// right publications, but nothing the service says is trusted: type, chamber, identifier and
// every URL are checked here again.
import type { Diagnostic } from '../errors.ts';
import { isOfficialIdentifier, KAMERVRAGEN, type Chamber, type Collection } from './collection.ts';
import type { SruRecord } from './sru-response.ts';

/** Hosts that publish the official repository (FORMATS.md §2.1); only https is followed there. */
export const OFFICIAL_HOSTS = [
  'repository.overheid.nl',
  'zoek.officielebekendmakingen.nl',
  'repository.officiele-overheidspublicaties.nl',
];

export interface Download {
  identifier: string;
  /** Base of the file names: `<base>.xml` and `<base>.metadata.xml`. */
  base: string;
  modified: string | null;
  version: string | null;
  xmlUrl: string;
  metadataUrl: string | null;
}

/** Identifiers become file names: letters, digits, dot, dash, underscore; no leading dot, no `..`. */
const SAFE_IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isSafeIdentifier(identifier: string): boolean {
  return SAFE_IDENTIFIER.test(identifier) && !identifier.includes('..');
}

/** A URL may be followed when it is https on an official host, or on the configured SRU origin. */
export function isAllowedUrl(url: URL, sruOrigin: string): boolean {
  if (url.username || url.password) return false;
  if (url.origin === sruOrigin) return true;
  return url.protocol === 'https:' && url.port === '' && OFFICIAL_HOSTS.includes(url.hostname);
}

const sameName = (a: string, b: string) =>
  a.localeCompare(b, 'nl', { sensitivity: 'accent' }) === 0;

function refusal(
  record: SruRecord,
  options: { chamber: Chamber; sruOrigin: string; collection: Collection },
): string | null {
  const { chamber, sruOrigin, collection } = options;
  if (!isSafeIdentifier(record.identifier))
    return `identifier ${JSON.stringify(record.identifier)} is not a safe file name`;
  if (record.productArea !== null && record.productArea !== 'officielepublicaties')
    return `product area is "${record.productArea}"`;
  const name = record.publicationName;
  if (name === null || !collection.publicationNames.some((wanted) => sameName(wanted, name)))
    return `publication "${name ?? 'unknown'}" is not one of ${collection.name}`;
  if (chamber !== 'all' && record.creator !== collection.creators[chamber])
    return `creator "${record.creator ?? 'unknown'}" is not the ${collection.creators[chamber]}`;
  if (!isOfficialIdentifier(collection, record.identifier))
    return `identifier ${JSON.stringify(record.identifier)} is not an official ${collection.name} identifier (exact case, no suffix)`;
  const xml = record.manifestations.xml;
  if (!xml) return 'the record has no XML manifestation';
  for (const [manifestation, raw] of Object.entries(record.manifestations)) {
    if (manifestation !== 'xml' && manifestation !== 'metadata') continue;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return `its ${manifestation} URL is not a URL`;
    }
    if (!isAllowedUrl(url, sruOrigin))
      return `its ${manifestation} URL points at ${url.origin}, which is neither the SRU service nor an official repository host`;
  }
  return null;
}

/** Newer version wins when the same identifier appears twice (pages shift while we read them). */
const newer = (a: SruRecord, b: SruRecord): boolean => (a.version ?? '') > (b.version ?? '');

/** Oldest modification first (a record without a date first of all), then by identifier. */
export function byModification(a: Download, b: Download): number {
  const [x, y] = [a.modified ?? '', b.modified ?? ''];
  if (x !== y) return x < y ? -1 : 1;
  return a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0;
}

export function selectDownloads(
  records: readonly SruRecord[],
  options: { chamber: Chamber; sruOrigin: string; file: string; collection?: Collection },
): { downloads: Download[]; diagnostics: Diagnostic[]; duplicates: number; ignored: number } {
  const collection = options.collection ?? KAMERVRAGEN;
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, SruRecord>();
  let duplicates = 0;
  let ignored = 0;
  for (const record of records) {
    const reason = refusal(record, { ...options, collection });
    if (reason) {
      // Other publication types on a shared page are expected and only counted; a record that is
      // the right type but unsafe to follow is reported. Neither blocks the run: it is never followed.
      if (/^(publication|creator|product area)/.test(reason)) ignored += 1;
      else
        diagnostics.push({
          severity: 'warning',
          code: 'fetch/refused-record',
          message: `${record.identifier.slice(0, 80)}: not downloaded, ${reason}`,
          file: options.file,
        });
      continue;
    }
    const seen = byId.get(record.identifier);
    if (seen) duplicates += 1;
    if (!seen || newer(record, seen)) byId.set(record.identifier, record);
  }
  const downloads = [...byId.values()]
    .map((r) => ({
      identifier: r.identifier,
      base: r.identifier,
      modified: r.modified,
      version: r.version,
      xmlUrl: r.manifestations.xml as string,
      metadataUrl: r.manifestations.metadata ?? null,
    }))
    .sort(byModification);
  return { downloads, diagnostics, duplicates, ignored };
}
