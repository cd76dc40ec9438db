// Files on disk for the fetcher: every write goes to a temp file beside the target, is flushed,
// then renamed over it, so a crash leaves either the old file or the new one, never half of one.
// Temp names start with a dot (`.NAME.partial-XXXX`); the build skips dot files and the next run
// removes leftovers.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DocumentStore } from './fetch-publications.ts';

const PARTIAL = /^\..+\.partial-[0-9a-f]+$/;

export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.partial-${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  // Make the rename itself durable; not every platform lets a directory be opened for this.
  const dirHandle = await open(dir, 'r').catch(() => null);
  await dirHandle?.sync().catch(() => undefined);
  await dirHandle?.close();
}

/** Removes temp files a crashed run left behind; returns their names. */
export async function removePartials(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const partials = names.filter((name) => PARTIAL.test(name));
  await Promise.all(partials.map((name) => rm(join(dir, name), { force: true })));
  return partials;
}

export function createDocumentStore(dir: string): DocumentStore {
  return {
    async read(name) {
      try {
        return new Uint8Array(await readFile(join(dir, name)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async write(name, bytes) {
      // Names come from sanitised identifiers; refuse anything else rather than trust the caller.
      if (name !== basename(name) || name.startsWith('.'))
        throw new Error(`unsafe document name ${JSON.stringify(name)}`);
      await writeFileAtomic(join(dir, name), bytes);
    },
  };
}
