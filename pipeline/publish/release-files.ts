// I/O of a release's files, every one streamed from disk: the .gz of a data file (kept beside
// the build's output, reused whole while the file's hash is unchanged and otherwise made from
// the members of its unchanged pieces, see gzip-members.ts), hashes of files already
// on disk (remembered by their stat fingerprint, so an unchanged release reads nothing), and
// the small files made in memory, written out so that every asset is a file with a size and a
// hash before it is published.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { filePrint } from '../build/write-dataset.ts';
import type { AssetEntry } from '../package/release-types.ts';
import type { PlannedFile } from '../package/assemble-release.ts';
import { gzipByMembers, MEMBERS_FORMAT } from './gzip-members.ts';
import type { AssetFile } from './publish-types.ts';

interface GzipRecord {
  format: string;
  source: string;
  bytes: number;
  sha256: string;
}

/**
 * `source`'s gzip at `target` (with a sidecar naming the source's hash), made only when the
 * sidecar does not already name this source. Returns the .gz's size and hash, under `name`.
 */
export async function gzipFile(
  source: string,
  sourceSha256: string,
  target: string,
  name: string,
): Promise<AssetEntry> {
  const sidecar = `${target}.json`;
  const known = await readFile(sidecar, 'utf8')
    .then((t) => JSON.parse(t) as GzipRecord)
    .catch(() => null);
  const size = (await stat(target).catch(() => null))?.size;
  if (known?.format === MEMBERS_FORMAT && known.source === sourceSha256 && size === known.bytes)
    return { name, bytes: known.bytes, sha256: known.sha256 };
  await mkdir(dirname(target), { recursive: true });
  await rm(sidecar, { force: true });
  const made = await gzipByMembers(source, target, `${target}.members`);
  const record: GzipRecord = { format: MEMBERS_FORMAT, source: sourceSha256, ...made };
  await writeFile(sidecar, `${JSON.stringify(record)}\n`);
  return { name, bytes: record.bytes, sha256: record.sha256 };
}

/** sha256 of a file, read as a stream. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Hashes of files on disk, remembered by stat fingerprint in a small JSON file: a file nobody
 * touched since it was hashed (or written with a known hash) is not read again.
 */
export interface KnownHashes {
  /** sha256 of the file at `path`, or null when there is none. */
  of(path: string): Promise<string | null>;
  /** Records that the file at `path` (just written) has this hash. */
  remember(path: string, sha256: string): Promise<void>;
  save(): Promise<void>;
}

export async function openKnownHashes(file: string): Promise<KnownHashes> {
  const known = await readFile(file, 'utf8')
    .then((t) => JSON.parse(t) as Record<string, { print: string; sha256: string }>)
    .catch(() => ({}) as Record<string, { print: string; sha256: string }>);
  const next: Record<string, { print: string; sha256: string }> = {};
  return {
    async of(path) {
      const print = await filePrint(path);
      if (print === '') return null;
      const entry = known[path];
      const sha256 = entry?.print === print ? entry.sha256 : await hashFile(path);
      next[path] = { print, sha256 };
      return sha256;
    },
    async remember(path, sha256) {
      next[path] = { print: await filePrint(path), sha256 };
    },
    async save() {
      await mkdir(dirname(file), { recursive: true });
      const partial = `${file}.partial-${process.pid}`;
      await writeFile(partial, JSON.stringify({ ...known, ...next }));
      await rename(partial, file);
    },
  };
}

/**
 * Every planned file as a file on disk: built ones where the build left them (`builtDir`), the
 * small made ones written into `smallDir`.
 */
export async function materialise(
  files: readonly PlannedFile[],
  builtDir: string,
  smallDir: string,
): Promise<AssetFile[]> {
  const out: AssetFile[] = [];
  for (const f of files) {
    let path: string;
    if (f.source.kind === 'built') path = join(builtDir, f.source.file);
    else {
      path = join(smallDir, f.name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, f.source.bytes);
    }
    out.push({ name: f.name, path, bytes: f.bytes, sha256: f.sha256 });
  }
  return out;
}
