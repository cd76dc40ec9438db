// Switches the committed dataset (dist/) to a release's files as one set: every changed file is
// copied into a staging folder inside OUT first; only when all are complete are they renamed
// into place, data first and manifest.json last. manifest.json names the version the rest
// belongs to, and SHA256SUMS (renamed just before it) lists every file of the set, so a reader
// (or `sha256sum -c SHA256SUMS`) can tell a complete set from one an interruption left half
// switched; the next release run completes it.
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { removeStaleStaging, STAGING_PREFIX } from '../build/write-files.ts';
import { RECORD_FILES } from '../build/write-dataset.ts';
import { isYearFileName, removeStaleYearFiles } from '../build/year-files.ts';
import { SUMS_NAME } from '../package/checksums.ts';
import { MANIFEST_NAME } from '../package/manifest.ts';
import type { AssetFile } from './publish-types.ts';
import type { KnownHashes } from './release-files.ts';

// Renamed last, in this order: the files that describe the others.
const LAST = [SUMS_NAME, MANIFEST_NAME];
const rank = (name: string) => LAST.indexOf(name);

/** Writes `files` (named by their path inside OUT) into OUT; returns the names that changed. */
export async function installDist(
  out: string,
  files: readonly AssetFile[],
  known: KnownHashes,
): Promise<string[]> {
  await mkdir(out, { recursive: true });
  await removeStaleStaging(out);
  const staging = join(out, `${STAGING_PREFIX}${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  try {
    const changed: AssetFile[] = [];
    for (const f of files) {
      if ((await known.of(join(out, f.name))) === f.sha256) continue;
      const staged = join(staging, f.name);
      await mkdir(dirname(staged), { recursive: true });
      await copyFile(f.path, staged);
      changed.push(f);
    }
    changed.sort((a, b) => rank(a.name) - rank(b.name));
    for (const f of changed) {
      const target = join(out, f.name);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(staging, f.name), target);
      await known.remember(target, f.sha256);
    }
    await removeStaleYearFiles(out, files.map((f) => f.name).filter(isYearFileName));
    // The single-file downloads are release assets only; a dist/ of the earlier layout held them.
    for (const name of RECORD_FILES) await rm(join(out, name), { force: true });
    return changed.map((f) => f.name);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
