// `kamervragen fetch` as a user runs it: a child process against the local SRU stand-in,
// including a crash (SIGKILL) between two documents and the re-run that completes the work.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { FetchState } from '../../pipeline/fetch/fetch-state.ts';
import { CLI, runCli } from '../support/run-cli.ts';
import {
  AH_ID,
  AH_XML_PATH,
  AH_RECORD,
  KV_RECORD,
  rewriteUrls,
  sruPage,
  startStandIn,
  type StandIn,
} from './sru-stand-in.ts';
const KV_ID = 'kv-2989900822';
const KV_DIR = `/repository.overheid.nl/frbr/officielepublicaties/kv/onopgemaakt/${KV_ID}/1`;
// No kv XML body was recorded; these stand-ins have the shape the checks expect (FORMATS.md §2.2–2.3).
const KV_FILES = {
  [`${KV_DIR}/xml/${KV_ID}.xml`]: {
    body: '<?xml version="1.0" encoding="UTF-8"?>\n<officiele-publicatie><kamervragen><vraag><nr>Vraag 1</nr><al>…</al></vraag></kamervragen></officiele-publicatie>\n',
  },
  [`${KV_DIR}/metadata/metadata.xml`]: {
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<metadata_gegevens><metadata name="DC.identifier" scheme="OVERHEIDop.ParlID" content="${KV_ID}"/></metadata_gegevens>\n`,
  },
};

let dir: string;
let standIn: StandIn;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kamervragen-fetch-cli-'));
  standIn = await startStandIn({
    sru: (_start, base) =>
      rewriteUrls(sruPage([AH_RECORD, KV_RECORD], { numberOfRecords: 2 }), base),
    files: KV_FILES,
  });
});
afterEach(async () => {
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});

const documents = () => join(dir, 'documents');
const statePath = () => join(dir, 'state', 'fetch-state.json');
const args = (...extra: string[]) => [
  'fetch',
  '--documents',
  documents(),
  '--state',
  statePath(),
  '--delay-ms',
  '0',
  '--backoff-ms',
  '1',
  ...extra,
];
// Documents only: dot files are locks and temp files, never documents.
const names = async () =>
  (await readdir(documents()).catch(() => [] as string[]))
    .filter((name) => !name.startsWith('.'))
    .sort();
const partials = async () =>
  (await readdir(documents()).catch(() => [] as string[])).filter((name) =>
    name.includes('.partial-'),
  );

it('uses KAMERVRAGEN_SRU_URL, prints JSON, and exits 2 without a watermark or --since', async () => {
  const none = await runCli(args(), { env: { KAMERVRAGEN_SRU_URL: standIn.sruUrl } });
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('--since');
  const run = await runCli(args('--since', '1998-01-01', '--json'), {
    env: {
      KAMERVRAGEN_SRU_URL: standIn.sruUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'owner/kamervragen',
    },
  });
  expect(run.code).toBe(0);
  expect(standIn.log.at(-1)?.userAgent).toMatch(
    /^kamervragen-fetcher\/.*\+https:\/\/github\.com\/owner\/kamervragen\)$/,
  );
  const outcome = JSON.parse(run.stdout) as { added: string[]; watermark: string };
  // Oldest modification first: the question (2014-07-11) before the answer (2021-07-22).
  expect(outcome.added).toEqual([KV_ID, AH_ID]);
  expect(outcome.watermark).toBe('2021-07-22');
  expect(await names()).toEqual([
    `${AH_ID}.metadata.xml`,
    `${AH_ID}.xml`,
    `${KV_ID}.metadata.xml`,
    `${KV_ID}.xml`,
  ]);
});

it('rejects a bad --since and a non-http --sru-url as usage errors', async () => {
  expect((await runCli(args('--since', '2021-13-01', '--sru-url', standIn.sruUrl))).code).toBe(2);
  expect(
    (await runCli(args('--since', '2021-01-01', '--sru-url', 'file:///etc/passwd'))).code,
  ).toBe(2);
});

it('loses nothing when killed between two documents, and the re-run completes', async () => {
  await mkdir(join(dir, 'state'), { recursive: true });
  await writeFile(statePath(), '{\n  "watermark": "2014-07-01",\n  "seen": {}\n}\n');
  const stateBefore = await readFile(statePath(), 'utf8');
  standIn.fault(AH_XML_PATH, 'hang');
  const child = spawn(
    process.execPath,
    [CLI, ...args('--sru-url', standIn.sruUrl, '--timeout-ms', '60000')],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.on('close', resolve));
  await standIn.nextHang();
  child.kill('SIGKILL');
  await exited;
  // The first document is whole on disk; the second is absent; the watermark did not move.
  expect(await names()).toEqual([`${KV_ID}.metadata.xml`, `${KV_ID}.xml`]);
  expect(await readFile(join(documents(), `${KV_ID}.xml`), 'utf8')).toBe(
    KV_FILES[`${KV_DIR}/xml/${KV_ID}.xml`].body,
  );
  expect(await readFile(statePath(), 'utf8')).toBe(stateBefore);

  // A temp file as a crash during a write would leave it: removed by the next run.
  await writeFile(join(documents(), `.${AH_ID}.xml.partial-0a1b2c`), '<officiele-publ');
  const rerun = await runCli(args('--sru-url', standIn.sruUrl));
  expect(rerun.code, rerun.stderr).toBe(0);
  expect(rerun.stdout).toMatch(/1 added, 0 changed, 1 unchanged, 0 failed/);
  expect(await names()).toEqual([
    `${AH_ID}.metadata.xml`,
    `${AH_ID}.xml`,
    `${KV_ID}.metadata.xml`,
    `${KV_ID}.xml`,
  ]);
  expect(await partials()).toEqual([]);
  expect(JSON.parse(await readFile(statePath(), 'utf8'))).toMatchObject({
    watermark: '2021-07-22',
  });
});

it('exits 1 and stops the watermark at a document that fails, naming the file and the problem', async () => {
  await mkdir(join(dir, 'state'), { recursive: true });
  await writeFile(statePath(), '{\n  "watermark": "2014-07-01",\n  "seen": {}\n}\n');
  standIn.fault(`${KV_DIR}/metadata/metadata.xml`, 'html-200');
  const run = await runCli(args('--sru-url', standIn.sruUrl, '--json'));
  expect(run.code).toBe(1);
  // The answer (2021-07-22) is on disk, the question (2014-07-11) is not: the watermark stops
  // at the question's date, so the next query (one day earlier) lists it again.
  expect(JSON.parse(run.stdout)).toMatchObject({
    ok: false,
    added: [AH_ID],
    failed: 1,
    complete: false,
    remaining: 1,
    watermark: '2014-07-11',
  });
  expect(run.stderr).toMatch(/fetch\/error-page/);
  expect(run.stderr).toContain(`${KV_DIR}/metadata/metadata.xml`);
  const state = JSON.parse(await readFile(statePath(), 'utf8')) as FetchState;
  expect(state.watermark).toBe('2014-07-11');
  expect(Object.keys(state.seen)).toEqual([AH_ID]);
  expect(await names()).toEqual([`${AH_ID}.metadata.xml`, `${AH_ID}.xml`]);

  const rerun = await runCli(args('--sru-url', standIn.sruUrl, '--json'));
  expect(rerun.code, rerun.stderr).toBe(0);
  expect(JSON.parse(rerun.stdout)).toMatchObject({
    added: [KV_ID],
    unchanged: [AH_ID],
    complete: true,
    watermark: '2021-07-22',
  });
});
