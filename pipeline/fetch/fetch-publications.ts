// One fetch run: list what changed since the watermark, download the XML and metadata.xml of
// each new or changed Kamervraag, and compute the next state. Network and files come in as
// parameters (a PoliteClient and a DocumentStore); the caller saves the state, and only when
// `failures` is empty, so the watermark never passes a document that is not on disk.
import { KamervragenError, type Diagnostic } from '../errors.ts';
import { checkPublicationFile } from './check-publication.ts';
import { advanceState, modifiedSince, watermarkLimit, type FetchState } from './fetch-state.ts';
import type { PoliteClient } from './polite-client.ts';
import { selectDownloads, type Download } from './select-records.ts';
import { buildQuery, buildSearchUrl, type Chamber } from './sru-query.ts';
import { parseSruResponse, type SruRecord } from './sru-response.ts';

export interface DocumentStore {
  /** Current bytes of documents/<name>, or null when absent. */
  read(name: string): Promise<Uint8Array | null>;
  /** Replace documents/<name> atomically (temp file, then rename). */
  write(name: string, bytes: Uint8Array): Promise<void>;
}

export interface FetchOptions {
  sruUrl: string;
  /** Backfill from this date instead of the watermark. */
  since: string | null;
  chamber: Chamber;
  pageSize: number;
  /** Guard against a service that never stops paging (default: what numberOfRecords needs). */
  maxPages?: number;
  /** Download at most this many documents, oldest modification first; the rest waits. */
  maxDocuments?: number;
  /** The run's own date (YYYY-MM-DD): a later dcterms:modified is a source error, clamped. */
  today?: string;
  log?: (line: string) => void;
  /** Called before each download and once at the end, for a progress bar. */
  progress?: (done: number, total: number, item: string) => void;
}

export interface FetchOutcome {
  query: string;
  pages: number;
  listed: number;
  duplicates: number;
  ignored: number;
  added: string[];
  changed: string[];
  unchanged: string[];
  /** Listed documents left for a later run by --max-documents (or after a failure). */
  remaining: number;
  /** True when every listed document is on disk: nothing is left for a later run. */
  complete: boolean;
  /** Documents that could not be fetched or failed their checks; the state must not be saved. */
  failures: Diagnostic[];
  warnings: Diagnostic[];
  state: FetchState;
}

const XML_ACCEPT = 'application/xml, text/xml;q=0.9';
const SRU_ACCEPT = 'application/sru+xml, application/xml;q=0.9, text/xml;q=0.8';

const sameBytes = (a: Uint8Array | null, b: Uint8Array): boolean =>
  a !== null && a.length === b.length && a.every((v, i) => v === b[i]);

/** Pages a listing may take: what numberOfRecords needs, with room for records added meanwhile. */
const HARD_PAGE_LIMIT = 100_000;
function pageLimit(options: FetchOptions, numberOfRecords: number | null): number {
  if (options.maxPages !== undefined) return options.maxPages;
  if (numberOfRecords === null) return 1000;
  return Math.min(HARD_PAGE_LIMIT, Math.ceil(numberOfRecords / options.pageSize) + 10);
}

async function listRecords(client: PoliteClient, options: FetchOptions, query: string) {
  const records: SruRecord[] = [];
  const warnings: Diagnostic[] = [];
  let maxPages = options.maxPages ?? 1000;
  let start = 1;
  let pages = 0;
  for (;;) {
    const url = buildSearchUrl(options.sruUrl, query, start, options.pageSize);
    const response = await client.get(url, SRU_ACCEPT);
    pages += 1;
    const page = parseSruResponse(new TextDecoder().decode(response.body), url);
    if (!page.ok) {
      const [first] = page.diagnostics;
      throw new KamervragenError(
        first?.code ?? 'fetch/sru',
        `${first?.message ?? 'unreadable SRU response'}; nothing was saved, re-run later`,
        { file: url, ...(first?.line === undefined ? {} : { line: first.line }) },
      );
    }
    if (pages === 1) maxPages = pageLimit(options, page.numberOfRecords);
    records.push(...page.records);
    warnings.push(...page.diagnostics);
    options.log?.(
      `page ${pages}: ${page.records.length} records${page.numberOfRecords === null ? '' : ` of ${page.numberOfRecords}`}`,
    );
    if (page.nextRecordPosition === null) break;
    if (page.nextRecordPosition <= start) {
      throw new KamervragenError(
        'fetch/sru-paging',
        `nextRecordPosition ${page.nextRecordPosition} does not move past startRecord ${start}`,
        { file: url },
      );
    }
    if (pages >= maxPages)
      throw new KamervragenError(
        'fetch/sru-paging',
        `more than ${maxPages} pages for ${page.numberOfRecords ?? 'an unknown number of'} records; the service keeps paging, or narrow the query with --since`,
        { file: url },
      );
    start = page.nextRecordPosition;
  }
  return { records, warnings, pages };
}

