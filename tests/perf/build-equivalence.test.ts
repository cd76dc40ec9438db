// The fast build (worker threads, record cache, one-pass streamed export, partitions) must write
// exactly the bytes of the plain reference path: buildRecords + exportDataset on whole records.
import { execFile } from 'node:child_process';
import {
  mkdtemp,
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocument } from '../../pipeline/bench/render-document.ts';
import { buildRecords } from '../../pipeline/build/build-records.ts';
import { planFromSummaries } from '../../pipeline/build/plan-from-summaries.ts';
import { referenceAnalystFiles } from './support/reference-analyst-files.ts';
import { summarise } from '../../pipeline/build/prepare-record.ts';
import { quarantineJson, QUARANTINE_FILE } from '../../pipeline/build/quarantine-file.ts';
import { readSources } from '../../pipeline/build/read-sources.ts';
import { runBuild } from '../../pipeline/build/run-build.ts';
import { yearFileName } from '../../pipeline/build/year-files.ts';
import { RACY_MARGIN_MS } from '../../pipeline/build/source-fingerprint.ts';
import { exportDataset } from '../../pipeline/export/export-dataset.ts';
import { workbookAssetName } from '../../pipeline/export/xlsx-cells.ts';
import { planRelease } from '../../pipeline/package/plan-release.ts';
import type { Manifest } from '../../pipeline/package/release-types.ts';
import { recordHash } from '../../pipeline/package/hash-record.ts';
import { SCHEMA_VERSION } from '../../pipeline/validate/schema.ts';

const run = promisify(execFile);
// The CLI in a child process, on the same day as the reference.
const exec = (file: string, args: string[]) =>
  run(file, args, { env: { ...process.env, SOURCE_DATE_EPOCH: String(EPOCH) } });
const ROOT = join(import.meta.dirname, '../..');
const DOCS = 36;
let work: string;
let documents: string;

async function files(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) {
    if (name.startsWith('.') || name.endsWith('.gz') || name.endsWith('.gz.json')) continue;
    if (name === 'data' || name === 'workbooks') {
      for (const year of (await readdir(join(dir, name))).sort())
        out.set(`${name}/${year}`, await readFile(join(dir, name, year)));
      continue;
    }
    out.set(name, await readFile(join(dir, name)));
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function expectSame(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [name, bytes] of expected) {
    // Compare as text first for a readable diff, then as bytes.
    expect(actual.get(name)!.toString('utf8'), name).toBe(bytes.toString('utf8'));
    expect(actual.get(name)!.equals(bytes), name).toBe(true);
  }
}

async function generate(dir: string, from: number, to: number, total: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = from; i < to; i += 1)
    for (const file of generateDocument('perf', i, total).files)
      await writeFile(join(dir, file.name), file.content);
}

// The moment the builds and the reference are made: one day for all.
const EPOCH = 1_800_000_000;

