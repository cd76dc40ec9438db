// Content-hash cache of parsed records, so a rebuild parses only new or changed documents.
// An entry is keyed by sha256 of the parser version, the file's path (diagnostics name it), its
// bytes and its metadata sidecar's bytes; the parser version is a hash of every source file
// that can change an outcome, so editing the parser, validator or schema invalidates it all.
// Entries live in one append-only pack (`records-<version>.ndjson`, one line per outcome:
// "key\tJSON of summary and diagnostics\tJSON of the export fragments"): one sequential write on
// a cold build, and an index of offsets (not the records) in memory on a warm one; the export
// reads each record's fragments back from it in id order. Entries no longer used are dropped when they outnumber the live ones.
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
} from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../types.ts';
import type { Fragments, PreparedOutcome } from './prepare-record.ts';

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
  'schema/document.schema.json',
  'package-lock.json',
];
/** Where the cache of a documents folder lives by default: .cache/ is ignored by git. */
export function defaultCacheDir(documents: string, cwd = process.cwd()): string {
  const folder = createHash('sha256').update(resolve(cwd, documents)).digest('hex').slice(0, 16);
  return join(cwd, '.cache', 'kamervragen', folder);
}
const PACK_PREFIX = 'records-';
const PACK_SUFFIX = '.ndjson';

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

interface Slot {
  /** Where the summary-and-diagnostics JSON starts, and its length. */
  offset: number;
  length: number;
  /** Length of the fragments JSON after it (and a tab). */
  fragments: number;
}

export type CachedOutcome = Omit<PreparedOutcome, 'fragments'>;

export interface RecordCache {
  readonly version: string;
  key(source: SourceFile): string;
  get(key: string): CachedOutcome | undefined;
  put(key: string, outcome: PreparedOutcome): void;
  /** The export bytes of an entry got or put in this build (call after flush()). */
  fragments(key: string): Fragments;
  /** Writes pending entries, so fragments() can read them. */
  flush(): Promise<void>;
  /** Writes new entries (and compacts); call once, at the end of a build. */
  save(): Promise<{ hits: number; misses: number }>;
}

export async function openRecordCache(dir: string, version?: string): Promise<RecordCache> {
  const v = version ?? (await parserVersion());
  await mkdir(dir, { recursive: true });
  const packName = `${PACK_PREFIX}${v.slice(0, 16)}${PACK_SUFFIX}`;
  const packPath = join(dir, packName);
  // Packs of other parser versions can never hit again.
  for (const name of await readdir(dir))
    if (name.startsWith(PACK_PREFIX) && name !== packName)
      await rm(join(dir, name), { force: true });

  const { index, end } = await indexPack(packPath);
  // A killed build can leave a torn last line: cut it so appended lines start clean.
  await truncate(packPath, end).catch(() => undefined);
  const fd = index.size > 0 ? openSync(packPath, 'r') : null;
  const used = new Set<string>();
  let fresh: string[] = [];
  let freshBytes = 0;
  let misses = 0;
  let size = end;
  let writing: Promise<void> = Promise.resolve();
  let hits = 0;
  // New entries go to disk in large appends as they come, so a cold build never holds them all.
  let fdAll: number | null = null;
  const flush = () => {
    if (fresh.length === 0) return;
    const text = fresh.join('');
    fresh = [];
    freshBytes = 0;
    const bytes = Buffer.from(text, 'utf8');
    const offset = size;
    for (let start = 0; start < bytes.length;) {
      const nl = bytes.indexOf(10, start);
      const slot = slotOf(bytes, start, nl, offset);
      if (slot !== null) index.set(slot.key, slot.slot);
      start = nl + 1;
    }
    size += bytes.length;
    writing = writing.then(() => appendFile(packPath, bytes));
  };

  return {
    version: v,
    key: (source) => sourceKey(v, source),
    get(key) {
      const slot = index.get(key);
      if (slot === undefined || fd === null || slot.offset + slot.length > end) return undefined;
      const buffer = Buffer.allocUnsafe(slot.length);
      readSync(fd, buffer, 0, slot.length, slot.offset);
      let outcome: CachedOutcome;
      try {
        outcome = JSON.parse(buffer.toString('utf8')) as CachedOutcome;
      } catch {
        return undefined; // a damaged entry is a miss; put() stores a good one
      }
      used.add(key);
      hits += 1;
      return outcome;
    },
    put(key, outcome) {
      used.add(key);
      misses += 1;
      const { fragments, ...meta } = outcome;
      const line = `${key}\t${JSON.stringify(meta)}\t${JSON.stringify(fragments)}\n`;
      fresh.push(line);
      freshBytes += line.length;
      if (freshBytes >= 1 << 23) flush();
    },
    fragments(key) {
      const slot = index.get(key);
      if (slot === undefined) throw new Error(`no cache entry ${key}`);
      fdAll ??= openSync(packPath, 'r');
      const start = slot.offset + slot.length + 1;
      const buffer = Buffer.allocUnsafe(slot.fragments);
      readSync(fdAll, buffer, 0, slot.fragments, start);
      return JSON.parse(buffer.toString('utf8')) as Fragments;
    },
    async flush() {
      flush();
      await writing;
    },
    async save() {
      flush();
      await writing;
      if (fd !== null) closeSync(fd);
      if (fdAll !== null) closeSync(fdAll);
      const stale = [...index.keys()].filter((k) => !used.has(k)).length;
      if (stale > 0 && stale >= used.size) await compact(packPath, index, used);
      return { hits, misses };
    },
  };
}

