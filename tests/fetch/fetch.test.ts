// The fetcher against a real HTTP server on 127.0.0.1 replaying recorded SRU responses and
// repository files (see sru-stand-in.ts), with real files in a temp folder.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPoliteClient } from '../../pipeline/fetch/polite-client.ts';
import { runFetch } from '../../pipeline/fetch/run-fetch.ts';
import { isAllowedUrl } from '../../pipeline/fetch/select-records.ts';
import {
  AH_ID,
  AH_METADATA_PATH,
  AH_XML_PATH,
  readFixture,
  readFixtureBytes,
  recordsOf,
  rewriteUrls,
  sruPage,
  startStandIn,
  type StandIn,
  type StandInOptions,
} from './sru-stand-in.ts';

const PAGE1 = readFixture('sru/sru-response-dt-modified-2021-10-13-page1.xml');
const LAST_PAGE = readFixture('sru/sru-response-integration-mock-urls.xml');
const AH_RECORD = recordsOf(LAST_PAGE).find((r) =>
  r.includes(`<dcterms:identifier>${AH_ID}</dcterms:identifier>`),
) as string;

/** The recorded two pages: page 1 (ten other publications, next 11), then the page with the Aanhangsel. */
const recordedPages: StandInOptions['sru'] = (start, base) =>
  start === 1 ? rewriteUrls(PAGE1, base) : start === 11 ? rewriteUrls(LAST_PAGE, base) : null;

let dir: string;
let standIn: StandIn | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kamervragen-fetch-'));
});
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
  await rm(dir, { recursive: true, force: true });
});

const paths = () => ({
  documentsDir: join(dir, 'documents'),
  statePath: join(dir, 'state', 'fetch-state.json'),
});

async function fetchOnce(
  options: { since?: string | null; retries?: number; timeoutMs?: number; sleeps?: number[] } = {},
) {
  const server = standIn as StandIn;
  const origin = new URL(server.sruUrl).origin;
  const client = createPoliteClient({
    fetch: globalThis.fetch,
    isAllowed: (url) => isAllowedUrl(url, origin),
    delayMs: 1,
    timeoutMs: options.timeoutMs ?? 2000,
    retries: options.retries ?? 2,
    backoffMs: 1,
    sleep: async (ms) => {
      options.sleeps?.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5)));
    },
  });
  return runFetch(client, {
    ...paths(),
    sruUrl: server.sruUrl,
    since: options.since === undefined ? '2021-07-01' : options.since,
    chamber: 'tk',
    pageSize: 10,
  });
}

const documentNames = async () =>
  (await readdir(paths().documentsDir).catch(() => [] as string[])).sort();
const stateFile = () => readFile(paths().statePath, 'utf8').catch(() => null);
const requestsFor = (path: string) =>
  (standIn as StandIn).log.filter((r) => r.path === path).length;

