// I/O edge of the build: reads the document store. The pure steps are in build-records.ts.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { KamervragenError, type Diagnostic } from '../errors.ts';
import { MAX_INPUT_BYTES, tooLargeMessage } from '../extract/limits.ts';
import { pairSidecars } from '../extract/pair-sidecars.ts';
import type { SourceFile } from '../types.ts';
import type { RejectedSource, SourceInput } from './build-records.ts';

export interface SourceListing {
  /** How many documents there are (rejected entries included). */
  count: number;
  /** The documents, read one at a time as they are consumed: a large store is never in memory whole. */
  files: AsyncIterable<SourceInput>;
  diagnostics: Diagnostic[];
}

/** One document of the store, not yet read: paths relative to the working folder, "/"-separated. */
export interface SourceEntry {
  path: string;
  /** The same file relative to the documents folder: the record's source.path. */
  storePath?: string;
  /** Its metadata sidecar, when there is one. */
  metadataPath: string | null;
  /** False for anything that is not a regular file (it is reported, never read). */
  regular: boolean;
}

/**
 * Every document under `dir` with its metadata sidecar, in path order; paths relative to `cwd`.
 * Hidden names (the fetcher's ".x.partial-…" temp files, lock files, ".git") are not documents.
 * Anything else that is not a regular file (a symbolic link, which could point outside the
 * project, a pipe, a device) is listed as not regular, so the build names it instead of skipping it.
 */
export async function listEntries(
  dir: string,
  cwd = process.cwd(),
): Promise<{ entries: SourceEntry[]; diagnostics: Diagnostic[] }> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      throw new KamervragenError(
        'build/documents',
        `cannot read the documents folder (${error.code ?? error.message})`,
        {
          file: dir,
        },
      );
    },
  );
  // Paths are built by string concatenation, not path.relative per entry: a store of a hundred
  // thousand documents would otherwise spend seconds on path arithmetic alone.
  const root = join(dir, '.').replace(/[\\/]+$/, '');
  const base = toPosix(relative(cwd, root));
  const prefix = base === '' ? '' : `${base}/`;
  const visible: { regular: boolean; path: string }[] = [];
  for (const d of names) {
    if (d.isDirectory()) continue;
    const inner = d.parentPath === root || d.parentPath === dir ? '' : relative(root, d.parentPath);
    const path = inner === '' ? d.name : `${toPosix(inner)}/${d.name}`;
    // Hidden names anywhere in the path (".git/…", ".x.partial-…") are not documents.
    if (d.name.startsWith('.') || (inner !== '' && `/${toPosix(inner)}`.includes('/.'))) continue;
    visible.push({ regular: d.isFile(), path: `${prefix}${path}` });
  }
  const { documents, orphanSidecars } = pairSidecars(
    visible.filter((v) => v.regular).map((v) => v.path),
  );
  const entries: SourceEntry[] = [
    ...documents.map((d) => ({
      path: d.path,
      storePath: d.path.slice(prefix.length),
      metadataPath: d.metadataPath,
      regular: true,
    })),
    ...visible
      .filter((v) => !v.regular)
      .map((v) => ({ path: v.path, metadataPath: null, regular: false })),
  ].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  const diagnostics: Diagnostic[] = orphanSidecars.map((file) => ({
    severity: 'warning',
    code: 'build/orphan-metadata',
    message:
      'metadata file without its document (expected a document with the same id before the first dot beside it); it is not used',
    file,
  }));
  return { entries, diagnostics };
}

/** Reads one listed document and its sidecar; what cannot be read comes back rejected, with why. */
export async function readEntry(entry: SourceEntry, cwd = process.cwd()): Promise<SourceInput> {
  if (!entry.regular) {
    return reject(
      entry.path,
      'build/not-a-file',
      'not a regular file (a symbolic link, pipe or device); documents/ holds the published files themselves',
    );
  }
  try {
    // Synchronous reads: a document is small, and the promise API's open/stat/read/close round
    // trips through the thread pool cost more than the read itself (this runs on worker threads).
    const bytes = readLimited(join(cwd, entry.path));
    const metadata =
      entry.metadataPath === null ? null : readLimited(join(cwd, entry.metadataPath));
    const over = [bytes, metadata].find((b) => typeof b === 'number');
    if (over !== undefined) return reject(entry.path, 'build/too-large', tooLargeMessage(over));
    const file: SourceFile = { path: entry.path, bytes: bytes as Buffer };
    if (entry.storePath !== undefined) file.storePath = entry.storePath;
    if (metadata !== null) file.sidecars = { metadataXml: metadata as Buffer };
    return file;
  } catch (error) {
    return reject(
      entry.path,
      'build/read',
      `cannot read the file or its metadata (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

/** The file's bytes, or its size when it is over the limit (then it is not read). */
function readLimited(path: string): Buffer | number {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    return size > MAX_INPUT_BYTES ? size : readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** listEntries, with the documents read one at a time as the listing is consumed. */
export async function listSources(dir: string, cwd = process.cwd()): Promise<SourceListing> {
  const { entries, diagnostics } = await listEntries(dir, cwd);
  async function* files(): AsyncGenerator<SourceInput> {
    for (const entry of entries) yield await readEntry(entry, cwd);
  }
  return { count: entries.length, files: files(), diagnostics };
}

function reject(path: string, code: string, message: string): RejectedSource {
  return { path, rejected: [{ severity: 'error', code, message, file: path }] };
}

/** listSources, with every file read into memory (for callers that want an array). */
export async function readSources(
  dir: string,
  cwd = process.cwd(),
): Promise<{ files: SourceInput[]; diagnostics: Diagnostic[] }> {
  const listing = await listSources(dir, cwd);
  const files: SourceInput[] = [];
  for await (const file of listing.files) files.push(file);
  return { files, diagnostics: listing.diagnostics };
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
