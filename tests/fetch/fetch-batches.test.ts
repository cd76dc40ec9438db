// Bounded fetch runs against a generated source on the local stand-in: --max-documents takes
// the oldest modifications first and the watermark never passes a document not on disk; long
// listings page past the old fixed guard; a future date or an impostor identifier from the
// source cannot move the watermark for good or overwrite a document.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseFetchState, shiftDate } from '../../pipeline/fetch/fetch-state.ts';
import { createPoliteClient } from '../../pipeline/fetch/polite-client.ts';
import { runFetch } from '../../pipeline/fetch/run-fetch.ts';
import { isAllowedUrl } from '../../pipeline/fetch/select-records.ts';
import { generateRecords, generatedSource, type GeneratedRecord } from './generated-source.ts';
import {
  AH_ID,
  AH_RECORD,
  AH_XML_PATH,
  readFixture,
  rewriteUrls,
  sruPage,
  startStandIn,
  type StandIn,
  type StandInOptions,
} from './sru-stand-in.ts';

let dir: string;
let standIn: StandIn | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kamervragen-batches-'));
});
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
  await rm(dir, { recursive: true, force: true });
});

const documentsDir = () => join(dir, 'documents');
const statePath = () => join(dir, 'state', 'fetch-state.json');
const names = async () => (await readdir(documentsDir()).catch(() => [] as string[])).sort();

async function run(
  options: {
    maxDocuments?: number;
    pageSize?: number;
    today?: string;
    since?: string | undefined;
  } = {},
) {
  const server = standIn as StandIn;
  const origin = new URL(server.sruUrl).origin;
  const client = createPoliteClient({
    fetch: globalThis.fetch,
    isAllowed: (url) => isAllowedUrl(url, origin),
    delayMs: 0,
    timeoutMs: 5000,
    retries: 2,
    backoffMs: 1,
  });
  return runFetch(client, {
    documentsDir: documentsDir(),
    statePath: statePath(),
    sruUrl: server.sruUrl,
    since: options.since ?? null,
    chamber: 'tk',
    pageSize: options.pageSize ?? 100,
    ...(options.maxDocuments === undefined ? {} : { maxDocuments: options.maxDocuments }),
    ...(options.today === undefined ? {} : { today: options.today }),
  });
}

const readState = async () => parseFetchState(await readFile(statePath(), 'utf8'), statePath());

it('downloads the oldest modifications first, N per run, and the watermark never passes a missing document', async () => {
  const records = generateRecords(250);
  const source = generatedSource(() => records);
  standIn = await startStandIn(source);
  const byAge = [...records].sort((a, b) =>
    a.modified === b.modified ? (a.id < b.id ? -1 : 1) : a.modified < b.modified ? -1 : 1,
  );
  const fetched: string[] = [];
  let runs = 0;
  for (let complete = false; !complete; runs += 1) {
    const { outcome } = await run({
      maxDocuments: 100,
      since: runs === 0 ? '2019-12-01' : undefined,
    });
    expect(outcome.failures).toEqual([]);
    expect(outcome.added.length).toBeLessThanOrEqual(100);
    // Exactly the next oldest ones, none fetched twice.
    expect(outcome.added).toEqual(
      byAge.slice(fetched.length, fetched.length + outcome.added.length).map((r) => r.id),
    );
    fetched.push(...outcome.added);
    complete = outcome.complete;
    expect(outcome.remaining).toBe(records.length - fetched.length);
    const { watermark } = await readState();
    const onDisk = new Set(await names());
    for (const r of records)
      if (watermark !== null && r.modified < watermark)
        expect(onDisk.has(`${r.id}.xml`), `${r.id} (${r.modified}) before ${watermark}`).toBe(true);
  }
  expect(runs).toBe(3);
  expect(new Set(fetched).size).toBe(records.length);
  expect(await names()).toHaveLength(records.length * 2);
  expect((await readState()).watermark).toBe(byAge.at(-1)?.modified);
});

