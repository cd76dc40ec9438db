// What the file system says about a document without reading it: size, modification and change
// times (nanoseconds) and inode of the file and of its sidecar. A rebuild trusts the cached outcome
// of a path whose fingerprint is unchanged, so it need not read and hash every document again.
// The change time cannot be set by tools that preserve modification times (cp -p, tar, rsync -t),
// so a rewritten file always gets a new fingerprint. A file written in the same clock tick as
// the build looked at it could still change unseen; such "racy" files get no fingerprint and are
// read and hashed every time (a cheap, rare cost).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceEntry } from './read-sources.ts';

/**
 * The fingerprint of each entry, in order; null when the file cannot be examined or is racy:
 * modified or changed at or after `racyAfter` (nanoseconds, the file system's clock at the start
 * of the build, less a margin for coarse timestamps).
 */
export function fingerprints(
  entries: readonly SourceEntry[],
  racyAfter: bigint,
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

function statPrint(path: string, racyAfter: bigint): string | null {
  let info;
  try {
    info = statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (info === undefined || !info.isFile()) return null;
  if (info.mtimeNs >= racyAfter || info.ctimeNs >= racyAfter) return null;
  return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}:${info.dev}`;
}

/** Margin for file systems whose timestamps are coarse (FAT: 2 s). */
export const RACY_MARGIN_NS = 2_000_000_000n;