async function download(
  client: PoliteClient,
  item: Download,
): Promise<{ files: [string, Uint8Array][]; problems: Diagnostic[] }> {
  const files: [string, Uint8Array][] = [];
  const problems: Diagnostic[] = [];
  const wanted: [string, string | null, 'publication' | 'metadata'][] = [
    [`${item.base}.xml`, item.xmlUrl, 'publication'],
    [`${item.base}.metadata.xml`, item.metadataUrl, 'metadata'],
  ];
  for (const [name, url, role] of wanted) {
    if (url === null) continue;
    try {
      const response = await client.get(url, XML_ACCEPT);
      const found = checkPublicationFile(response.body, role, item.identifier, url);
      if (found.length > 0) problems.push(...found);
      else files.push([name, response.body]);
    } catch (error) {
      // A service that stays unavailable ends the run; a single missing file only fails its document.
      if (!(error instanceof KamervragenError) || error.code === 'fetch/unavailable') throw error;
      problems.push({ ...error.toDiagnostic(), file: url });
    }
  }
  return { files, problems };
}

/** Records dated after the run's own day: warned about; the watermark stops at `today`. */
function futureDates(downloads: readonly Download[], today: string | undefined, file: string) {
  if (today === undefined) return [];
  return downloads
    .filter((item) => item.modified !== null && item.modified > today)
    .map((item): Diagnostic => ({
      severity: 'warning',
      code: 'fetch/future-modified',
      message: `${item.identifier}: dcterms:modified ${item.modified} is after today (${today}); downloaded, but the watermark stops at ${today}`,
      file,
    }));
}

type Result = 'added' | 'changed' | 'unchanged' | 'on-disk' | Diagnostic[];

async function fetchOne(
  client: PoliteClient,
  store: DocumentStore,
  state: FetchState,
  item: Download,
): Promise<Result> {
  const names = [
    `${item.base}.xml`,
    ...(item.metadataUrl === null ? [] : [`${item.base}.metadata.xml`]),
  ];
  const existing = await Promise.all(names.map((name) => store.read(name)));
  if (
    item.version !== null &&
    state.seen[item.identifier] === item.version &&
    existing.every((bytes) => bytes !== null)
  )
    return 'on-disk'; // listed again only because of the one-day overlap
  const { files, problems } = await download(client, item);
  if (problems.length > 0) return problems;
  let wrote = false;
  for (const [name, bytes] of files) {
    const index = names.indexOf(name);
    if (sameBytes(existing[index] ?? null, bytes)) continue;
    await store.write(name, bytes);
    wrote = true;
  }
  return !wrote ? 'unchanged' : existing[0] === null ? 'added' : 'changed';
}

export async function fetchPublications(
  client: PoliteClient,
  store: DocumentStore,
  state: FetchState,
  options: FetchOptions,
): Promise<FetchOutcome> {
  const since = modifiedSince(state, options.since);
  if (since === null) {
    throw new KamervragenError(
      'fetch/no-watermark',
      'there is no watermark yet; pass --since YYYY-MM-DD for the first run',
      {},
      2,
    );
  }
  const query = buildQuery({ modifiedSince: since, chamber: options.chamber });
  const listing = await listRecords(client, options, query);
  const sruOrigin = new URL(options.sruUrl).origin;
  const selection = selectDownloads(listing.records, {
    chamber: options.chamber,
    sruOrigin,
    file: options.sruUrl,
  });
  const outcome: FetchOutcome = {
    query,
    pages: listing.pages,
    listed: listing.records.length,
    duplicates: selection.duplicates,
    ignored: selection.ignored,
    added: [],
    changed: [],
    unchanged: [],
    remaining: 0,
    complete: false,
    failures: [],
    warnings: [
      ...listing.warnings,
      ...selection.diagnostics,
      ...futureDates(selection.downloads, options.today, options.sruUrl),
    ],
    state,
  };
  const done: Download[] = [];
  const pending: Download[] = [];
  const budget = options.maxDocuments ?? Infinity;
  let downloads = 0;
  const total = selection.downloads.length;
  for (const [index, item] of selection.downloads.entries()) {
    options.progress?.(index, total, item.identifier);
    const onDisk =
      item.version !== null && state.seen[item.identifier] === item.version ? item : null;
    if (downloads >= budget && onDisk === null) {
      pending.push(item);
      continue;
    }
    const result = await fetchOne(client, store, state, item);
    if (result !== 'on-disk') downloads += 1;
    if (Array.isArray(result)) {
      outcome.failures.push(...result);
      pending.push(item);
      continue;
    }
    outcome[result === 'on-disk' ? 'unchanged' : result].push(item.identifier);
    if (result !== 'on-disk') options.log?.(`${item.identifier}: ${result}`);
    done.push(item);
  }
  options.progress?.(total, total, '');
  outcome.remaining = pending.length;
  outcome.complete = pending.length === 0;
  outcome.state = advanceState(state, done, {
    limit: watermarkLimit(pending),
    ...(options.today === undefined ? {} : { today: options.today }),
  });
  return outcome;
}
