// The whole backfill of a few thousand records in bounded `kamervragen fetch --max-documents`
// runs (real processes) against the stand-in, with 503s, cut-off downloads and a run killed
// mid-batch: it converges in a bounded number of runs, every document ends up on disk once and
// byte-for-byte, and after every run the watermark is never ahead of what is on disk.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseFetchState } from '../../pipeline/fetch/fetch-state.ts';
import { CLI, runCli } from '../support/run-cli.ts';
import { generateRecords, generatedSource } from './generated-source.ts';
import { startStandIn, type StandIn } from './sru-stand-in.ts';

const TOTAL = 2000;
const BATCH = 500;
const records = generateRecords(TOTAL, '2019-09-01', 240);
const source = generatedSource(() => records);

let dir: string;
let standIn: StandIn;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kamervragen-backfill-'));
  standIn = await startStandIn(source);
});
afterEach(async () => {
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});

const documents = () => join(dir, 'documents');
const statePath = () => join(dir, 'state', 'fetch-state.json');
const xmlPath = (id: string) =>
  `/repository.overheid.nl/frbr/officielepublicaties/ah-tk/20202021/${id}/1/xml/${id}.xml`;
const args = (first: boolean) => [
  'fetch',
  ...['--sru-url', standIn.sruUrl, '--documents', documents(), '--state', statePath()],
  ...['--delay-ms', '0', '--backoff-ms', '1', '--retries', '3', '--page-size', '100'],
  ...['--max-documents', String(BATCH), '--json'],
  ...(first ? ['--since', '2019-01-01'] : []),
];

/** After any run: every record modified before the watermark is whole on disk. */
async function checkWatermarkBehindDisk(): Promise<string | null> {
  const text = await readFile(statePath(), 'utf8').catch(() => null);
  if (text === null) return null;
  const { watermark } = parseFetchState(text, statePath());
  if (watermark === null) return null;
  const onDisk = new Set(await readdir(documents()));
  const missing = records.filter(
    (r) =>
      r.modified < watermark && !(onDisk.has(`${r.id}.xml`) && onDisk.has(`${r.id}.metadata.xml`)),
  );
  expect(
    missing.map((r) => `${r.id} ${r.modified}`),
    `watermark ${watermark}`,
  ).toEqual([]);
  return watermark;
}

/** Starts a run and kills it (SIGKILL) once it has asked for `downloads` more documents. */
async function killedRun(first: boolean, downloads: number): Promise<void> {
  const files = () => standIn.log.filter((r) => r.path.endsWith('.xml')).length;
  const target = files() + downloads;
  const child = spawn(process.execPath, [CLI, ...args(first)], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('close', resolve));
  while (files() < target && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGKILL');
  await exited;
}

it('converges in bounded runs through 503s, cut-off downloads and a killed run; the watermark never passes the disk', async () => {
  // Faults, each served once to the next request for its key.
  standIn.fault('sru:1', { status: 503 }, { status: 503 });
  standIn.fault('sru:1001', { status: 503, headers: { 'retry-after': '0' } });
  const cut = [records[5], records[1234], records[1999]].map((r) => r!.id);
  for (const id of cut) standIn.fault(xmlPath(id), { truncate: 700 });
  standIn.fault(xmlPath(records[42]!.id), { status: 503 });

  const watermarks: (string | null)[] = [];
  let runs = 0;
  let complete = false;
  let failures = 0;
  for (; !complete && runs < 12; runs += 1) {
    if (runs === 1) {
      await killedRun(false, BATCH / 2);
    } else {
      const run = await runCli(args(runs === 0), { timeoutMs: 120_000 });
      const summary = JSON.parse(run.stdout) as {
        complete: boolean;
        failed: number;
        added: string[];
      };
      expect(run.code, run.stderr).toBe(summary.failed > 0 ? 1 : 0);
      expect(summary.added.length).toBeLessThanOrEqual(BATCH);
      failures += summary.failed;
      complete = summary.complete;
    }
    const watermark = await checkWatermarkBehindDisk();
    const last = watermarks.at(-1) ?? null;
    if (watermark !== null && last !== null) expect(watermark >= last).toBe(true);
    watermarks.push(watermark);
  }
  expect(complete).toBe(true);
  // Four full batches, plus the killed run and room for the cut-off documents' retry.
  expect(runs).toBeLessThanOrEqual(Math.ceil(TOTAL / BATCH) + 3);
  // A cut-off download fails its document alone (unless the killed run took the fault).
  expect(failures).toBeGreaterThan(0);
  expect(failures).toBeLessThanOrEqual(cut.length);

  const names = (await readdir(documents())).sort();
  expect(names).toEqual(records.flatMap((r) => [`${r.id}.metadata.xml`, `${r.id}.xml`]).sort());
  for (const id of [...cut, records[0]!.id, records[42]!.id]) {
    const served = source.resolve(xmlPath(id));
    expect(await readFile(join(documents(), `${id}.xml`), 'utf8'), id).toBe(served?.body);
  }
  // Downloaded again only what a fault or the kill lost.
  const xmlRequests = standIn.log.filter(
    (r) => r.path.endsWith(`.xml`) && !r.path.includes('/metadata/'),
  );
  expect(xmlRequests.length).toBeLessThanOrEqual(TOTAL + cut.length + 1 + BATCH);
  expect(watermarks.at(-1)).toBe(
    [...records].sort((a, b) => (a.modified < b.modified ? -1 : 1)).at(-1)?.modified,
  );
}, 600_000);
