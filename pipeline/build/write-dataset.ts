// Writes the export files from per-record fragments in one pass: every file is streamed at once,
// record by record in id order, so memory does not grow with the number of records. The bytes
// are those exportDataset produces (the same generators made the fragments). Like writeFiles,
// every file is written into a staging folder first and the changed ones are switched into place
// as one set when all are complete (dataset-switch.ts); a file whose bytes did not change is left
// as it was (an incremental build rewrites only what changed).
// The build can open the writer before it knows every record and feed it while parsing goes on.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { dataPackage, type PackageMeta, type ResourceStats } from '../export/datapackage.ts';
import { PARQUET_FILES } from '../export/export-dataset.ts';
import { PARQUET_SUFFIX } from '../export/parquet-sql.ts';
import { WORKBOOK_DIR, workbookAssetName, workbookYear } from '../export/xlsx-cells.ts';
import { keptParquet, writeParquet, writeWorkbooks, type Workbook } from './analyst-files.ts';
import { csvChunks } from '../export/to-csv.ts';
import { TABLES } from '../export/tables.ts';
import { PACKAGE_TABLES } from '../export/export-dataset.ts';
import type { FragmentBytes } from './prepare-record.ts';
import type { ExportStamp } from './record-cache.ts';
import { ioError } from '../errors.ts';
import {
  isYearFileName,
  openYearFiles,
  staleYearFiles,
  DATA_DIR,
  yearOfFile,
} from './year-files.ts';
import { endSwitch, switchSet } from './dataset-switch.ts';
import { hashThread, localHash, type StreamHash } from './thread-hash.ts';
import { removeStaleStaging, STAGING_PREFIX, type OutputFile } from './write-files.ts';

/** The files made from record fragments, in fragment order. */
export const RECORD_FILES: readonly string[] = [
  'kamervragen.json',
  'kamervragen.ndjson',
  ...TABLES.map((t) => `${t.name}.csv`),
];
/** Bytes gathered per file before one hash update and one write. */
const CHUNK = 4 << 20;

// One output file: bytes are copied into one of two fixed buffers; a full buffer is hashed and
// written while the other fills, so no memory is allocated per record.
class StreamedFile {
  bytes = 0;
  private readonly busy: (Promise<unknown> | null)[] = [null, null];
  private current = 0;
  private fill = 0;
  private position = 0;
  private constructor(
    readonly name: string,
    private readonly handle: FileHandle,
    private readonly hash: StreamHash,
    private readonly buffers: Buffer[],
  ) {}
  static async open(
    name: string,
    path: string,
    hash: StreamHash = localHash(),
  ): Promise<StreamedFile> {
    const handle = await open(path, 'wx');
    const allocate = (size: number) =>
      hash.shared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafeSlow(size);
    return new StreamedFile(name, handle, hash, [allocate(CHUNK), allocate(CHUNK)]);
  }
  digest(): Promise<string> {
    return this.hash.digest();
  }
  /**
   * Copies `text` (or bytes start..end of it) in. Returns a promise only when the caller must
   * wait (a buffer is still being written).
   */
  write(text: string | Uint8Array, start = 0, end = text.length): Promise<void> | undefined {
    if (end <= start) return undefined;
    const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    if (typeof text === 'string') end = data.length;
    const length = end - start;
    this.bytes += length;
    if (this.fill + length < CHUNK) {
      // A copy between offsets: no view object per piece (a build copies millions of pieces).
      Buffer.prototype.copy.call(data, this.buffers[this.current]!, this.fill, start, end);
      this.fill += length;
      return undefined;
    }
    return this.spill(data.subarray(start, end));
  }
  private async spill(data: Uint8Array): Promise<void> {
    let at = 0;
    while (at < data.length) {
      const n = Math.min(CHUNK - this.fill, data.length - at);
      this.buffers[this.current]!.set(data.subarray(at, at + n), this.fill);
      this.fill += n;
      at += n;
      if (this.fill === CHUNK) await this.flush();
    }
  }
  async flush(): Promise<void> {
    if (this.fill === 0) return;
    const i = this.current;
    const data = this.buffers[i]!.subarray(0, this.fill);
    const at = this.position;
    // The buffer is reused once it is both written and hashed.
    this.busy[i] = Promise.all([
      this.hash.update(data),
      this.handle.write(data, 0, data.length, at),
    ]);
    this.position += data.length;
    this.fill = 0;
    this.current = 1 - i;
    const other = this.busy[this.current];
    this.busy[this.current] = null;
    if (other !== null && other !== undefined) await other;
  }
  async close(): Promise<void> {
    try {
      await this.flush();
      for (const b of this.busy) if (b !== null) await b;
      await this.handle.sync();
    } finally {
      await this.handle.close();
    }
  }
}

export interface FileStats {
  bytes: number;
  sha256: string;
}

