// I/O edge of the build: reads the document store. The pure steps are in build-records.ts.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { KamervragenError, type Diagnostic } from '../errors.ts';
import type { SourceFile } from '../types.ts';
import { listSources } from './list-sources.ts';

/** Every document under `dir` with its sidecars; paths relative to `cwd`, with "/" separators. */
export async function readSources(
  dir: string,
  cwd = process.cwd(),
): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
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
    .map((d) => toPosix(relative(cwd, join(d.parentPath, d.name))));
  const { entries, diagnostics } = listSources(paths);
  const files: SourceFile[] = [];
  for (const entry of entries) {
    const file: SourceFile = { path: entry.path, bytes: await read(cwd, entry.path) };
    if (entry.metadataXml !== undefined)
      file.sidecars = { metadataXml: await read(cwd, entry.metadataXml) };
    files.push(file);
  }
  return { files, diagnostics };
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
