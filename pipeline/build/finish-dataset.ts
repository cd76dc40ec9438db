// Completes a dataset once its record files are written (or kept): the Parquet copies, the
// workbook of each session year, datapackage.json and the small files go into the staging
// folder, then every file that differs from what the output folder holds is switched into place
// as one set (dataset-switch.ts), with the year files and workbooks the new set leaves out
// removed in the same switch.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ioError } from '../errors.ts';
import { dataPackage, type PackageMeta, type ResourceStats } from '../export/datapackage.ts';
import { PACKAGE_TABLES, PARQUET_FILES } from '../export/export-dataset.ts';
import { PARQUET_SUFFIX } from '../export/parquet-sql.ts';
import { WORKBOOK_DIR, workbookAssetName, workbookYear } from '../export/xlsx-cells.ts';
import { keptParquet, writeParquet, writeWorkbooks } from './analyst-files.ts';
import { endSwitch, switchSet } from './dataset-switch.ts';
import type { FragmentBytes } from './prepare-record.ts';
import type { ExportStamp } from './record-cache.ts';
import {
  filePrint,
  openDatasetWriter,
  openStaging,
  RECORD_FILES,
  StreamedFile,
  untouchedSince,
  type DatasetWriter,
  type FileStats,
} from './write-dataset.ts';
import type { OutputFile } from './write-files.ts';
import { DATA_DIR, isYearFileName, staleFiles, staleYearFiles, yearOfFile } from './year-files.ts';

export interface FinishOptions {
  meta: PackageMeta;
  extra: readonly OutputFile[];
  /** What the last build wrote into `out`, to tell unchanged files without reading them. */
  stamp?: ExportStamp | null | undefined;
  /** The record files are unchanged since `stamp` (the writer was never opened): keep them. */
  keepRecordFiles?: boolean | undefined;
  /** The cross-record tables (cases.csv …), small: measured for datapackage.json and written. */
  tables?: readonly OutputFile[] | undefined;
  /** Per session year, the hash of its records' cache keys: a workbook made from them is kept. */
  years?: ReadonlyMap<string, string> | undefined;
}

type Finished = { written: string[]; unchanged: string[]; stamp: ExportStamp };

/**
 * Completes a dataset: the files made from the record files, datapackage.json (from their sizes
 * and hashes) and the extra files, then every file that differs from what `out` holds is
 * renamed into place. Returns the stamp of what `out` now holds.
 */
export function finishDataset(
  out: string,
  writer: DatasetWriter | null,
  options: FinishOptions,
  recordsHash = '',
): Promise<Finished> {
  // A failed write (a full disk) names the output folder when the system names no file.
  return finishFiles(out, writer, options, recordsHash).catch((error: unknown) => {
    throw ioError(error, writer?.staging ?? out) ?? error;
  });
}

async function finishFiles(
  out: string,
  writer: DatasetWriter | null,
  options: FinishOptions,
  recordsHash: string,
): Promise<Finished> {
  let staging = writer?.staging ?? null;
  try {
    const hashes = await recordFileStats(writer, options);
    staging ??= await openStaging(out);
    const stats = new Map<string, ResourceStats>();
    for (const name of RECORD_FILES)
      if (name.endsWith('.csv')) stats.set(name.slice(0, -4), hashes.get(name)!);
    const made = await analystFiles(out, staging, writer, options, hashes);
    const small = await writeSmallFiles(staging, options, stats, made.meta, hashes);
    const yearNames = [...hashes.keys()].filter(isYearFileName).sort();
    const bookNames = made.books.map((b) => b.name);
    const written = [...RECORD_FILES, ...PARQUET_FILES, ...yearNames, ...bookNames, ...small];
    const kept = (name: string) =>
      made.kept.has(name) ||
      (writer === null && (RECORD_FILES.includes(name) || isYearFileName(name)));
    await mkdir(join(out, DATA_DIR), { recursive: true });
    await mkdir(join(out, WORKBOOK_DIR), { recursive: true });
    const unchanged: string[] = [];
    const changed: string[] = [];
    for (const name of written) {
      const known = options.stamp?.files[name];
      const same = (s: string) =>
        sameBytes(join(s, name), join(out, name), hashes.get(name)!, known);
      if (kept(name) || (await same(staging))) unchanged.push(name);
      else changed.push(name);
    }
    // A switch that fails mid-way leaves the staged files for the next run to complete it with.
    const switching = staging;
    staging = null;
    await switchDataset(out, switching, changed, [...yearNames, ...bookNames]);
    await rm(switching, { recursive: true, force: true });
    const stamp: ExportStamp = { records: recordsHash, files: {} };
    const from = new Map(made.books.map((b) => [b.name, b.from]));
    for (const name of written) {
      const source = from.get(name);
      const print = await filePrint(join(out, name));
      stamp.files[name] = { ...hashes.get(name)!, print, ...(source ? { from: source } : {}) };
    }
    return { written, unchanged, stamp };
  } finally {
    if (staging !== null) await rm(staging, { recursive: true, force: true });
  }
}