/** The record files of a dataset, fed record by record (in id order) and finished once. */
export interface DatasetWriter {
  /** One record's fragments; its NDJSON line also goes to the file of its session year. */
  add(fragments: FragmentBytes, sessionYear: string | null): Promise<void>;
  /** add() for fragments lying one after another in `bytes`, with these lengths. */
  addPacked(
    bytes: Uint8Array,
    lengths: readonly number[],
    sessionYear: string | null,
  ): Promise<void>;
  /** Ends the files; their sizes and hashes, by name. */
  close(): Promise<Map<string, FileStats>>;
  /** Drops everything written so far. */
  abort(): Promise<void>;
  readonly staging: string;
}

const OPEN = Buffer.from('[\n');
const COMMA = Buffer.from(',\n');

export async function openDatasetWriter(out: string): Promise<DatasetWriter> {
  const staging = await openStaging(out);
  const hasher = hashThread();
  const files: StreamedFile[] = [];
  try {
    for (const name of RECORD_FILES)
      files.push(await StreamedFile.open(name, join(staging, name), hasher.hash()));
  } catch (error) {
    await Promise.all(files.map((f) => f.close().catch(() => undefined)));
    await hasher.close();
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const years = await openYearFiles(staging);
  const [json, ndjson, ...csv] = files as [StreamedFile, StreamedFile, ...StreamedFile[]];
  for (const [i, table] of TABLES.entries()) await csv[i]!.write(headerOf(table));
  let first = true;
  let closed = false;
  const closeAll = async () => {
    if (closed) return;
    closed = true;
    const results = await Promise.allSettled(files.map((f) => f.close()));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
  };
  // A write that fails (a full disk) names the folder being written: the system does not.
  const named = (error: unknown): never => {
    throw ioError(error, staging) ?? error;
  };
  const writer: DatasetWriter = {
    staging,
    async addPacked(bytes, lengths, sessionYear) {
      let wait = json.write(first ? OPEN : COMMA);
      if (wait !== undefined) await wait;
      first = false;
      let at = 0;
      for (let i = 0; i < lengths.length; i += 1) {
        const end = at + lengths[i]!;
        wait = files[i]!.write(bytes, at, end);
        if (wait !== undefined) await wait;
        if (i === 1) await years.add(sessionYear, bytes, at, end);
        at = end;
      }
    },
    async add(f, sessionYear) {
      // The fragments are copied before this returns: the caller may reuse their memory.
      // (Awaiting only real promises: most writes are a copy into a buffer and return nothing.)
      let wait = json.write(first ? OPEN : COMMA);
      if (wait !== undefined) await wait;
      wait = json.write(f[0]!);
      if (wait !== undefined) await wait;
      first = false;
      wait = ndjson.write(f[1]!);
      if (wait !== undefined) await wait;
      const line = typeof f[1] === 'string' ? Buffer.from(f[1], 'utf8') : f[1]!;
      await years.add(sessionYear, line, 0, line.length);
      for (let i = 0; i < csv.length; i += 1) {
        wait = csv[i]!.write(f[2 + i]!);
        if (wait !== undefined) await wait;
      }
    },
    async close() {
      // The hashing thread is ended however the files end: a write that fails (a full disk)
      // must not leave it holding the process open.
      try {
        await json.write(first ? '[]\n' : '\n]\n');
        await closeAll();
        const stats = new Map<string, FileStats>();
        for (const f of files) stats.set(f.name, { bytes: f.bytes, sha256: await f.digest() });
        for (const [name, s] of await years.close()) stats.set(name, s);
        return stats;
      } finally {
        await hasher.close();
      }
    },
    async abort() {
      await closeAll().catch(() => undefined);
      await years.abort();
      await hasher.close();
      await rm(staging, { recursive: true, force: true });
    },
  };
  return {
    ...writer,
    addPacked: (bytes, lengths, year) => writer.addPacked(bytes, lengths, year).catch(named),
    add: (f, year) => writer.add(f, year).catch(named),
    close: () => writer.close().catch(named),
  };
}

async function openStaging(out: string): Promise<string> {
  await mkdir(out, { recursive: true });
  await removeStaleStaging(out);
  const staging = join(out, `${STAGING_PREFIX}${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  return staging;
}

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

/**
 * Completes a dataset: datapackage.json (from the record files' sizes and hashes) and the extra
 * files, then every file that differs from what `out` holds is renamed into place.
 * Returns the stamp of what `out` now holds.
 */
export function finishDataset(
  out: string,
  writer: DatasetWriter | null,
  options: FinishOptions,
  recordsHash = '',
): Promise<{ written: string[]; unchanged: string[]; stamp: ExportStamp }> {
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
): Promise<{ written: string[]; unchanged: string[]; stamp: ExportStamp }> {
  let staging = writer?.staging ?? null;
  try {
    const hashes = new Map<string, FileStats>();
    if (writer !== null) {
      for (const [name, s] of await writer.close()) hashes.set(name, s);
    } else if (options.keepRecordFiles === true && options.stamp !== null && options.stamp) {
      for (const name of RECORD_FILES) hashes.set(name, options.stamp.files[name]!);
      for (const [name, s] of Object.entries(options.stamp.files))
        if (isYearFileName(name)) hashes.set(name, s);
    } else {
      throw new Error('finishDataset needs a writer, or a stamp for files kept as they are');
    }
    staging ??= await openStaging(out);
    const stats = new Map<string, ResourceStats>();
    for (const name of RECORD_FILES)
      if (name.endsWith('.csv')) stats.set(name.slice(0, -4), hashes.get(name)!);
    // Kept record files keep the Parquet copies made from them, as long as nobody touched those
    // either (run-build checks every kept file's print).
    const stamped = options.stamp?.files;
    const keepParquet =
      writer === null && stamped !== undefined && PARQUET_FILES.every((n) => n in stamped);
    const recordsDir = writer === null ? out : staging;
    const parquet = keepParquet ? keptParquet(stamped) : await writeParquet(recordsDir, staging);
    for (const [table, s] of parquet) hashes.set(`${table}${PARQUET_SUFFIX}`, s);
    const yearNames = [...hashes.keys()].filter(isYearFileName).sort();
    const years = new Map(
      yearNames.map(yearOfFile).map((year) => [year, options.years?.get(year) ?? '']),
    );
    const untouched = async (name: string) =>
      stamped?.[name] !== undefined && stamped[name].print === (await filePrint(join(out, name)));
    const books = await writeWorkbooks(years, recordsDir, staging, stamped, untouched);
    for (const book of books) hashes.set(book.name, book.stats);
    // Like the release, name the workbooks as a release of this version publishes them.
    const version = options.meta.version;
    const workbooks = books.map(({ year, name, stats }) => ({
      year,
      stats,
      path: version === undefined ? name : workbookAssetName(year, version),
    }));
    const meta = { ...options.meta, parquet, workbooks };
    const tables = options.tables ?? [];
    // The cross-record tables come first: datapackage.json, made after them, takes their sizes
    // and hashes from their writing.
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
    const bookNames = books.map((b) => b.name);
    const written = [
      ...RECORD_FILES,
      ...PARQUET_FILES,
      ...yearNames,
      ...bookNames,
      ...small.map((f) => f.name),
    ];
    await mkdir(join(out, DATA_DIR), { recursive: true });
    await mkdir(join(out, WORKBOOK_DIR), { recursive: true });
    const unchanged: string[] = [];
    const changed: string[] = [];
    for (const name of written) {
      const kept =
        books.some((b) => b.kept && b.name === name) ||
        (writer === null &&
          (RECORD_FILES.includes(name) ||
            isYearFileName(name) ||
            (keepParquet && PARQUET_FILES.includes(name))));
      const known = options.stamp?.files[name];
      const staged = join(staging, name);
      if (kept || (await sameBytes(staged, join(out, name), hashes.get(name)!, known)))
        unchanged.push(name);
      else changed.push(name);
    }
    // A switch that fails mid-way leaves the staged files for the next run to complete it with.
    const switching = staging;
    staging = null;
    await switchDataset(out, switching, changed, [...yearNames, ...bookNames]);
    await rm(switching, { recursive: true, force: true });
    const stamp: ExportStamp = { records: recordsHash, files: {} };
    const from = new Map(books.map((b: Workbook) => [b.name, b.from]));
    for (const name of written) {
      const made = from.get(name);
      stamp.files[name] = {
        ...hashes.get(name)!,
        print: await filePrint(join(out, name)),
        ...(made ? { from: made } : {}),
      };
    }
    return { written, unchanged, stamp };
  } finally {
    if (staging !== null) await rm(staging, { recursive: true, force: true });
  }
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
    ...(await staleWorkbooks(out, perYear)),
    ...(await present(out, RETIRED)),
  ];
  if (changed.length === 0 && remove.length === 0) return;
  await switchSet(out, { staging: basename(staging), rename: changed, remove });
  await endSwitch(out);
}

async function staleWorkbooks(out: string, keep: readonly string[]): Promise<string[]> {
  const wanted = new Set(keep);
  const names = await readdir(join(out, WORKBOOK_DIR)).catch(() => [] as string[]);
  return names
    .map((name) => `${WORKBOOK_DIR}/${name}`)
    .filter((name) => workbookYear(name) !== null && !wanted.has(name))
    .sort();
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

function headerOf(table: (typeof TABLES)[number]): string {
  for (const chunk of csvChunks(table, [])) return chunk;
  return '';
}

/** The file system's fingerprint of a written file: size, times and inode. */
export async function filePrint(path: string): Promise<string> {
  const info = await stat(path, { bigint: true }).catch(() => null);
  if (info === null) return '';
  return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`;
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
