// Temporary copies of documents/ to break on purpose; the real documents/ is never written.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/run-cli.ts';

export interface Workspace {
  dir: string;
  documents: string;
  out: string;
}

const made: string[] = [];

export async function makeWorkspace(withDocuments = true): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'kv-build-'));
  made.push(dir);
  const documents = join(dir, 'documents');
  if (withDocuments) await cp(join(ROOT, 'documents'), documents, { recursive: true });
  return { dir, documents, out: join(dir, 'dist') };
}

export async function removeWorkspaces(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** Every file under `dir` (relative name → bytes), hidden ones included. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    () => [],
  )) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path.slice(dir.length + 1), await readFile(path));
  }
  return out;
}
