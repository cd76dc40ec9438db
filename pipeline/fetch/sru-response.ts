// Reads one SRU 2.0 searchRetrieve response (recordSchema gzd) into plain records. Pure.
// Structure and namespaces: FORMATS.md §1.3, fixtures tests/fixtures/sru/.
import type { Diagnostic } from '../errors.ts';
import {
  child,
  childrenNamed,
  descendant,
  parseXml,
  textContent,
  type XmlElement,
} from './xml-tree.ts';

export const NS = {
  sru: 'http://docs.oasis-open.org/ns/search-ws/sruResponse',
  sru12: 'http://www.loc.gov/zing/srw/',
  diag: 'http://docs.oasis-open.org/ns/search-ws/diagnostic',
  gzd: 'http://standaarden.overheid.nl/sru',
  wetgeving: 'http://standaarden.overheid.nl/wetgeving/',
  dcterms: 'http://purl.org/dc/terms/',
  collectie: 'http://standaarden.overheid.nl/collectie/',
  cup: 'http://standaarden.overheid.nl/cup/data',
} as const;

export interface SruRecord {
  identifier: string;
  title: string | null;
  type: string | null;
  creator: string | null;
  publicationName: string | null;
  productArea: string | null;
  /** dcterms:modified, a date (YYYY-MM-DD). */
  modified: string | null;
  /** The most precise modification stamp available, used to recognise a record seen before. */
  version: string | null;
  /** Manifestation URLs by name (xml, metadata, html, pdf, …). */
  manifestations: Record<string, string>;
}

export type SruPage =
  | {
      ok: true;
      numberOfRecords: number | null;
      nextRecordPosition: number | null;
      records: SruRecord[];
      diagnostics: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

const text = (element: XmlElement | undefined): string | null => {
  if (!element) return null;
  const value = textContent(element).trim();
  return value === '' ? null : value;
};

function readRecord(record: XmlElement): SruRecord | null {
  const meta = descendant(record, NS.wetgeving, 'meta');
  const enriched = descendant(record, NS.gzd, 'enrichedData');
  const kern = meta && child(meta, NS.wetgeving, 'owmskern');
  const tpmeta = meta && child(meta, NS.wetgeving, 'tpmeta');
  const identifier = text(kern && child(kern, NS.dcterms, 'identifier'));
  if (!identifier) return null;
  const manifestations: Record<string, string> = {};
  for (const item of enriched ? childrenNamed(enriched, NS.gzd, 'itemUrl') : []) {
    const name = item.attrs.manifestation;
    const url = text(item);
    if (name && url && !(name in manifestations)) manifestations[name] = url;
  }
  const modified = text(kern && child(kern, NS.dcterms, 'modified'));
  return {
    identifier,
    title: text(kern && child(kern, NS.dcterms, 'title')),
    type: text(kern && child(kern, NS.dcterms, 'type')),
    creator: text(kern && child(kern, NS.dcterms, 'creator')),
    publicationName: text(tpmeta && child(tpmeta, NS.wetgeving, 'publicatienaam')),
    productArea: text(tpmeta && child(tpmeta, NS.collectie, 'product-area')),
    modified,
    version:
      text(tpmeta && child(tpmeta, NS.cup, 'datumTijdstipWijzigingExpression')) ??
      text(enriched && child(enriched, NS.gzd, 'timestamp')) ??
      modified,
    manifestations,
  };
}

function readDiagnostics(root: XmlElement, file: string): Diagnostic[] {
  const list = child(root, NS.sru, 'diagnostics') ?? descendant(root, NS.sru, 'diagnostics');
  if (!list) return [];
  return list.children
    .filter((d) => d.name === 'diagnostic')
    .map((d) => {
      const part = (name: string) => text(d.children.find((c) => c.name === name));
      const detail = [part('message'), part('details')].filter(Boolean).join(': ');
      return {
        severity: 'error',
        code: 'fetch/sru-diagnostic',
        message: `the SRU service answered ${part('uri') ?? 'a diagnostic'}${detail ? ` (${detail})` : ''}`,
        file,
      };
    });
}

const integer = (value: string | null): number | null =>
  value !== null && /^\d+$/.test(value) ? Number(value) : null;

/** `file` names the response in diagnostics (the request URL). */
export function parseSruResponse(body: string, file: string): SruPage {
  const parsed = parseXml(body);
  if (!parsed.ok) {
    const looksHtml = /^\s*(<!doctype html|<html)/i.test(body);
    const message = looksHtml
      ? 'the SRU service answered with an HTML page instead of an SRU response (an error page?)'
      : `the SRU response is not well-formed XML: ${parsed.message}`;
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'fetch/sru-malformed',
          message,
          file,
          ...(parsed.line === undefined ? {} : { line: parsed.line }),
        },
      ],
    };
  }
  const root = parsed.root;
  const diagnostics = readDiagnostics(root, file);
  if (root.ns === NS.sru12) {
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'fetch/sru-version',
          message:
            'the SRU service answered in SRU 1.2; the fetcher sends version=2.0 and reads only 2.0 responses',
          file,
        },
      ],
    };
  }
  if (root.ns !== NS.sru || root.name !== 'searchRetrieveResponse') {
    if (diagnostics.length > 0) return { ok: false, diagnostics };
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'fetch/sru-unexpected',
          message: `expected an SRU 2.0 searchRetrieveResponse, found <${root.name}>${root.ns ? ` in ${root.ns}` : ''}`,
          file,
        },
      ],
    };
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const records: SruRecord[] = [];
  const warnings: Diagnostic[] = [];
  const container = child(root, NS.sru, 'records');
  for (const [index, element] of (container
    ? childrenNamed(container, NS.sru, 'record')
    : []
  ).entries()) {
    const record = readRecord(element);
    if (record) records.push(record);
    else
      warnings.push({
        severity: 'warning',
        code: 'fetch/record-without-identifier',
        message: `record ${index + 1} of the page has no dcterms:identifier; skipped`,
        file,
      });
  }
  return {
    ok: true,
    numberOfRecords: integer(text(child(root, NS.sru, 'numberOfRecords'))),
    nextRecordPosition: integer(text(child(root, NS.sru, 'nextRecordPosition'))),
    records,
    diagnostics: warnings,
  };
}
