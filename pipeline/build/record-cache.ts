// Content-hash cache of parsed records, so a rebuild parses only new or changed documents.
// An entry is keyed by sha256 of the parser version, the file's path (diagnostics name it), its
// bytes and its metadata sidecar's bytes; the parser version is a hash of every source file
// that can change an outcome, so editing the parser, validator or schema invalidates it all.
//
// Entries live in one append-only pack (`records-<version>.pack`), as pack-entry.ts lays them
// out, each with a digest that is checked when it is read back: a damaged entry is a miss (the
// document is parsed again), never exported. Beside it an index (`records-<version>.index.json`, written
// whole at the end of a build) holds every entry's offsets, summary and diagnostics, and the
// fingerprint (size, times, inode) and key of every document path the last build saw: a warm
// build reads neither the pack's headers nor the documents themselves, only what it exports.
// Without a usable index (first build, a damaged file, entries appended by a killed build) the
// pack's headers are walked instead, so the index is only ever a shortcut.
// Entries no longer used are dropped when they outnumber the live ones.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import {
  appendFile,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  truncate,
  writeFile,
  type FileHandle,
} from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../fetch/document-store.ts';
import type { SourceFile } from '../types.ts';
import { KamervragenError, ioError, type Diagnostic } from '../errors.ts';
import { encodeEntry, entryDigest, type PackedEntry } from './pack-entry.ts';
import type { PreparedOutcome, RecordSummary } from './prepare-record.ts';

export { encodeEntry, type PackedEntry } from './pack-entry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What decides an outcome besides the input bytes. */
const PARSER_SOURCES = [
  'pipeline/parse',
  'pipeline/extract',
  'pipeline/validate',
  'pipeline/types',
  'pipeline/types.ts',
  'pipeline/errors.ts',
  'pipeline/build/analyse-source.ts',
  'pipeline/normalize',
  'data/entities',
  'pipeline/build/prepare-record.ts',
  // The Parquet copies and the workbook are kept with the record files they are made from.
  'pipeline/build/write-parquet.ts',
  'pipeline/build/write-xlsx.ts',
  'pipeline/export',
  'pipeline/package/hash-record.ts',
  'schema/document.schema.json',
  'package-lock.json',
];
/** Where the cache of a documents folder lives by default: .cache/ is ignored by git. */
export function defaultCacheDir(documents: string, cwd = process.cwd()): string {
  const folder = createHash('sha256').update(resolve(cwd, documents)).digest('hex').slice(0, 16);
  return join(cwd, '.cache', 'kamervragen', folder);
}
const PACK_PREFIX = 'records-';
const PACK_SUFFIX = '.pack';
const INDEX_SUFFIX = '.index.json';
const CLOCK_FILE = 'clock';
const INDEX_FORMAT = 3;
/** Bytes read from the pack at once when exporting: neighbouring entries come in one read. */
const WINDOW = 8 << 20;

let versionMemo: Promise<string> | undefined;

/** Hash of the parser's own files (paths and bytes), computed once per process. */
export function parserVersion(root = ROOT): Promise<string> {
  if (root === ROOT) return (versionMemo ??= hashTree(root));
  return hashTree(root);
}

