import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { KamervragenError } from '../errors.ts';
import type { PlanStep, PublishResult, ReleaseBundle } from './publish-types.ts';
import { hashFile } from './release-files.ts';
import { isProcessRunning } from '../lock/is-process-running.ts';

// Temp folders are named for their process, so a run removes only those whose writer is gone
// (killed mid-write) and never one a concurrent run is still filling.
const PARTIAL = /^\..*\.partial-(\d+)-[0-9a-f]+$/;

async function removeStalePartials(root: string): Promise<void> {
  for (const name of await readdir(root)) {
    const pid = Number(PARTIAL.exec(name)?.[1] ?? NaN);
    if (Number.isNaN(pid) || pid === process.pid || isProcessRunning(pid)) continue;
    await rm(join(root, name), { recursive: true, force: true });
  }
}

/** Hashes a file on disk; a caller may remember hashes of files it wrote (see KnownHashes). */
export type HashOf = (path: string) => Promise<string | null>;

async function differences(
  folder: string,
  bundle: ReleaseBundle,
  hashOf: HashOf,
): Promise<string[]> {
  const present = (await readdir(folder)).sort();
  const expected = new Map(bundle.assets.map((a) => [a.name, a.sha256]));
  const diffs: string[] = [];
  for (const name of present)
    if (!expected.has(name)) diffs.push(`${name} is not part of this release`);
  for (const [name, sha256] of expected) {
    if (!present.includes(name)) diffs.push(`${name} is missing`);
    else if ((await hashOf(join(folder, name))) !== sha256) diffs.push(`${name} differs`);
  }
  return diffs;
}

/**
 * PATH/X.Y.Z/ with every asset. Written into a temp folder beside it and renamed into place, so a
 * crash never leaves a half-written version; an existing version is only ever confirmed, not changed.
 */
export async function publishToDir(
  root: string,
  bundle: ReleaseBundle,
  dryRun: boolean,
  hashOf: HashOf = hashFile,
  /** Called with each file written, and its hash. */
  wrote: (path: string, sha256: string) => Promise<void> = async () => undefined,
): Promise<PublishResult> {
  const folder = join(root, bundle.version);
  const steps: PlanStep[] = bundle.assets.map((a) => ({
    method: 'WRITE',
    url: `${folder}/`,
    asset: { name: a.name, bytes: a.bytes, sha256: a.sha256 },
  }));
  if (!dryRun) await removeStalePartials(root).catch(() => undefined); // root may not exist yet
  const exists = await readdir(folder).then(
    () => true,
    () => false,
  );
  if (exists) {
    const diffs = await differences(folder, bundle, hashOf);
    if (diffs.length > 0) {
      throw new KamervragenError(
        'publish/immutable',
        `version ${bundle.version} is already released here with different content (${diffs.join('; ')}); ` +
          'a released version never changes: make a new version instead',
        { file: folder },
      );
    }
    return { action: 'exists', location: folder, steps: [] };
  }
  if (dryRun) return { action: 'planned', location: folder, steps };
  await mkdir(root, { recursive: true });
  const temp = join(
    root,
    `.${bundle.version}.partial-${process.pid}-${randomBytes(6).toString('hex')}`,
  );
  await mkdir(temp);
  try {
    // copyFile copies in the kernel (or clones, where the file system can): nothing passes
    // through this process's memory.
    for (const a of bundle.assets) await copyFile(a.path, join(temp, a.name));
    await rename(temp, folder);
    for (const a of bundle.assets) await wrote(join(folder, a.name), a.sha256);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    // Another run may have finished the same version between our check and our rename.
    if ((await differences(folder, bundle, hashOf).catch(() => ['unreadable'])).length === 0) {
      return { action: 'exists', location: folder, steps: [] };
    }
    throw error;
  }
  return { action: 'created', location: folder, steps };
}
