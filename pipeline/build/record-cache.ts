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
// The index and its journal are read and written in pack-index.ts; the walk and the compaction
// of the pack are in pack-file.ts.
// Entries no longer used are dropped when they outnumber the live ones.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import {
  mkdir,
  open,
  readFile,
  readdir,
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
import { KamervragenError, ioError } from '../errors.ts';
import { encodeEntry, entryDigest, type PackedEntry } from './pack-entry.ts';
import { compact, type CachedOutcome, type Slot } from './pack-file.ts';
import { appendJournal, JOURNAL_SUFFIX, loadIndex, writeIndex } from './pack-index.ts';
import type { PreparedOutcome } from './prepare-record.ts';

export { encodeEntry, type PackedEntry } from './pack-entry.ts';
export type { CachedOutcome } from './pack-file.ts';

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

/** What the last build of an output folder wrote, so an unchanged rebuild need not write it again. */
export interface ExportStamp {
  /** sha256 of the exported record keys, in order. */
  records: string;
  /** Per file: bytes, sha256, and the file system's fingerprint of the file as written. */
  files: Record<string, { bytes: number; sha256: string; print: string; from?: string }>;
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
