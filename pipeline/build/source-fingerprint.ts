// What the file system says about a document without reading it: size, modification and change
// times and inode of the file and of its sidecar. A rebuild trusts the cached outcome
// of a path whose fingerprint is unchanged, so it need not read and hash every document again.
// The change time cannot be set by tools that preserve modification times (cp -p, tar, rsync -t),
// so a rewritten file always gets a new fingerprint. A file written in the same clock tick as
// the build looked at it could still change unseen; such "racy" files get no fingerprint and are
// read and hashed every time (a cheap, rare cost).
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { SourceEntry } from './read-sources.ts';

/**
 * The fingerprint of each entry, in order; null when the file cannot be examined or is racy:
 * modified or changed at or after `racyAfter` (milliseconds, the file system's clock at the start
 * of the build, less a margin for coarse timestamps).
 */
export function fingerprints(
  entries: readonly SourceEntry[],
  racyAfter: number,
  cwd = process.cwd(),
): (string | null)[] {
  // One synchronous stat after another: for a hundred thousand small calls this is several
  // times faster than as many promises through the thread pool.
  return entries.map((entry) => {
    if (!entry.regular) return null;
    const main = statPrint(join(cwd, entry.path), racyAfter);
    if (main === null || entry.metadataPath === null) return main;
    const side = statPrint(join(cwd, entry.metadataPath), racyAfter);
    return side === null ? null : `${main}+${side}`;
  });
}

function statPrint(path: string, racyAfter: number): string | null {
  let info;
  try {
    // Milliseconds as doubles keep sub-microsecond digits for today's dates: enough to tell
    // writes apart, and much cheaper than BigInt nanoseconds for a hundred thousand files.
    info = statSync(path, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (info === undefined || !info.isFile()) return null;
  if (info.mtimeMs >= racyAfter || info.ctimeMs >= racyAfter) return null;
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}:${info.dev}`;
}

/** Below this many documents a thread of its own costs more than it saves. */
const MIN_FOR_THREAD = 5000;

/**
 * fingerprints() on a thread of its own, so the caller can do other work meanwhile (a hundred
 * thousand stat calls take about a second); small folders are done on the calling thread.
 */
export function fingerprintsOnThread(
  entries: readonly SourceEntry[],
  racyAfter: number,
  cwd = process.cwd(),
): Promise<(string | null)[]> {
  if (entries.length < MIN_FOR_THREAD)
    return Promise.resolve(fingerprints(entries, racyAfter, cwd));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./fingerprint-worker-entry.mjs', import.meta.url), {
      execArgv: [],
      workerData: { entries, racyAfter, cwd },
    });
    worker.once('message', (prints: (string | null)[]) => {
      resolve(prints);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the fingerprint thread stopped (exit code ${code})`)),
    );
  });
}

/** Margin for file systems whose timestamps are coarse (FAT: 2 s), in milliseconds. */
export const RACY_MARGIN_MS = 2000;
