import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KamervragenError } from '../errors.ts';
import { sha256Hex } from '../package/hash-record.ts';
import type { PlanStep, PublishResult, ReleaseBundle } from './publish-types.ts';
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

async function differences(folder: string, bundle: ReleaseBundle): Promise<string[]> {
  const present = (await readdir(folder)).sort();
  const expected = new Map(bundle.assets.map((a) => [a.name, a.bytes]));
  const diffs: string[] = [];
  for (const name of present)
    if (!expected.has(name)) diffs.push(`${name} is not part of this release`);
  for (const [name, bytes] of expected) {
    if (!present.includes(name)) diffs.push(`${name} is missing`);
    else if (sha256Hex(await readFile(join(folder, name))) !== sha256Hex(bytes))
      diffs.push(`${name} differs`);
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
): Promise<PublishResult> {
  const folder = join(root, bundle.version);
  const steps: PlanStep[] = bundle.assets.map((a) => ({
    method: 'WRITE',
    url: `${folder}/`,
    asset: { name: a.name, bytes: a.bytes.byteLength, sha256: sha256Hex(a.bytes) },
  }));
  if (!dryRun) await removeStalePartials(root).catch(() => undefined); // root may not exist yet
  const exists = await readdir(folder).then(
    () => true,
    () => false,
  );
  if (exists) {
    const diffs = await differences(folder, bundle);
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
    for (const a of bundle.assets) await writeFile(join(temp, a.name), a.bytes);
    await rename(temp, folder);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    // Another run may have finished the same version between our check and our rename.
    if ((await differences(folder, bundle).catch(() => ['unreadable'])).length === 0) {
      return { action: 'exists', location: folder, steps: [] };
    }
    throw error;
  }
  return { action: 'created', location: folder, steps };
}
