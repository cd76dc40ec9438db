// I/O edge of the build: writes exported files into the output folder without ever leaving a
// half-written file there. Everything goes to a staging folder inside `out` (same file system)
// first; only when every file is complete are they renamed into place, one atomic rename each.
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessRunning } from '../lock/is-process-running.ts';

export interface OutputFile {
  name: string;
  /** Text, or bytes for a binary file (Parquet). */
  chunks(): Iterable<string | Uint8Array>;
}

export const STAGING_PREFIX = '.staging-';

export async function writeFiles(out: string, files: readonly OutputFile[]): Promise<void> {
  await mkdir(out, { recursive: true });
  await removeStaleStaging(out);
  const staging = join(out, `${STAGING_PREFIX}${process.pid}`);
  await mkdir(staging);
  try {
    for (const file of files) await writeStreamed(join(staging, file.name), file.chunks());
    for (const file of files) await rename(join(staging, file.name), join(out, file.name));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

// Chunks are written as they are produced, so no output is ever held whole in memory.
async function writeStreamed(path: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    let pending: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
      if (typeof chunk !== 'string') {
        if (pending.length > 0) await handle.write(pending.join(''));
        [pending, size] = [[], 0];
        await handle.write(chunk);
        continue;
      }
      pending.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) {
        await handle.write(pending.join(''));
        pending = [];
        size = 0;
      }
    }
    if (pending.length > 0) await handle.write(pending.join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// A build killed mid-write leaves its staging folder behind; it never held anything final.
// A folder whose process still runs belongs to a concurrent build and is left alone.
export async function removeStaleStaging(out: string): Promise<void> {
  for (const name of await readdir(out)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(name.slice(STAGING_PREFIX.length));
    if (Number.isInteger(pid) && pid !== process.pid && isProcessRunning(pid)) continue;
    await rm(join(out, name), { recursive: true, force: true });
  }
}
