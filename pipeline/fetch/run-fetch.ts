// The fetch run with its files: read the state, clear leftovers of an interrupted run, fetch,
// and save the state, whose watermark never passes a listed document that is not on disk.
import { createDocumentStore, writeFileAtomic } from './document-store.ts';
import { fetchPublications, type FetchOptions, type FetchOutcome } from './fetch-publications.ts';
import {
  EMPTY_STATE,
  parseFetchState,
  serializeFetchState,
  type FetchState,
} from './fetch-state.ts';
import type { PoliteClient } from './polite-client.ts';
import { clearInterrupted, readStateText } from './state-file.ts';

export interface RunFetchOptions extends FetchOptions {
  documentsDir: string;
  statePath: string;
}

export interface RunFetchResult {
  outcome: FetchOutcome;
  previous: FetchState;
  /** Whether the new state was written (false when nothing moved). */
  saved: boolean;
}

export async function runFetch(
  client: PoliteClient,
  options: RunFetchOptions,
): Promise<RunFetchResult> {
  const stateText = await readStateText(options.statePath);
  const previous = stateText === null ? EMPTY_STATE : parseFetchState(stateText, options.statePath);
  await clearInterrupted(options.documentsDir, options.statePath, options.log);
  const outcome = await fetchPublications(
    client,
    createDocumentStore(options.documentsDir),
    previous,
    options,
  );
  // Saved after failures too: the watermark stops before the oldest document not on disk, and
  // `seen` keeps the rest from being downloaded again.
  let saved = false;
  const next = serializeFetchState(outcome.state);
  if (next !== stateText && next !== serializeFetchState(previous)) {
    await writeFileAtomic(options.statePath, next);
    saved = true;
  }
  return { outcome, previous, saved };
}
