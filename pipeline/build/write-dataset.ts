// Writes the record files from per-record fragments in one pass: every file is streamed at once,
// record by record in id order, so memory does not grow with the number of records. The bytes
// are those exportDataset produces (the same generators made the fragments). Every file is
// written into a staging folder first; finish-dataset.ts completes the set and switches the
// changed files into place. The build can open the writer before it knows every record and feed
// it while parsing goes on.
import { mkdir, open, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { csvChunks } from '../export/to-csv.ts';
import { TABLES } from '../export/tables.ts';
import type { FragmentBytes } from './prepare-record.ts';
import type { ExportStamp } from './record-cache.ts';
import { ioError } from '../errors.ts';
import { openYearFiles } from './year-files.ts';
import { hashThread, localHash, type StreamHash } from './thread-hash.ts';
import { removeStaleStaging, STAGING_PREFIX } from './write-files.ts';

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
export class StreamedFile {
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
  /** Bytes of the longest CSV line written (a header, or one record's rows of a table). */
  longestRow(): number;
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
  let longest = 0;
  for (const [i, table] of TABLES.entries()) {
    const header = Buffer.from(headerOf(table));
    longest = Math.max(longest, header.length);
    await csv[i]!.write(header);
  }
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
    longestRow: () => longest,
    async addPacked(bytes, lengths, sessionYear) {
      let wait = json.write(first ? OPEN : COMMA);
      if (wait !== undefined) await wait;
      first = false;
      let at = 0;
      for (let i = 0; i < lengths.length; i += 1) {
        const end = at + lengths[i]!;
        wait = files[i]!.write(bytes, at, end);
        if (wait !== undefined) await wait;
        if (i >= 2 && end - at > longest) longest = end - at;
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
        const rows = f[2 + i]!;
        const length = typeof rows === 'string' ? Buffer.byteLength(rows) : rows.length;
        if (length > longest) longest = length;
        wait = csv[i]!.write(rows);
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

export async function openStaging(out: string): Promise<string> {
  await mkdir(out, { recursive: true });
  await removeStaleStaging(out);
  const staging = join(out, `${STAGING_PREFIX}${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  return staging;
}

function headerOf(table: (typeof TABLES)[number]): string {
  for (const chunk of csvChunks(table, [])) return chunk;
  return '';
}

/** Whether the file `name` in `out` is as the stamp says the last build left it (by fingerprint). */
export async function untouchedSince(
  out: string,
  files: ExportStamp['files'] | undefined,
  name: string,
): Promise<boolean> {
  const known = files?.[name];
  return known !== undefined && known.print === (await filePrint(join(out, name)));
}

/** The file system's fingerprint of a written file: size, times and inode. */
export async function filePrint(path: string): Promise<string> {
  const info = await stat(path, { bigint: true }).catch(() => null);
  if (info === null) return '';
  return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`;
}
