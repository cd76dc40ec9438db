// `kamervragen fetch --collection sgd` against a real HTTP server on 127.0.0.1 (the stand-in),
// with real files in a temp folder; the stored texts are then read by the parser.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseSource } from '../../pipeline/parse/parse-source.ts';
import { runCli } from '../support/run-cli.ts';
import { ocrPath, ocrText, ocrXml, sgdRecord, type SgdFixture } from './sgd-stand-in.ts';
import { sruPage, startStandIn, type StandIn } from './sru-stand-in.ts';

const ITEMS: SgdFixture[] = [
  { id: '0000211564', vergaderjaar: '19721973', as: 'text' },
  { id: '0000123758', vergaderjaar: '19841985', type: 'Kamerstuk', as: 'text' },
  { id: '0000004048', vergaderjaar: '19931994', as: 'xml' },
];

let dir: string;
let standIn: StandIn;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kamervragen-sgd-'));
  const files = Object.fromEntries(
    ITEMS.map((f) => {
      const text = ocrText(f.id);
      return [
        ocrPath(f),
        f.as === 'xml'
          ? { body: ocrXml(text) }
          : { body: text, contentType: 'text/plain; charset=utf-8' },
      ];
    }),
  );
  // Pages of maximumRecords records (the request is the last one logged when the page is built).
  standIn = await startStandIn({
    sru: (start, base, query) => {
      if (!query.includes('c.product-area==sgd')) return null;
      const size = Number(standIn.log.at(-1)?.params.get('maximumRecords') ?? '2');
      const page = ITEMS.slice(start - 1, start - 1 + size).map((f, i) =>
        sgdRecord(f, base, start + i),
      );
      const next = start + size <= ITEMS.length ? start + size : undefined;
      return sruPage(page, {
        numberOfRecords: ITEMS.length,
        ...(next ? { nextRecordPosition: next } : {}),
      });
    },
    files,
  });
});
afterEach(async () => {
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});

const args = (...extra: string[]) => [
  'fetch',
  '--collection',
  'sgd',
  '--sru-url',
  standIn.sruUrl,
  '--documents',
  join(dir, 'documents'),
  '--state',
  join(dir, 'state', 'fetch-sgd-state.json'),
  '--delay-ms',
  '0',
  '--backoff-ms',
  '1',
  '--page-size',
  '2',
  '--json',
  ...extra,
];
const stored = async () =>
  (await readdir(join(dir, 'documents', 'sgd')).catch(() => []))
    .filter((n) => !n.startsWith('.'))
    .sort();
const state = async () =>
  JSON.parse(await readFile(join(dir, 'state', 'fetch-sgd-state.json'), 'utf8')) as {
    next_record: number;
    passes: number;
    items: Record<string, { page_url: string }>;
  };

it('lists the Aanhangsel items, stores their OCR text and ignores other items', async () => {
  const run = await runCli(args());
  expect(run.code, run.stderr).toBe(0);
  const outcome = JSON.parse(run.stdout) as { added: string[]; ignored: number; pages: number };
  expect(outcome.added).toEqual(['sgd-0000211564.ocr.txt', 'sgd-0000004048.ocr.txt']);
  expect(outcome.ignored).toBe(1);
  expect(outcome.pages).toBe(2);
  expect(await stored()).toEqual(['sgd-0000004048.ocr.txt', 'sgd-0000211564.ocr.txt']);
  const sru = standIn.log.filter((r) => r.path === '/sru');
  expect(sru[0]?.params.get('query')).toBe(
    'c.product-area==sgd and dt.type=="Aanhangsel van de Handelingen"',
  );
  expect(sru.map((r) => r.params.get('startRecord'))).toEqual(['1', '3']);
  expect(standIn.log.every((r) => r.userAgent?.startsWith('kamervragen-fetcher/'))).toBe(true);
  const s = await state();
  expect(s.next_record).toBe(1);
  expect(s.passes).toBe(1);
  expect(s.items['0000211564']?.page_url).toBe(
    'https://zoek.officielebekendmakingen.nl/0000211564/ocr',
  );
  // The stored texts, plain and from XML, are read as the historical rendering.
  for (const [name, id] of [
    ['sgd-0000211564.ocr.txt', 'ah-tk-19721973-658'],
    ['sgd-0000004048.ocr.txt', 'ah-tk-19931994-323'],
  ] as const) {
    const path = join(dir, 'documents', 'sgd', name);
    const { document } = await parseSource({ path, bytes: new Uint8Array(await readFile(path)) });
    expect(document?.id).toBe(id);
    expect(document?.source).toMatchObject({ format: 'sgd-ocr', collection: 'sgd' });
  }
  // A second run finds nothing new.
  const again = await runCli(args());
  expect(JSON.parse(again.stdout)).toMatchObject({ added: [], changed: [] });
});

it('stops at --max-documents and continues where it stopped', async () => {
  const first = await runCli(args('--max-documents', '1'));
  expect(first.code, first.stderr).toBe(0);
  expect(JSON.parse(first.stdout)).toMatchObject({ added: ['sgd-0000211564.ocr.txt'], more: true });
  expect((await state()).next_record).toBe(2);
  // Ignored and unchanged items cost no download: the next run goes on to the next item.
  const second = await runCli(args('--max-documents', '1'));
  expect(JSON.parse(second.stdout)).toMatchObject({
    added: ['sgd-0000004048.ocr.txt'],
    ignored: 1,
    more: false,
  });
  expect(await state()).toMatchObject({ next_record: 1, passes: 1 });
  expect(await stored()).toEqual(['sgd-0000004048.ocr.txt', 'sgd-0000211564.ocr.txt']);
});

it('does not move the position when an item fails, and a re-run completes the work', async () => {
  const failing = ocrPath(ITEMS[2] as SgdFixture);
  standIn.fault(failing, { status: 503 }, { status: 503 }, { status: 503 });
  const run = await runCli(args('--retries', '1'));
  expect(run.code).toBe(1);
  const before = await readFile(join(dir, 'state', 'fetch-sgd-state.json'), 'utf8').catch(
    () => null,
  );
  expect(before).toBeNull();
  expect(await stored()).toEqual(['sgd-0000211564.ocr.txt']);
  const rerun = await runCli(args());
  expect(rerun.code, rerun.stderr).toBe(0);
  expect(JSON.parse(rerun.stdout)).toMatchObject({
    added: ['sgd-0000004048.ocr.txt'],
    unchanged: ['sgd-0000211564.ocr.txt'],
  });
});

it('rejects an unknown collection as a usage error', async () => {
  const run = await runCli(['fetch', '--collection', 'nope']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--collection');
});