describe('fetch from the recorded SRU responses', () => {
  it('pages through both recorded pages and saves only the Aanhangsel, byte-for-byte, with its metadata', async () => {
    standIn = await startStandIn({ sru: recordedPages });
    const { outcome, saved } = await fetchOnce();
    expect(outcome.pages).toBe(2);
    expect(outcome.listed).toBe(15);
    expect(outcome.added).toEqual([AH_ID]);
    expect(outcome.failures).toEqual([]);
    expect(await documentNames()).toEqual([`${AH_ID}.metadata.xml`, `${AH_ID}.xml`]);
    expect(await readFile(join(paths().documentsDir, `${AH_ID}.xml`))).toEqual(
      Buffer.from(readFixtureBytes(`ob-xml/${AH_ID}/1/xml/${AH_ID}.xml`)),
    );
    expect(await readFile(join(paths().documentsDir, `${AH_ID}.metadata.xml`))).toEqual(
      Buffer.from(readFixtureBytes(`ob-xml/${AH_ID}/1/metadata/metadata.xml`)),
    );
    // Other publication types on the pages were never downloaded.
    expect(
      standIn.log
        .filter((r) => r.path.startsWith('/repository.overheid.nl/'))
        .map((r) => r.path)
        .sort(),
    ).toEqual([AH_METADATA_PATH, AH_XML_PATH].sort());
    expect(saved).toBe(true);
    expect(JSON.parse((await stateFile()) as string)).toEqual({
      watermark: '2021-07-22',
      seen: { [AH_ID]: '2021-07-22T13:03:34.3574627+02:00' },
    });
  });

  it('sends the SRU 2.0 request: gzd schema, both publication names, Tweede Kamer, dt.modified, paging, a User-Agent', async () => {
    standIn = await startStandIn({ sru: recordedPages });
    await fetchOnce({ since: '2021-07-01' });
    const sru = standIn.log.filter((r) => r.path === '/sru');
    expect(sru.map((r) => r.params.get('startRecord'))).toEqual(['1', '11']);
    const query = sru[0]?.params.get('query') ?? '';
    expect(query).toContain('c.product-area=="officielepublicaties"');
    expect(query).toContain('w.publicatienaam=="Kamervragen (Aanhangsel)"');
    expect(query).toContain('w.publicatienaam=="Kamervragen zonder antwoord"');
    expect(query).toContain('dt.creator=="Tweede Kamer der Staten-Generaal"');
    expect(query).toContain('dt.modified>="2021-07-01"');
    expect(new Set(standIn.log.map((r) => r.userAgent))).toEqual(
      new Set([expect.stringMatching(/^kamervragen-fetcher\//)]),
    );
  });

  it('starts the next run one day before the watermark and does not download a record it already has (overlap duplicate)', async () => {
    standIn = await startStandIn({ sru: recordedPages });
    await fetchOnce();
    const before = await stateFile();
    standIn.log.length = 0;
    const { outcome, saved } = await fetchOnce({ since: null });
    expect(standIn.log.find((r) => r.path === '/sru')?.params.get('query')).toContain(
      'dt.modified>="2021-07-21"',
    );
    expect(outcome.unchanged).toEqual([AH_ID]);
    expect(outcome.added).toEqual([]);
    expect(requestsFor(AH_XML_PATH)).toBe(0);
    expect(saved).toBe(false);
    expect(await stateFile()).toBe(before);
  });

  it('downloads a record listed twice in one run once', async () => {
    standIn = await startStandIn({
      sru: (start, base) =>
        start === 1
          ? rewriteUrls(sruPage([AH_RECORD], { numberOfRecords: 2, nextRecordPosition: 2 }), base)
          : rewriteUrls(sruPage([AH_RECORD], { numberOfRecords: 2 }), base),
    });
    const { outcome } = await fetchOnce();
    expect(outcome.duplicates).toBe(1);
    expect(outcome.added).toEqual([AH_ID]);
    expect(requestsFor(AH_XML_PATH)).toBe(1);
  });

  it('replaces a document whose newer version has different content, atomically', async () => {
    standIn = await startStandIn({ sru: recordedPages });
    await fetchOnce();
    await standIn.close();
    const original = readFixture(`ob-xml/${AH_ID}/1/xml/${AH_ID}.xml`);
    const corrected = original.replace('Antwoord 1', 'Antwoord 1 (gecorrigeerd)');
    const republished = AH_RECORD.replaceAll('2021-07-22', '2021-07-23');
    standIn = await startStandIn({
      sru: (_start, base) => rewriteUrls(sruPage([republished], { numberOfRecords: 1 }), base),
      files: { [AH_XML_PATH]: { body: corrected } },
    });
    const { outcome, saved } = await fetchOnce({ since: null });
    expect(outcome.changed).toEqual([AH_ID]);
    expect(await readFile(join(paths().documentsDir, `${AH_ID}.xml`), 'utf8')).toBe(corrected);
    expect(saved).toBe(true);
    expect(JSON.parse((await stateFile()) as string).watermark).toBe('2021-07-23');
    expect((await documentNames()).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('retries a 503 after its Retry-After and carries on', async () => {
    standIn = await startStandIn({ sru: recordedPages });
    standIn.fault('sru:11', { status: 503, headers: { 'retry-after': '3' } });
    const sleeps: number[] = [];
    const { outcome } = await fetchOnce({ sleeps });
    expect(outcome.added).toEqual([AH_ID]);
    expect(
      standIn.log.filter((r) => r.path === '/sru').map((r) => r.params.get('startRecord')),
    ).toEqual(['1', '11', '11']);
    expect(sleeps).toContain(3000);
  });

  it('gives up on a service that keeps answering 503 and leaves documents and watermark as they were', async () => {
    standIn = await startStandIn({ sru: recordedPages });
    standIn.fault('sru:11', { status: 503 }, { status: 503 }, { status: 503 });
    await expect(fetchOnce({ retries: 2 })).rejects.toMatchObject({ code: 'fetch/unavailable' });
    expect(await documentNames()).toEqual([]);
    expect(await stateFile()).toBeNull();
  });

  it('times out a request that hangs, retries it, and completes', async () => {
    standIn = await startStandIn({ sru: recordedPages });
    standIn.fault(AH_XML_PATH, 'hang');
    const { outcome } = await fetchOnce({ timeoutMs: 300 });
    expect(outcome.added).toEqual([AH_ID]);
    expect(requestsFor(AH_XML_PATH)).toBe(2);
  });

  it('stops on a malformed SRU page without saving anything', async () => {
    standIn = await startStandIn({ sru: recordedPages });
    standIn.fault('sru:11', { truncate: 5000 });
    await expect(fetchOnce({})).rejects.toMatchObject({ code: 'fetch/sru-malformed' });
    expect(await documentNames()).toEqual([]);
    expect(await stateFile()).toBeNull();
  });

  it('does not save a truncated publication and does not move the watermark', async () => {
    standIn = await startStandIn({ sru: recordedPages });
    standIn.fault(AH_XML_PATH, { truncate: 1200 });
    const { outcome, saved } = await fetchOnce();
    expect(outcome.failures.map((d) => d.code)).toEqual(['fetch/malformed-xml']);
    expect(await documentNames()).toEqual([]);
    expect(saved).toBe(false);
    expect(await stateFile()).toBeNull();
  });

  it('detects an error page served with status 200, saves nothing, and a re-run completes', async () => {
    standIn = await startStandIn({ sru: recordedPages });
    standIn.fault(AH_METADATA_PATH, 'html-200');
    const first = await fetchOnce();
    expect(first.outcome.failures.map((d) => d.code)).toEqual(['fetch/error-page']);
    expect(await documentNames()).toEqual([]);
    expect(await stateFile()).toBeNull();
    const second = await fetchOnce();
    expect(second.outcome.added).toEqual([AH_ID]);
    expect(JSON.parse((await stateFile()) as string).watermark).toBe('2021-07-22');
  });

  it('detects an HTML page served with status 200 instead of an SRU response', async () => {
    standIn = await startStandIn({ sru: recordedPages });
    standIn.fault('sru:1', 'html-200');
    await expect(fetchOnce()).rejects.toMatchObject({
      code: 'fetch/sru-malformed',
      message: expect.stringContaining('HTML page'),
    });
  });

  it('refuses path-traversal identifiers and never writes outside documents/', async () => {
    const evil = ['../../escaped', 'ah-tk/../../escaped', '.hidden', 'a\\..\\escaped'].map((id) =>
      AH_RECORD.replace(
        `<dcterms:identifier>${AH_ID}</dcterms:identifier>`,
        `<dcterms:identifier>${id}</dcterms:identifier>`,
      ),
    );
    standIn = await startStandIn({
      sru: (_s, base) => rewriteUrls(sruPage(evil, { numberOfRecords: evil.length }), base),
    });
    const { outcome } = await fetchOnce();
    expect(outcome.added).toEqual([]);
    expect(outcome.warnings.filter((d) => d.code === 'fetch/refused-record')).toHaveLength(4);
    expect(requestsFor(AH_XML_PATH)).toBe(0);
    // Nothing moved, so not even a state file is written.
    expect((await readdir(dir)).sort()).toEqual([]);
  });

  it('refuses to follow a link to a foreign host', async () => {
    // Same server under another name: a different origin, so it must not be followed.
    standIn = await startStandIn({
      sru: (_s, base) =>
        sruPage(
          [
            AH_RECORD.replaceAll(
              'http://__MOCK_SERVICE__/',
              `${base.replace('127.0.0.1', 'localhost')}/`,
            ),
          ],
          { numberOfRecords: 1 },
        ),
    });
    const { outcome } = await fetchOnce();
    expect(outcome.added).toEqual([]);
    expect(outcome.warnings.map((d) => d.message).join('\n')).toMatch(
      /neither the SRU service nor an official repository host/,
    );
    expect(standIn.log.filter((r) => r.path !== '/sru')).toEqual([]);
  });

  it('refuses a redirect to a foreign host', async () => {
    standIn = await startStandIn({ sru: recordedPages });
    standIn.fault(AH_XML_PATH, {
      status: 302,
      headers: { location: 'https://example.org/evil.xml' },
    });
    const { outcome } = await fetchOnce();
    expect(outcome.failures.map((d) => d.code)).toEqual(['fetch/foreign-host']);
    expect(await documentNames()).toEqual([]);
  });

  it('checks the publication type itself rather than trusting the query', async () => {
    const kamerstuk = recordsOf(LAST_PAGE).filter((r) => !r.includes(AH_ID));
    standIn = await startStandIn({
      sru: (_s, base) =>
        rewriteUrls(sruPage(kamerstuk, { numberOfRecords: kamerstuk.length }), base),
    });
    const { outcome } = await fetchOnce();
    expect(outcome.ignored).toBe(4);
    expect(outcome.added).toEqual([]);
    expect(standIn.log.filter((r) => r.path !== '/sru')).toEqual([]);
  });
});
