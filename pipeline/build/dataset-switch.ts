// Switches a dataset folder (dist/) to a new set of files as one unit. The files are renamed in
// one at a time, so a journal (SWITCH_FILE) naming them and their staging folder is written
// before the first rename: a run killed mid-way leaves a folder that says it is half switched.
// Readers refuse such a folder, and the next build or release first completes the switch from
// the staging folder the journal names. A release keeps the journal until its version is
// published, so a folder without one holds a single whole set, and its manifest names a version
// that exists.
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KamervragenError } from '../errors.ts';
import { writeFileAtomic } from '../fetch/document-store.ts';
import { STAGING_PREFIX } from './write-files.ts';

export const SWITCH_FILE = '.switch.json';
// A staging folder of OUT's own (.staging-PID), never a path elsewhere.
const ownStaging = (name: unknown) =>
  typeof name === 'string' &&
  name.startsWith(STAGING_PREFIX) &&
  /^\d+$/.test(name.slice(STAGING_PREFIX.length));

export interface SwitchPlan {
  /** The staging folder's name inside the dataset folder. */
  staging: string;
  /** Files (paths inside the dataset folder) to move from staging into place, in this order. */
  rename: string[];
  /** Files of the old set that the new one does not have. */
  remove: string[];
}

/** Records the plan, then carries it out. The journal stays until `endSwitch`. */
export async function switchSet(out: string, plan: SwitchPlan): Promise<void> {
  await writeFileAtomic(join(out, SWITCH_FILE), `${JSON.stringify(plan, null, 2)}\n`);
  await applySwitch(out, plan);
}

async function applySwitch(out: string, plan: SwitchPlan): Promise<void> {
  for (const name of plan.rename) {
    const target = join(out, name);
    await mkdir(dirname(target), { recursive: true });
    // A staged file that is gone was renamed into place before the interruption.
    await rename(join(out, plan.staging, name), target).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
  }
  for (const name of plan.remove) await rm(join(out, name), { force: true });
}

async function readJournal(out: string): Promise<SwitchPlan | null> {
  const path = join(out, SWITCH_FILE);
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  try {
    const plan = JSON.parse(text) as SwitchPlan;
    if (ownStaging(plan.staging) && Array.isArray(plan.rename) && Array.isArray(plan.remove))
      return plan;
  } catch {
    // reported below
  }
  throw new KamervragenError(
    'dist/bad-journal',
    `the switch journal is unreadable; restore this folder from git (git checkout -- ${out}) and run the release again`,
    { file: path },
  );
}

/** Completes a switch an interrupted run left half done. Returns whether there was one. */
export async function completeSwitch(out: string): Promise<boolean> {
  const plan = await readJournal(out);
  if (plan === null) return false;
  await applySwitch(out, plan);
  await rm(join(out, plan.staging), { recursive: true, force: true });
  return true;
}

export async function endSwitch(out: string): Promise<void> {
  await rm(join(out, SWITCH_FILE), { force: true });
}

/** Refuses a folder an interrupted build or release left half switched. */
export async function assertWholeSet(dir: string, command: string): Promise<void> {
  if ((await readJournal(dir)) === null) return;
  throw new KamervragenError(
    'dist/half-switched',
    `${command}: this folder is half switched to a new release (an interrupted run); run \`kamervragen release\` (or the build that wrote it) again to complete it`,
    { file: join(dir, SWITCH_FILE) },
  );
}
