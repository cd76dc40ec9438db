// I/O edge of the build: reads the document store. The pure steps are in build-records.ts.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { KamervragenError, type Diagnostic } from '../errors.ts';
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

/**
 * Every document under `dir` with its metadata sidecar; paths relative to `cwd`, "/"-separated.
 * Hidden names (the fetcher's ".x.partial-…" temp files, lock files, ".git") are not documents.
 * Anything else that is not a regular file (a symbolic link, which could point outside the
 * project, a pipe, a device) or cannot be read comes through as a rejected entry with its error,
 * so the build names it instead of skipping it.
 */
export async function listSources(dir: string, cwd = process.cwd()): Promise<SourceListing> {
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
  const visible = names
    .filter((d) => !d.isDirectory())
    .map((d) => ({ entry: d, path: relative(dir, join(d.parentPath, d.name)) }))
    .filter(({ path }) => !path.split(sep).some((part) => part.startsWith('.')))
    .map(({ entry, path }) => ({
      regular: entry.isFile(),
      path: toPosix(relative(cwd, join(dir, path))),
    }));
  const { documents, orphanSidecars } = pairSidecars(
    visible.filter((v) => v.regular).map((v) => v.path),
  );
  const rejected = visible.filter((v) => !v.regular).map((v) => v.path);
  const order = [
    ...documents.map((d) => ({ path: d.path, document: d })),
    ...rejected.map((path) => ({ path, document: null })),
  ].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));

  async function* files(): AsyncGenerator<SourceInput> {
    for (const { path, document } of order) {
      if (document === null) {
        yield reject(
          path,
          'build/not-a-file',
          'not a regular file (a symbolic link, pipe or device); documents/ holds the published files themselves',
        );
        continue;
      }
      try {
        const file: SourceFile = { path, bytes: await readFile(join(cwd, path)) };
        if (document.metadataPath !== null)
          file.sidecars = { metadataXml: await readFile(join(cwd, document.metadataPath)) };
        yield file;
      } catch (error) {
        yield reject(
          path,
          'build/read',
          `cannot read the file or its metadata (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        );
      }
    }
  }
  const diagnostics: Diagnostic[] = orphanSidecars.map((file) => ({
    severity: 'warning',
    code: 'build/orphan-metadata',
    message:
      'metadata file without its document (expected a document with the same id before the first dot beside it); it is not used',
    file,
  }));
  return { count: order.length, files: files(), diagnostics };
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
