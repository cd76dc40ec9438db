// The historical fetch with its files: read the state, clear leftovers of an interrupted run,
// fetch, and save the state only when every item of the run is on disk.
import { createDocumentStore, writeFileAtomic } from '../document-store.ts';
import { clearInterrupted, readStateText } from '../state-file.ts';
import type { PoliteClient } from '../polite-client.ts';
import { fetchSgd, type SgdFetchOptions, type SgdOutcome } from './fetch-sgd.ts';
import { EMPTY_SGD_STATE, parseSgdState, serializeSgdState, type SgdState } from './sgd-state.ts';

export interface RunSgdOptions extends SgdFetchOptions {
  /** Where the OCR texts go: documents/sgd by default. */
  documentsDir: string;
  statePath: string;
}

export async function runSgdFetch(
  client: PoliteClient,
  options: RunSgdOptions,
): Promise<{ outcome: SgdOutcome; previous: SgdState; saved: boolean }> {
  const stateText = await readStateText(options.statePath);
  const previous =
    stateText === null ? EMPTY_SGD_STATE : parseSgdState(stateText, options.statePath);
  await clearInterrupted(options.documentsDir, options.statePath, options.log);
  const outcome = await fetchSgd(
    client,
    createDocumentStore(options.documentsDir),
    previous,
    options,
  );
  let saved = false;
  if (outcome.failures.length === 0) {
    const next = serializeSgdState(outcome.state);
    if (next !== stateText) {
      await writeFileAtomic(options.statePath, next);
      saved = true;
    }
  }
  return { outcome, previous, saved };
}