// Sizes and hashes of the record files and the year files: as written, or as the stamp knows
// the kept ones.
async function recordFileStats(
  writer: DatasetWriter | null,
  options: FinishOptions,
): Promise<Map<string, FileStats>> {
  const hashes = new Map<string, FileStats>();
  if (writer !== null) {
    for (const [name, s] of await writer.close()) hashes.set(name, s);
  } else if (options.keepRecordFiles === true && options.stamp) {
    for (const name of RECORD_FILES) hashes.set(name, options.stamp.files[name]!);
    for (const [name, s] of Object.entries(options.stamp.files))
      if (isYearFileName(name)) hashes.set(name, s);
  } else {
    throw new Error('finishDataset needs a writer, or a stamp for files kept as they are');
  }
  return hashes;
}

// The Parquet copies (kept with kept record files, as long as nobody touched them: run-build
// checks every kept file's print) and the workbooks; their stats go into `hashes`.
async function analystFiles(
  out: string,
  staging: string,
  writer: DatasetWriter | null,
  options: FinishOptions,
  hashes: Map<string, FileStats>,
) {
  const stamped = options.stamp?.files;
  const keepParquet =
    writer === null && stamped !== undefined && PARQUET_FILES.every((n) => n in stamped);
  const recordsDir = writer === null ? out : staging;
  const parquet = keepParquet
    ? keptParquet(stamped)
    : await writeParquet(recordsDir, staging, writer?.longestRow() ?? null);
  for (const [table, s] of parquet) hashes.set(`${table}${PARQUET_SUFFIX}`, s);
  const years = new Map(
    [...hashes.keys()]
      .filter(isYearFileName)
      .sort()
      .map(yearOfFile)
      .map((year) => [year, options.years?.get(year) ?? '']),
  );
  const untouched = (name: string) => untouchedSince(out, stamped, name);
  const books = await writeWorkbooks(years, recordsDir, staging, stamped, untouched);
  for (const book of books) hashes.set(book.name, book.stats);
  // Like the release, name the workbooks as a release of this version publishes them.
  const version = options.meta.version;
  const workbooks = books.map(({ year, name, stats }) => ({
    year,
    stats,
    path: version === undefined ? name : workbookAssetName(year, version),
  }));
  const kept = new Set([
    ...books.filter((b) => b.kept).map((b) => b.name),
    ...(keepParquet ? PARQUET_FILES : []),
  ]);
  return { books, kept, meta: { ...options.meta, parquet, workbooks } };
}

// The cross-record tables, datapackage.json and the extra files, into the staging folder. The
// tables come first: datapackage.json, made after them, takes their sizes and hashes.
async function writeSmallFiles(
  staging: string,
  options: FinishOptions,
  stats: Map<string, ResourceStats>,
  meta: PackageMeta,
  hashes: Map<string, FileStats>,
): Promise<string[]> {
  const tables = options.tables ?? [];
  const small: OutputFile[] = [
    ...tables,
    {
      name: 'datapackage.json',
      chunks: () => [`${JSON.stringify(dataPackage(PACKAGE_TABLES, stats, meta), null, 2)}\n`],
    },
    ...options.extra,
  ];
  for (const file of small) {
    const streamed = await StreamedFile.open(file.name, join(staging, file.name));
    for (const chunk of file.chunks()) await streamed.write(chunk);
    await streamed.close();
    const written = { bytes: streamed.bytes, sha256: await streamed.digest() };
    hashes.set(file.name, written);
    if (tables.includes(file)) stats.set(file.name.slice(0, -4), written);
  }
  return small.map((f) => f.name);
}
// A workbook of the whole dataset, made before there was one per session year.
const RETIRED = ['kamervragen.xlsx'];

// The changed files and the removal of the year files and workbooks the new set leaves out
// (and of retired files), as one switch.
async function switchDataset(
  out: string,
  staging: string,
  changed: string[],
  perYear: readonly string[],
): Promise<void> {
  const remove = [
    ...(await staleYearFiles(out, perYear)),
    ...(await staleFiles(out, WORKBOOK_DIR, (name) => workbookYear(name) !== null, perYear)),
    ...(await present(out, RETIRED)),
  ];
  if (changed.length === 0 && remove.length === 0) return;
  await switchSet(out, { staging: basename(staging), rename: changed, remove });
  await endSwitch(out);
}

async function present(out: string, names: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names)
    if ((await stat(join(out, name)).catch(() => null)) !== null) found.push(name);
  return found;
}

/** Writes the dataset from fragments in id order (the merge of a partitioned build uses it). */
export async function writeDataset(
  out: string,
  fragments:
    | Iterable<{ fragments: FragmentBytes; sessionYear: string | null }>
    | AsyncIterable<{ fragments: FragmentBytes; sessionYear: string | null }>,
  meta: PackageMeta,
  extra: readonly OutputFile[],
  tables: readonly OutputFile[] = [],
): Promise<{ written: string[]; unchanged: string[] }> {
  const writer = await openDatasetWriter(out);
  try {
    for await (const f of fragments) await writer.add(f.fragments, f.sessionYear);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  const { written, unchanged } = await finishDataset(out, writer, { meta, extra, tables });
  return { written, unchanged };
}

async function sameBytes(
  staged: string,
  current: string,
  expected: FileStats,
  known: ExportStamp['files'][string] | undefined,
): Promise<boolean> {
  const [a, b] = await Promise.all([stat(staged), stat(current).catch(() => null)]);
  if (b === null || !b.isFile() || a.size !== b.size) return false;
  // The file is as the last build left it: its hash is known without reading it.
  if (known !== undefined && known.print === (await filePrint(current)))
    return known.sha256 === expected.sha256;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(current)) hash.update(chunk as Buffer);
  return hash.digest('hex') === expected.sha256;
}
