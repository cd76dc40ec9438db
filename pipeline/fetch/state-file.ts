// What every fetch run does with its files before fetching: read its state file (none yet on a
// first run) and clear what an interrupted run left half-written beside the documents and state.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { KamervragenError } from '../errors.ts';
import { removePartials } from './document-store.ts';

/** The state file's text, or null when there is none yet. */
export async function readStateText(statePath: string): Promise<string | null> {
  return readFile(statePath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new KamervragenError(
      'fetch/state',
      `cannot read the state file (${error.code ?? error.message})`,
      { file: statePath },
    );
  });
}

export async function clearInterrupted(
  documentsDir: string,
  statePath: string,
  log: ((line: string) => void) | undefined,
): Promise<void> {
  for (const dir of [documentsDir, dirname(statePath)])
    for (const name of await removePartials(dir))
      log?.(`removed ${name}, left by an interrupted run`);
}