/** The reference: whole records in memory, the export's own generators. */
async function reference(docs: string): Promise<Map<string, Buffer>> {
  const { files: sources } = await readSources(relative(process.cwd(), docs));
  const built = await buildRecords(sources, { quarantine: true });
  const plan = planRelease(built.records, null, {
    schemaVersion: SCHEMA_VERSION,
    sourceDateEpoch: EPOCH,
  });
  const out = new Map<string, Buffer>();
  // Parquet and the workbook come from the reference CSVs, made by the build's own writers.
  const analyst = await referenceAnalystFiles(built.records);
  for (const file of exportDataset(built.records, {
    version: plan.version,
    created: `${plan.date}T00:00:00Z`,
    parquet: analyst.stats,
    // The build names the workbooks as the release of its version publishes them.
    workbooks: analyst.workbooks.map((w) => ({
      ...w,
      path: workbookAssetName(w.year, plan.version),
    })),
  }))
    out.set(file.name, Buffer.from([...file.chunks()].join(''), 'utf8'));
  for (const file of analyst.files) out.set(file.name, Buffer.from(file.bytes));
  out.set(QUARANTINE_FILE, Buffer.from(quarantineJson(built.quarantined), 'utf8'));
  // The committed form: the NDJSON lines, in id order, one file per session year.
  const years = new Map<string, string[]>();
  const lines = out.get('kamervragen.ndjson')!.toString('utf8').split('\n').slice(0, -1);
  for (const line of lines) {
    const year = (JSON.parse(line) as { session_year: string | null }).session_year;
    const name = yearFileName(year);
    years.set(name, [...(years.get(name) ?? []), `${line}\n`]);
  }
  for (const [name, text] of years) out.set(name, Buffer.from(text.join(''), 'utf8'));
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kamervragen-perf-'));
  documents = join(work, 'documents');
  await generate(documents, 0, DOCS, DOCS);
  // One file that cannot be parsed, so the quarantine path is covered too.
  await writeFile(join(documents, 'kv-tk-2020Z99999.broken.txt'), 'Dit is geen Kamervraag.\n');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('fast build writes the reference bytes', () => {
  let expected: Map<string, Buffer>;
  beforeAll(async () => {
    expected = await reference(documents);
    expect(expected.get('kamervragen.ndjson')!.toString().split('\n').length).toBeGreaterThan(
      DOCS / 2,
    );
    expect(expected.get(QUARANTINE_FILE)!.toString()).toContain('broken');
  }, 120_000);

  it('with 1 worker and no cache, 2 workers and a cold cache, and 2 workers and a warm cache', async () => {
    const cache = join(work, 'cache');
    const build = async (name: string, workers: number, withCache: boolean) => {
      const out = join(work, name);
      const summary = await runBuild({
        documents: relative(process.cwd(), documents),
        out,
        quarantine: true,
        sourceDateEpoch: EPOCH,
        workers,
        cache: withCache ? cache : null,
      });
      expect(summary.ok).toBe(true);
      return files(out);
    };
    expectSame(await build('one', 1, false), expected);
    expectSame(await build('two-cold', 2, true), expected);
    const pack = join(cache, (await readdir(cache))[0]!);
    const size = (await stat(pack)).size;
    expectSame(await build('two-warm', 2, true), expected);
    // A warm build parsed nothing: the store did not grow.
    expect((await stat(pack)).size).toBe(size);
  }, 180_000);

  it('one new document: the cached rebuild equals a fresh build of the new set', async () => {
    const more = join(work, 'more');
    await generate(more, 0, DOCS + 1, DOCS);
    const cache = join(work, 'cache-more');
    const opts = {
      documents: relative(process.cwd(), more),
      quarantine: true,
      sourceDateEpoch: EPOCH,
      workers: 1,
      cache,
    };
    await runBuild({ ...opts, out: join(work, 'inc') });
    await writeFile(join(more, 'extra-note.txt'), ''); // an unparseable newcomer changes quarantine.json only
    const before = await stat(join(work, 'inc', 'kamervragen.json'));
    await runBuild({ ...opts, out: join(work, 'inc') });
    // Unchanged output files are left as they were.
    expect((await stat(join(work, 'inc', 'kamervragen.json'))).mtimeMs).toBe(before.mtimeMs);
    expectSame(await files(join(work, 'inc')), await reference(more));
  }, 180_000);

  it('documents whose path order is not id order, streamed or not, give the reference bytes', async () => {
    const moved = join(work, 'moved');
    await generate(moved, 0, DOCS, DOCS);
    // A document in a subfolder sorts after every other path but not after every id, so the
    // export written while parsing is dropped and written again from the cache in id order.
    const names = (await readdir(moved)).filter((n) => n.endsWith('.pdf.txt'));
    const first = names.sort()[0]!;
    await mkdir(join(moved, 'zz'));
    await rename(join(moved, first), join(moved, 'zz', first));
    const out = join(work, 'moved-out');
    const cache = join(work, 'moved-cache');
    const opts = {
      documents: relative(process.cwd(), moved),
      out,
      quarantine: true,
      sourceDateEpoch: EPOCH,
      cache,
    };
    await runBuild({ ...opts, workers: 2 });
    expectSame(await files(out), await reference(moved));
  }, 180_000);

  it('a warm build trusts a fingerprint only while size, times and inode are unchanged', async () => {
    const docs = join(work, 'prints');
    await generate(docs, 0, 6, 6);
    const out = join(work, 'prints-out');
    const cache = join(work, 'prints-cache');
    const opts = {
      documents: relative(process.cwd(), docs),
      out,
      quarantine: true,
      sourceDateEpoch: EPOCH,
      cache,
    };
    // Files changed within the racy margin of a build are always read; let them age past it.
    const settle = () => new Promise((r) => setTimeout(r, RACY_MARGIN_MS + 200));
    // Whole-second modification times, which utimes can restore exactly.
    const old = new Date('2020-01-01T00:00:00Z');
    for (const name of await readdir(docs)) await utimes(join(docs, name), old, old);
    await settle();
    expect((await runBuild(opts)).parsed).toBe(6);
    const built = await files(out);
    const before = await stat(join(out, 'kamervragen.json'));
    const again = await runBuild(opts);
    expect(again.ok).toBe(true);
    expect(again.parsed).toBe(0);
    // Nothing parsed, nothing written: the record files keep their inode and modification time.
    const after = await stat(join(out, 'kamervragen.json'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expectSame(await files(out), built);

    // Same size, same modification time, other content: the change time gives it away, both
    // right after the edit (racy) and once it has aged.
    const victim = (await readdir(docs)).find((n) => n.endsWith('.pdf.txt'))!;
    const text = await readFile(join(docs, victim), 'utf8');
    const info = await stat(join(docs, victim));
    const changed = text.replace(/Minister/, 'Ministe_');
    expect(changed).not.toBe(text);
    expect(Buffer.byteLength(changed)).toBe(info.size);
    await writeFile(join(docs, victim), changed);
    await utimes(join(docs, victim), old, old);
    expect((await stat(join(docs, victim))).mtimeMs).toBe(info.mtimeMs);
    await settle();
    expect((await runBuild(opts)).parsed).toBe(1);
    expectSame(await files(out), await reference(docs));

    // An output file edited by hand is written again even though no document changed.
    await writeFile(join(out, 'questions.csv'), 'edited\n');
    expect((await runBuild(opts)).parsed).toBe(0);
    expectSame(await files(out), await reference(docs));
  }, 180_000);

  it('a document written just before a build is read again by the next, which keeps the files', async () => {
    const docs = join(work, 'racy');
    await generate(docs, 0, 6, 6);
    const old = new Date('2020-01-01T00:00:00Z');
    const names = (await readdir(docs)).sort();
    for (const name of names) await utimes(join(docs, name), old, old);
    await new Promise((r) => setTimeout(r, RACY_MARGIN_MS + 200));
    // One document rewritten (same bytes) right before the build: its fingerprint is racy.
    const fresh = names.find((n) => n.endsWith('.pdf.txt'))!;
    await writeFile(join(docs, fresh), await readFile(join(docs, fresh)));
    const opts = {
      documents: relative(process.cwd(), docs),
      out: join(work, 'racy-out'),
      quarantine: true,
      sourceDateEpoch: EPOCH,
      cache: join(work, 'racy-cache'),
    };
    expect((await runBuild(opts)).parsed).toBe(6);
    const built = await files(opts.out);
    const before = await stat(join(opts.out, 'kamervragen.json'));
    const again = await runBuild(opts);
    expect(again.parsed).toBe(1);
    // The same records as the files hold: they keep their inode and modification time.
    const after = await stat(join(opts.out, 'kamervragen.json'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expectSame(await files(opts.out), built);
  }, 180_000);

  it('partitions by session year, merged, equal the single build (and a gap is refused)', async () => {
    const cache = join(work, 'cache-parts');
    const ranges = ['..2005-2006', '2006-2007..2015-2016', '2016-2017..'];
    const parts = ranges.map((_, i) => join(work, `part${i}`));
    let parsed = 0;
    for (const [i, range] of ranges.entries()) {
      const { stdout } = await exec(process.execPath, [
        join(ROOT, 'bin/kamervragen.mjs'),
        'build',
        '--documents',
        documents,
        '--out',
        parts[i]!,
        '--quarantine',
        '--partition',
        range,
        '--cache',
        join(cache, String(i)), // as on separate machines: no part gets another's records
        '--workers',
        '1',
        '--json',
      ]);
      parsed += (JSON.parse(stdout) as { parsed: number }).parsed;
    }
    // A part does not parse the documents whose file name puts them in another part.
    expect(parsed).toBeLessThan(ranges.length * (DOCS + 1));
    expect(parsed).toBeGreaterThanOrEqual(DOCS + 1);
    const counts = await Promise.all(
      parts.map(
        async (p) =>
          (JSON.parse(await readFile(join(p, 'partition.json'), 'utf8')) as { records: unknown[] })
            .records.length,
      ),
    );
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1); // the corpus really spans the ranges
    const merged = join(work, 'merged');
    await exec(process.execPath, [
      join(ROOT, 'bin/kamervragen.mjs'),
      'merge',
      ...parts,
      '--out',
      merged,
      '-q',
    ]);
    expectSame(await files(merged), expected);
    await expect(
      exec(process.execPath, [
        join(ROOT, 'bin/kamervragen.mjs'),
        'merge',
        parts[0]!,
        parts[2]!,
        '--out',
        join(work, 'gap'),
        '-q',
      ]),
    ).rejects.toMatchObject({ code: 1 });
  }, 180_000);
});

describe('plan from summaries', () => {
  it('equals planRelease on whole records, first release and against a previous manifest', async () => {
    const { files: sources } = await readSources(relative(process.cwd(), documents));
    const { records } = await buildRecords(sources, { quarantine: true });
    const summaries = records.map((r) => summarise(r));
    const options = { schemaVersion: SCHEMA_VERSION, sourceDateEpoch: 1_800_000_000 };
    expect(planFromSummaries(summaries, null, options)).toEqual(
      planRelease(records, null, options),
    );
    // A previous release that knew some records, one of them with other content, and one now gone.
    const entries = Object.fromEntries(
      records
        .slice(0, 5)
        .map((r, i) => [r.id, { sha256: i === 0 ? 'x' : recordHash(r), title: r.title }]),
    );
    entries['kv-gone-1'] = { sha256: 'y', title: 'weg' };
    const previous = {
      version: '1.2.3',
      date: '2000-01-01',
      schema_version: SCHEMA_VERSION,
      records: entries,
    } as unknown as Manifest;
    expect(planFromSummaries(summaries, previous, options)).toEqual(
      planRelease(records, previous, options),
    );
  }, 120_000);
});