// "key\tJSON\n" lines; a torn last line (a killed build) is ignored and overwritten by compaction.
async function indexPack(path: string): Promise<{ index: Map<string, Slot>; end: number }> {
  const index = new Map<string, Slot>();
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return { index, end: 0 };
  let base = 0;
  try {
    const chunk = Buffer.allocUnsafe(1 << 24);
    let carry = Buffer.alloc(0);
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, base + carry.length);
      if (bytesRead === 0) break;
      const data =
        carry.length > 0
          ? Buffer.concat([carry, chunk.subarray(0, bytesRead)])
          : chunk.subarray(0, bytesRead);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        const slot = slotOf(data, start, nl, base);
        if (slot !== null) index.set(slot.key, slot.slot);
        start = nl + 1;
      }
      base += start;
      carry = Buffer.from(data.subarray(start));
    }
  } finally {
    await handle.close();
  }
  return { index, end: base };
}

// One line "key\tmeta\tfragments" between start and nl (exclusive) of data, found at `base`.
function slotOf(
  data: Buffer,
  start: number,
  nl: number,
  base: number,
): { key: string; slot: Slot } | null {
  const tab = data.indexOf(9, start);
  if (tab <= start || tab >= nl) return null;
  const tab2 = data.indexOf(9, tab + 1);
  if (tab2 === -1 || tab2 >= nl) return null;
  return {
    key: data.toString('latin1', start, tab),
    slot: { offset: base + tab + 1, length: tab2 - tab - 1, fragments: nl - tab2 - 1 },
  };
}

async function compact(path: string, index: Map<string, Slot>, used: Set<string>): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const out = await open(temp, 'w');
  const source = await open(path, 'r');
  try {
    const kept = new Map<string, string>();
    for (const [key, slot] of index) {
      if (!used.has(key)) continue;
      const size = slot.length + 1 + slot.fragments;
      const buffer = Buffer.allocUnsafe(size);
      await source.read(buffer, 0, size, slot.offset);
      kept.set(key, buffer.toString('utf8'));
      if (kept.size >= 1000) {
        await writeLines(out, kept);
        kept.clear();
      }
    }
    await writeLines(out, kept);
  } finally {
    await source.close();
    await out.close();
  }
  await rename(temp, path);
}

async function writeLines(
  handle: Awaited<ReturnType<typeof open>>,
  lines: Map<string, string>,
): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  for (const [key, json] of lines) {
    batch.push(`${key}\t${json}\n`);
    size += json.length;
    if (size >= 1 << 22) {
      await handle.write(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) await handle.write(batch.join(''));
}
