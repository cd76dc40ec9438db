// Content-hash cache of parsed records, so a rebuild parses only new or changed documents.
// An entry is keyed by sha256 of the parser version, the file's path (diagnostics name it), its
// bytes and its metadata sidecar's bytes; the parser version is a hash of every source file
// that can change an outcome, so editing the parser, validator or schema invalidates it all.
// Entries live in one append-only pack (`records-<version>.pack`): per outcome a header line
// "key\tmeta length\tfragment lengths,…\n", the JSON of its summary and diagnostics, then its
// export fragments as raw UTF-8 bytes. One sequential write on a cold build, an index of offsets
// (not the records) in memory on a warm one; the export copies each record's fragment bytes
// from it in id order without decoding them. Entries no longer used are dropped when they outnumber the live ones.
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
import type { PreparedOutcome } from './prepare-record.ts';

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
const PACK_SUFFIX = '.pack';

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
  /** Where the entry's header line starts. */
  start: number;
  /** Where the summary-and-diagnostics JSON starts, and its length. */
  offset: number;
  length: number;
  /** Byte lengths of the fragments after it. */
  fragments: number[];
}

export type CachedOutcome = Omit<PreparedOutcome, 'fragments'>;

export interface RecordCache {
  readonly version: string;
  key(source: SourceFile): string;
  get(key: string): CachedOutcome | undefined;
  put(key: string, outcome: PreparedOutcome): void;
  /** The export bytes of an entry got or put in this build (call after flush()). */
  fragments(key: string): Buffer[];
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
  let fresh: Buffer[] = [];
  let freshBytes = 0;
  let misses = 0;
  let size = end;
  let writing: Promise<void> = Promise.resolve();
  let hits = 0;
  let fdAll: number | null = null;
  // New entries go to disk in large appends as they come, so a cold build never holds them all.
  const flush = () => {
    if (fresh.length === 0) return;
    const bytes = Buffer.concat(fresh);
    fresh = [];
    freshBytes = 0;
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
      const parts = [Buffer.from(JSON.stringify(meta), 'utf8')];
      for (const f of fragments ?? []) parts.push(Buffer.from(f, 'utf8'));
      const lengths = parts.slice(1).map((b) => b.length);
      const header = Buffer.from(`${key}\t${parts[0]!.length}\t${lengths.join(',')}\n`, 'latin1');
      const offset = size + header.length;
      index.set(key, { start: size, offset, length: parts[0]!.length, fragments: lengths });
      for (const part of [header, ...parts]) {
        fresh.push(part);
        size += part.length;
        freshBytes += part.length;
      }
      if (freshBytes >= 1 << 23) flush();
    },
    fragments(key) {
      const slot = index.get(key);
      if (slot === undefined) throw new Error(`no cache entry ${key}`);
      fdAll ??= openSync(packPath, 'r');
      let total = 0;
      for (const n of slot.fragments) total += n;
      const buffer = Buffer.allocUnsafe(total);
      readSync(fdAll, buffer, 0, total, slot.offset + slot.length);
      const out: Buffer[] = [];
      let at = 0;
      for (const n of slot.fragments) {
        out.push(buffer.subarray(at, at + n));
        at += n;
      }
      return out;
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

// Walks the entry headers; a torn last entry (a killed build) ends the pack and is cut off.
async function indexPack(path: string): Promise<{ index: Map<string, Slot>; end: number }> {
  const index = new Map<string, Slot>();
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return { index, end: 0 };
  let pos = 0;
  try {
    const fileSize = (await handle.stat()).size;
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
      const [key, meta, lengths] = chunk.toString('latin1', at, nl).split('\t');
      const fragments =
        lengths === '' || lengths === undefined ? [] : lengths.split(',').map(Number);
      const length = Number(meta);
      if (key === undefined || !/^[0-9a-f]{64}$/.test(key) || !Number.isInteger(length)) break;
      if (fragments.some((n) => !Number.isInteger(n) || n < 0)) break;
      const offset = pos + (nl - at) + 1;
      const next = offset + length + fragments.reduce((a, b) => a + b, 0);
      if (next > fileSize) break;
      index.set(key, { start: pos, offset, length, fragments });
      pos = next;
    }
  } finally {
    await handle.close();
  }
  return { index, end: pos };
}

async function compact(path: string, index: Map<string, Slot>, used: Set<string>): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const out = await open(temp, 'w');
  const source = await open(path, 'r');
  try {
    let batch: Buffer[] = [];
    let size = 0;
    for (const [key, slot] of index) {
      if (!used.has(key)) continue;
      const length =
        slot.offset + slot.length + slot.fragments.reduce((a, b) => a + b, 0) - slot.start;
      const buffer = Buffer.allocUnsafe(length);
      await source.read(buffer, 0, length, slot.start);
      batch.push(buffer);
      size += length;
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
}
