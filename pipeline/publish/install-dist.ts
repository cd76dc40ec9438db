// Switches the committed dataset (dist/) to a release's files as one set: every changed file is
// copied into a staging folder inside OUT first; only when all are complete does the switch
// (dataset-switch.ts) rename them into place, data first and manifest.json last. Its journal
// stays until the caller ends the switch, after the version is published.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { switchSet } from '../build/dataset-switch.ts';
import { removeStaleStaging, STAGING_PREFIX } from '../build/write-files.ts';
import { RECORD_FILES } from '../build/write-dataset.ts';
import { isYearFileName, staleYearFiles } from '../build/year-files.ts';
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
  let removeStaging = true;
  try {
    const changed: AssetFile[] = [];
    for (const f of files) {
      if ((await known.of(join(out, f.name))) === f.sha256) continue;
      const copy = join(staging, f.name);
      await mkdir(dirname(copy), { recursive: true });
      await copyFile(f.path, copy);
      changed.push(f);
    }
    changed.sort((a, b) => rank(a.name) - rank(b.name));
    const stale = await staleYearFiles(out, files.map((f) => f.name).filter(isYearFileName));
    // The single-file downloads are release assets only; a dist/ of the earlier layout held them.
    const remove = [...stale, ...RECORD_FILES];
    const rename = changed.map((f) => f.name);
    // From here a failure leaves the staged files for the next run to complete the switch with.
    removeStaging = false;
    await switchSet(out, { staging: basename(staging), rename, remove });
    await rm(staging, { recursive: true, force: true });
    for (const f of changed) await known.remember(join(out, f.name), f.sha256);
    return rename;
  } finally {
    if (removeStaging) await rm(staging, { recursive: true, force: true });
  }
}
