// I/O edge of the build: reads the document store. The pure steps are in build-records.ts.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { KamervragenError, type Diagnostic } from '../errors.ts';
import { pairSidecars } from '../extract/pair-sidecars.ts';
import type { SourceFile } from '../types.ts';

export interface SourceListing {
  /** How many documents there are. */
  count: number;
  /** The documents, read one at a time as they are consumed: a large store is never in memory whole. */
  files: AsyncIterable<SourceFile>;
  diagnostics: Diagnostic[];
}

/**
 * Every document under `dir` with its metadata sidecar; paths relative to `cwd`, "/"-separated.
 * Hidden names (the fetcher's ".x.partial-…" temp files, lock files, ".git") are not documents.
 */
export async function listSources(dir: string, cwd = process.cwd()): Promise<SourceListing> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      throw new KamervragenError(
        'build/documents',
        `cannot read the documents folder (${error.code ?? error.message})`,
        { file: dir },
      );
    },
  );
  const paths = names
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .filter((path) => !path.split(sep).some((part) => part.startsWith('.')))
    .map((path) => toPosix(relative(cwd, join(dir, path))));
  const { documents, orphanSidecars } = pairSidecars(paths);
  async function* files(): AsyncGenerator<SourceFile> {
    for (const entry of documents) {
      const file: SourceFile = { path: entry.path, bytes: await read(cwd, entry.path) };
      if (entry.metadataPath !== null)
        file.sidecars = { metadataXml: await read(cwd, entry.metadataPath) };
      yield file;
    }
  }
  const diagnostics: Diagnostic[] = orphanSidecars.map((file) => ({
    severity: 'warning',
    code: 'build/orphan-metadata',
    message:
      'metadata file without its document (expected a document with the same id before the first dot beside it); it is not used',
    file,
  }));
  return { count: documents.length, files: files(), diagnostics };
}

/** listSources, with every file read into memory (for callers that want an array). */
export async function readSources(
  dir: string,
  cwd = process.cwd(),
): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  const listing = await listSources(dir, cwd);
  const files: SourceFile[] = [];
  for await (const file of listing.files) files.push(file);
  return { files, diagnostics: listing.diagnostics };
}

async function read(cwd: string, path: string): Promise<Uint8Array> {
  return readFile(join(cwd, path)).catch((error: NodeJS.ErrnoException) => {
    throw new KamervragenError(
      'build/read',
      `cannot read the file (${error.code ?? error.message})`,
      { file: path },
    );
  });
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