async function hashTree(root: string): Promise<string> {
  const files: string[] = [];
  for (const entry of PARSER_SOURCES) {
    const path = join(root, entry);
    const info = await stat(path).catch(() => null);
    if (info === null) continue;
    if (info.isFile()) files.push(path);
    else
      for (const d of await readdir(path, { recursive: true, withFileTypes: true }))
        if (d.isFile()) files.push(join(d.parentPath, d.name));
  }
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(`${relative(root, file).split(sep).join('/')}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The cache key of one source file under one parser version. */
export function sourceKey(version: string, source: SourceFile): string {
  const hash = createHash('sha256');
  hash.update(`${version}\0${source.path}\0`);
  hash.update(source.bytes);
  const sidecar = source.sidecars?.metadataXml;
  hash.update(sidecar === undefined ? '\0-' : '\0+');
  if (sidecar !== undefined) hash.update(sidecar);
  return hash.digest('hex');
}

export type CachedOutcome = Omit<PreparedOutcome, 'fragments'>;

interface Slot {
  /** Where the entry's header line starts. */
  start: number;
  /** Where the summary-and-diagnostics JSON starts, and its length. */
  offset: number;
  length: number;
  /** Byte lengths of the fragments after it. */
  fragments: number[];
  /** sha256 of the key and the entry's bytes after its header (see pack-entry.ts). */
  digest: string;
  /** Whether the bytes on disk were checked against the digest (or written by this build). */
  verified?: boolean;
  /** The summary and diagnostics, when known without reading the pack. */
  meta?: CachedOutcome | undefined;
}

/** What the last build of an output folder wrote, so an unchanged rebuild need not write it again. */
export interface ExportStamp {
  /** sha256 of the exported record keys, in order. */
  records: string;
  /** Per file: bytes, sha256, and the file system's fingerprint of the file as written. */
  files: Record<string, { bytes: number; sha256: string; print: string }>;
}

export interface RecordCache {
  readonly version: string;
  /** Whether the last build left fingerprints to look paths up by (not so in a first build). */
  readonly remembersPaths: boolean;
  key(source: SourceFile): string;
  /** The key and outcome cached for a path whose fingerprint is unchanged since it was remembered. */
  lookup(path: string, fingerprint: string): { key: string; outcome: CachedOutcome } | undefined;
  /** Remembers which key a path had, under its fingerprint (null: racy, do not remember). */
  remember(path: string, fingerprint: string | null, key: string): void;
  get(key: string): CachedOutcome | undefined;
  put(key: string, outcome: PreparedOutcome): void;
  /** put() for an entry already encoded (by a worker thread); an existing key is not stored twice. */
  putPacked(key: string, entry: PackedEntry, meta: CachedOutcome): void;
  /**
   * The export bytes of an entry (call after flush() for entries put in this build), as views
   * that stay valid until the next call.
   */
  fragments(key: string): Buffer[];
  /** The same bytes as one view (valid until the next call) and the fragments' lengths. */
  packedFragments(key: string): { bytes: Buffer; lengths: number[] };
  /** Writes pending entries, so fragments() can read them. */
  flush(): Promise<void>;
  /** The file system's clock now, in milliseconds (for racy fingerprints). */
  clock(): Promise<number>;
  stamp(out: string): Promise<ExportStamp | null>;
  setStamp(out: string, stamp: ExportStamp | null): Promise<void>;
  /** Writes new entries and the index (and compacts); call once, at the end of a build. */
  save(): Promise<{ hits: number; misses: number }>;
}

// The index stores a summary as an array of its fields (in this order) rather than an object,
// which makes the file of a hundred thousand entries about half as large and quicker to parse.
const SUMMARY_FIELDS = [
  'id',
  'title',
  'submitted',
  'answered',
  'session_year',
  'sha256',
  'questions',
  'answers',
  'facts',
  'askers',
  'footnotes',
  'references',
] as const satisfies readonly (keyof RecordSummary)[];

type IndexEntry = [
  key: string,
  start: number,
  offset: number,
  length: number,
  fragments: string,
  summary: unknown[] | null,
  diagnostics: Diagnostic[] | null,
  digest: string,
];

interface IndexFile {
  format: number;
  pack: number;
  entries: IndexEntry[];
  /** Path, fingerprint, and the entry's position in `entries`. */
  sources: [string, string, number][];
}

export async function openRecordCache(dir: string, version?: string): Promise<RecordCache> {
  const v = version ?? (await parserVersion());
  await mkdir(dir, { recursive: true });
  const base = `${PACK_PREFIX}${v.slice(0, 16)}`;
  const packPath = join(dir, `${base}${PACK_SUFFIX}`);
  const indexPath = join(dir, `${base}${INDEX_SUFFIX}`);
  // Packs and indexes of other parser versions can never hit again.
  for (const name of await readdir(dir))
    if (name.startsWith(PACK_PREFIX) && !name.startsWith(`${base}.`))
      await rm(join(dir, name), { force: true });

  const { index, sources, end, indexed, journalBytes } = await loadIndex(packPath, indexPath);
  /** The pack size the index on disk describes (0: none), to tell whether it needs rewriting. */
  const loadedPack = indexed === end ? end : -1;
  // A killed build can leave a torn last entry: cut it so appended entries start clean.
  await truncate(packPath, end).catch(() => undefined);
  const remembered = new Map<string, [string, string]>();
  const used = new Set<string>();
  let fresh: Uint8Array[] = [];
  let freshBytes = 0;
  let size = end;
  /** Bytes of the pack known to be on disk. */
  let durable = end;
  let writing: Promise<void> = Promise.resolve();
  let hits = 0;
  let misses = 0;
  let fd: number | null = null;
  const readAt = (buffer: Buffer, length: number, offset: number): number => {
    fd ??= openSync(packPath, 'r');
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buffer, got, length - got, offset + got);
      if (n === 0) break;
      got += n;
    }
    return got;
  };
  // fragments() reads through one reused window, so exporting allocates nothing per record;
  // checking entries has a window of its own, since a caller may still be copying fragments.
  const windowed = () => {
    const windowBuffer = Buffer.allocUnsafeSlow(WINDOW);
    let window: Buffer | null = null;
    let windowStart = 0;
    return (offset: number, length: number): Buffer => {
      if (offset + length > durable) throw new Error(`cache entry at ${offset} is not written yet`);
      if (
        window === null ||
        offset < windowStart ||
        offset + length > windowStart + window.length
      ) {
        const want = Math.min(Math.max(length, WINDOW), durable - offset);
        const buffer = want <= WINDOW ? windowBuffer : Buffer.allocUnsafe(want);
        const got = readAt(buffer, want, offset);
        window = buffer.subarray(0, got);
        windowStart = offset;
        if (got < length) throw new Error(`cache pack is shorter than its index (${packPath})`);
      }
      return window.subarray(offset - windowStart, offset - windowStart + length);
    };
  };
  let readPack: ReturnType<typeof windowed> | null = null;
  let readChecked: ReturnType<typeof windowed> | null = null;
  /** The entry's bytes after its header, when they are on disk and match its digest. */
  const body = (key: string, slot: Slot, read: ReturnType<typeof windowed>): Buffer | null => {
    let total = slot.length;
    for (const n of slot.fragments) total += n;
    if (slot.offset + total > durable) return null;
    try {
      const bytes = read(slot.offset, total);
      if (!slot.verified && entryDigest(key, bytes) !== slot.digest) return null;
      slot.verified = true;
      return bytes;
    } catch {
      return null;
    }
  };
  const meta = (key: string, slot: Slot): CachedOutcome | undefined => {
    if (slot.meta !== undefined && slot.verified) return slot.meta;
    const bytes = body(key, slot, (readChecked ??= windowed()));
    if (bytes === null) {
      // A damaged entry is a miss: the document is parsed again and a good entry appended.
      index.delete(key);
      return undefined;
    }
    if (slot.meta !== undefined) return slot.meta;
    try {
      return (slot.meta = JSON.parse(bytes.toString('utf8', 0, slot.length)) as CachedOutcome);
    } catch {
      index.delete(key);
      return undefined;
    }
  };
  // New entries go to disk in large appends as they come, so a cold build never holds them all.
  let appending: FileHandle | null = null;
  const flush = () => {
    if (fresh.length === 0) return;
    const parts = fresh;
    const upTo = size;
    fresh = [];
    freshBytes = 0;
    writing = writing.then(async () => {
      try {
        appending ??= await open(packPath, 'a');
        const { bytesWritten } = await appending.writev(parts);
        // A full disk can take part of the bytes without an error: never count the rest as written.
        const want = parts.reduce((n, p) => n + p.length, 0);
        if (bytesWritten < want)
          throw new KamervragenError(
            'io/short-write',
            `only ${bytesWritten} of ${want} bytes could be written (is the disk full?); free space, then run again`,
            { file: packPath },
          );
      } catch (error) {
        throw ioError(error, packPath) ?? error;
      }
      durable = upTo;
    });
  };
  /** Keys of the entries appended by this build (what a journal line lists). */
  const appended: string[] = [];
  const append = (key: string, entry: PackedEntry, outcome: CachedOutcome) => {
    appended.push(key);
    const offset = size + entry.metaStart;
    index.set(key, {
      start: size,
      offset,
      length: entry.metaLength,
      fragments: entry.fragments,
      digest: entry.digest,
      verified: true,
      meta: outcome,
    });
    fresh.push(entry.bytes);
    size += entry.bytes.length;
    freshBytes += entry.bytes.length;
    if (freshBytes >= 1 << 23) flush();
  };

  const cache: RecordCache = {
    version: v,
    remembersPaths: sources.size > 0,
    key: (source) => sourceKey(v, source),
    lookup(path, fingerprint) {
      const known = sources.get(path);
      if (known === undefined || known[0] !== fingerprint) return undefined;
      const outcome = cache.get(known[1]);
      return outcome === undefined ? undefined : { key: known[1], outcome };
    },
    remember(path, fingerprint, key) {
      used.add(key);
      if (fingerprint !== null) remembered.set(path, [fingerprint, key]);
    },
    get(key) {
      const slot = index.get(key);
      if (slot === undefined) return undefined;
      const outcome = meta(key, slot);
      if (outcome === undefined) return undefined;
      used.add(key);
      hits += 1;
      return outcome;
    },
    put(key, outcome) {
      cache.putPacked(key, encodeEntry(key, outcome), {
        record: outcome.record,
        diagnostics: outcome.diagnostics,
      });
    },
    putPacked(key, entry, outcome) {
      used.add(key);
      misses += 1;
      const slot = index.get(key);
      if (slot !== undefined && meta(key, slot) !== undefined) return;
      append(key, entry, outcome);
    },
    packedFragments(key) {
      const slot = index.get(key);
      if (slot === undefined) throw new Error(`no cache entry ${key}`);
      const bytes = body(key, slot, (readPack ??= windowed()));
      // Never exported: the entry was checked when it was looked up, so this is a pack changed
      // under a running build.
      if (bytes === null)
        throw new KamervragenError(
          'cache/damaged',
          'a cache entry no longer matches its digest; run the build again',
          { file: packPath },
        );
      return { bytes: bytes.subarray(slot.length), lengths: slot.fragments };
    },
    fragments(key) {
      const { bytes, lengths } = cache.packedFragments(key);
      let at = 0;
      return lengths.map((n) => bytes.subarray(at, (at += n)));
    },
    async flush() {
      flush();
      await writing;
    },
    clock: () => fileSystemClock(dir),
    async stamp(out) {
      const stamps = await readStamps(dir);
      return stamps[resolve(out)] ?? null;
    },
    async setStamp(out, stamp) {
      const stamps = await readStamps(dir);
      if (stamp === null) delete stamps[resolve(out)];
      else stamps[resolve(out)] = stamp;
      await writeFileAtomic(join(dir, STAMPS_FILE), `${JSON.stringify(stamps)}\n`);
    },
    async save() {
      flush();
      await writing;
      await appending?.close();
      appending = null;
      if (fd !== null) closeSync(fd);
      fd = null;
      readPack = readChecked = null;
      const stale = [...index.keys()].filter((k) => !used.has(k)).length;
      let packSize = size;
      if (stale > 0 && stale >= used.size) packSize = await compact(packPath, index, used);
      // An index that already says all this is not written again (a rebuild with no change).
      const same =
        packSize === loadedPack &&
        remembered.size === sources.size &&
        [...remembered].every(([path, [print, key]]) => {
          const was = sources.get(path);
          return was !== undefined && was[0] === print && was[1] === key;
        });
      if (!same) {
        // A small change is a journal line; a large one, a compaction or a journal grown to a
        // good part of the index, a whole new index.
        const small =
          packSize === size && loadedPack >= 0 && appended.length < 1000 && journalBytes < 4 << 20;
        if (small) await appendJournal(indexPath, index, appended, sources, remembered, packSize);
        else {
          await writeIndex(indexPath, index, remembered, packSize);
          await rm(`${indexPath}${JOURNAL_SUFFIX}`, { force: true });
        }
      }
      return { hits, misses };
    },
  };
  return cache;
}

const STAMPS_FILE = 'exports.json';

/** The file system's clock now, in milliseconds: the modification time of a file just written. */
export async function fileSystemClock(dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, CLOCK_FILE);
  await writeFile(path, '');
  return (await stat(path)).mtimeMs;
}

async function readStamps(dir: string): Promise<Record<string, ExportStamp>> {
  try {
    return JSON.parse(await readFile(join(dir, STAMPS_FILE), 'utf8')) as Record<
      string,
      ExportStamp
    >;
  } catch {
    return {};
  }
}

// Written in batches, never as one string: the index of a large store is tens of megabytes.
async function writeIndex(
  path: string,
  index: Map<string, Slot>,
  sources: Map<string, [string, string]>,
  pack: number,
): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    let batch: string[] = [`{"format":${INDEX_FORMAT},"pack":${pack},"entries":[`];
    const put = async (text: string) => {
      batch.push(text);
      if (batch.length >= 2000) {
        await handle.write(batch.join(''));
        batch = [];
      }
    };
    const position = new Map<string, number>();
    for (const [key, s] of index) {
      await put(`${position.size === 0 ? '' : ','}${JSON.stringify(toIndexEntry(key, s))}`);
      position.set(key, position.size);
    }
    await put('],"sources":[');
    let first = true;
    for (const [file, [print, key]] of sources) {
      const at = position.get(key);
      if (at === undefined) continue;
      await put(`${first ? '' : ','}${JSON.stringify([file, print, at])}`);
      first = false;
    }
    await put(']}');
    await handle.write(batch.join(''));
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

async function appendJournal(
  indexPath: string,
  index: Map<string, Slot>,
  appended: readonly string[],
  before: Map<string, [string, string]>,
  now: Map<string, [string, string]>,
  pack: number,
): Promise<void> {
  const line: JournalLine = { pack, entries: [], sources: [], gone: [] };
  for (const key of appended) {
    const s = index.get(key);
    if (s !== undefined) line.entries.push(toIndexEntry(key, s));
  }
  for (const [file, [print, key]] of now) {
    const was = before.get(file);
    if (was === undefined || was[0] !== print || was[1] !== key)
      line.sources.push([file, print, key]);
  }
  for (const file of before.keys()) if (!now.has(file)) line.gone.push(file);
  await appendFile(`${indexPath}${JOURNAL_SUFFIX}`, `${JSON.stringify(line)}\n`);
}

// A slot as the index and the journal store it, and back. (An entry whose summary is not in
// memory is stored without it: the pack has it.)
function toIndexEntry(key: string, s: Slot): IndexEntry {
  return [
    key,
    s.start,
    s.offset,
    s.length,
    s.fragments.join(','),
    s.meta?.record ? SUMMARY_FIELDS.map((f) => s.meta!.record![f]) : null,
    s.meta === undefined ? null : s.meta.diagnostics,
    s.digest,
  ];
}

function fromIndexEntry(entry: IndexEntry): Slot {
  const [, start, offset, length, fragments, summary, diagnostics, digest] = entry;
  let meta: CachedOutcome | undefined;
  if (diagnostics !== null) {
    const record =
      summary === null ? null : Object.fromEntries(SUMMARY_FIELDS.map((f, i) => [f, summary[i]]));
    meta = { record: record as unknown as RecordSummary | null, diagnostics };
  }
  const lengths = fragments === '' ? [] : fragments.split(',').map(Number);
  return { start, offset, length, fragments: lengths, digest, meta };
}

// The index when it matches the pack, plus any entries appended after it was written; else a
// walk over the whole pack. Either way `end` is where the last whole entry ends.
async function loadIndex(
  packPath: string,
  indexPath: string,
): Promise<{
  index: Map<string, Slot>;
  sources: Map<string, [string, string]>;
  end: number;
  indexed: number;
  journalBytes: number;
}> {
  const packSize = await stat(packPath).then(
    (s) => s.size,
    () => 0,
  );
  const index = new Map<string, Slot>();
  const sources = new Map<string, [string, string]>();
  let from = 0;
  let journal = { pack: 0, bytes: 0 };
  /** Whether an index was read (without one there is nothing for a journal to add to). */
  let based = false;
  try {
    const file = JSON.parse(await readFile(indexPath, 'utf8')) as IndexFile;
    if (file.format === INDEX_FORMAT && file.pack <= packSize) {
      for (const entry of file.entries) index.set(entry[0], fromIndexEntry(entry));
      for (const [path, print, at] of file.sources) {
        const key = file.entries[at]?.[0];
        if (key !== undefined) sources.set(path, [print, key]);
      }
      from = file.pack;
      based = true;
      journal = await applyJournal(`${indexPath}${JOURNAL_SUFFIX}`, packSize, index, sources);
      from = Math.max(from, journal.pack);
    }
  } catch {
    // No index, or a damaged one: the pack itself says what it holds.
    index.clear();
    sources.clear();
    from = 0;
    based = false;
    journal = { pack: 0, bytes: 0 };
  }
  const end = await walkPack(packPath, packSize, from, index);
  return { index, sources, end, indexed: based ? from : -1, journalBytes: journal.bytes };
}

// The journal beside the index: one line per build that changed little, so a build that adds a
// document appends a line instead of rewriting an index of tens of megabytes. A torn last line
// (a killed build) is ignored; the pack walk finds its entries.
interface JournalLine {
  pack: number;
  entries: IndexEntry[];
  sources: [string, string, string][];
  gone: string[];
}

async function applyJournal(
  path: string,
  packSize: number,
  index: Map<string, Slot>,
  sources: Map<string, [string, string]>,
): Promise<{ pack: number; bytes: number }> {
  const text = await readFile(path, 'utf8').catch(() => '');
  let pack = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let change: JournalLine;
    try {
      change = JSON.parse(line) as JournalLine;
    } catch {
      break;
    }
    if (change.pack > packSize) break;
    for (const entry of change.entries) index.set(entry[0], fromIndexEntry(entry));
    for (const gone of change.gone) sources.delete(gone);
    for (const [file, print, key] of change.sources) sources.set(file, [print, key]);
    pack = change.pack;
  }
  return { pack, bytes: text.length };
}

const JOURNAL_SUFFIX = '.journal';

// Walks the entry headers from `pos`; a torn last entry (a killed build) ends the pack.
async function walkPack(
  path: string,
  fileSize: number,
  pos: number,
  index: Map<string, Slot>,
): Promise<number> {
  if (pos >= fileSize) return pos;
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return pos;
  try {
    const chunk = Buffer.allocUnsafe(1 << 24);
    let chunkStart = 0;
    let chunkLength = 0;
    while (pos < fileSize) {
      if (pos + 4096 > chunkStart + chunkLength && chunkStart + chunkLength < fileSize) {
        chunkStart = pos;
        chunkLength = (await handle.read(chunk, 0, chunk.length, pos)).bytesRead;
      }
      const at = pos - chunkStart;
      const nl = chunk.indexOf(10, at);
      if (nl === -1 || nl >= chunkLength) break;
      const [key, meta, lengths, digest] = chunk.toString('latin1', at, nl).split('\t');
      const fragments =
        lengths === '' || lengths === undefined ? [] : lengths.split(',').map(Number);
      const length = Number(meta);
      if (key === undefined || !/^[0-9a-f]{64}$/.test(key) || !Number.isInteger(length)) break;
      if (digest === undefined || !/^[0-9a-f]{64}$/.test(digest)) break;
      if (fragments.some((n) => !Number.isInteger(n) || n < 0)) break;
      const offset = pos + (nl - at) + 1;
      const next = offset + length + fragments.reduce((a, b) => a + b, 0);
      if (next > fileSize) break;
      index.set(key, { start: pos, offset, length, fragments, digest });
      pos = next;
    }
  } finally {
    await handle.close();
  }
  return pos;
}

// Rewrites the pack with only the entries in `used`, updating their offsets; returns its size.
async function compact(path: string, index: Map<string, Slot>, used: Set<string>): Promise<number> {
  const temp = `${path}.${process.pid}.tmp`;
  const out = await open(temp, 'w');
  const source = await open(path, 'r');
  let written = 0;
  try {
    let batch: Buffer[] = [];
    let size = 0;
    for (const [key, slot] of [...index]) {
      if (!used.has(key)) {
        index.delete(key);
        continue;
      }
      const length =
        slot.offset + slot.length + slot.fragments.reduce((a, b) => a + b, 0) - slot.start;
      const buffer = Buffer.allocUnsafe(length);
      await source.read(buffer, 0, length, slot.start);
      const shift = written - slot.start;
      index.set(key, { ...slot, start: slot.start + shift, offset: slot.offset + shift });
      batch.push(buffer);
      size += length;
      written += length;
      if (size >= 1 << 23) {
        await out.write(Buffer.concat(batch));
        batch = [];
        size = 0;
      }
    }
    if (batch.length > 0) await out.write(Buffer.concat(batch));
  } finally {
    await source.close();
    await out.close();
  }
  await rename(temp, path);
  return written;
}