it('lists past 1000 pages when numberOfRecords says so, and still stops a service that pages for ever', async () => {
  const records = generateRecords(1005);
  standIn = await startStandIn(generatedSource(() => records));
  const { outcome } = await run({ maxDocuments: 1, pageSize: 1, since: '2019-12-01' });
  expect(outcome.pages).toBe(1005);
  expect(outcome.listed).toBe(1005);
  expect(outcome.added).toHaveLength(1);
  expect(outcome.complete).toBe(false);
  await standIn.close();

  // Claims 5 records but always offers a next page.
  const endless: StandInOptions['sru'] = (start, base) =>
    rewriteUrls(sruPage([AH_RECORD], { numberOfRecords: 5, nextRecordPosition: start + 1 }), base);
  standIn = await startStandIn({ sru: endless });
  await expect(run({ pageSize: 1, since: '2019-12-01' })).rejects.toMatchObject({
    code: 'fetch/sru-paging',
  });
  expect(standIn.log.filter((r) => r.path === '/sru').length).toBeLessThanOrEqual(15);
});

it('clamps a dcterms:modified in the future to the run date and warns, so later changes are still listed', async () => {
  let records: GeneratedRecord[] = [
    { id: 'ah-tk-20192020-10000', modified: '2026-11-30' },
    { id: 'ah-tk-20192020-10001', modified: '2999-12-31' },
  ];
  standIn = await startStandIn(generatedSource(() => records));
  const first = await run({ since: '2026-11-01', today: '2026-12-03' });
  expect(first.outcome.added).toHaveLength(2);
  expect(first.outcome.warnings.map((d) => d.code)).toContain('fetch/future-modified');
  expect((await readState()).watermark).toBe('2026-12-03');

  records = [...records, { id: 'ah-tk-20192020-10002', modified: '2026-12-04' }];
  const second = await run({ today: '2026-12-04' });
  const query =
    standIn.log
      .filter((r) => r.path === '/sru')
      .at(-1)
      ?.params.get('query') ?? '';
  expect(query).toContain(`dt.modified>="${shiftDate('2026-12-03', -1)}"`);
  expect(second.outcome.added).toEqual(['ah-tk-20192020-10002']);
  expect((await readState()).watermark).toBe('2026-12-04');
});

it('downloads only official, exact-case identifiers, and never saves a publication under another id', async () => {
  const variant = (id: string) =>
    AH_RECORD.replace(
      `<dcterms:identifier>${AH_ID}</dcterms:identifier>`,
      `<dcterms:identifier>${id}</dcterms:identifier>`,
    );
  const impostors = [`${AH_ID}.metadata`, `${AH_ID}.aaa`, AH_ID.toUpperCase(), `${AH_ID}-x`];
  const pages = [...impostors.map(variant), AH_RECORD];
  standIn = await startStandIn({
    sru: (_s, base) => rewriteUrls(sruPage(pages, { numberOfRecords: pages.length }), base),
  });
  const { outcome } = await run({ since: '2021-07-01' });
  expect(outcome.added).toEqual([AH_ID]);
  expect(outcome.warnings.filter((d) => d.code === 'fetch/refused-record')).toHaveLength(4);
  expect(await names()).toEqual([`${AH_ID}.metadata.xml`, `${AH_ID}.xml`]);
  expect(await readFile(join(documentsDir(), `${AH_ID}.metadata.xml`), 'utf8')).toBe(
    readFixture(`ob-xml/${AH_ID}/1/metadata/metadata.xml`),
  );
  await standIn.close();

  // The record is genuine, but the file served for it is another publication.
  const other = 'ah-tk-20202021-3236';
  standIn = await startStandIn({
    sru: (_s, base) =>
      rewriteUrls(sruPage([AH_RECORD.replaceAll(AH_ID, other)], { numberOfRecords: 1 }), base),
    files: {
      [AH_XML_PATH.replaceAll(AH_ID, other)]: {
        body: readFixture(`ob-xml/${AH_ID}/1/xml/${AH_ID}.xml`),
      },
      [`/repository.overheid.nl/frbr/officielepublicaties/ah-tk/20202021/${other}/1/metadata/metadata.xml`]:
        { body: readFixture(`ob-xml/${AH_ID}/1/metadata/metadata.xml`).replaceAll(AH_ID, other) },
    },
  });
  const swapped = await run({ since: '2021-07-01' });
  expect(swapped.outcome.failures.map((d) => d.code)).toEqual(['fetch/identifier-mismatch']);
  expect(await names()).not.toContain(`${other}.xml`);
});
