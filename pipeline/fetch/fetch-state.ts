// The fetcher's watermark: a small tracked JSON file (state/fetch-state.json). Pure.
// `watermark` is the newest dcterms:modified date fetched; the next query asks for
// dt.modified >= watermark − 1 day, because dt.modified is a date without a time and documents
// modified later on that same day must not be missed (FORMATS.md §1.4). `seen` remembers the
// exact version of records inside that overlap, so a re-listed record is not downloaded again.
import { KamervragenError } from '../errors.ts';

export interface FetchState {
  watermark: string | null;
  seen: Record<string, string>;
}

export const EMPTY_STATE: FetchState = { watermark: null, seen: {} };
export const OVERLAP_DAYS = 1;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** `date` (YYYY-MM-DD) moved by `days`; no clock involved. */
export function shiftDate(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

export function parseFetchState(text: string, file: string): FetchState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new KamervragenError(
      'fetch/state',
      `the state file is not JSON (${(error as Error).message}); restore it from git`,
      { file },
    );
  }
  const object = value as { watermark?: unknown; seen?: unknown };
  if (typeof object !== 'object' || object === null)
    throw new KamervragenError('fetch/state', 'the state file must hold a JSON object', { file });
  const { watermark, seen = {} } = object;
  if (watermark !== null && (typeof watermark !== 'string' || !isIsoDate(watermark))) {
    throw new KamervragenError('fetch/state', 'watermark must be a date YYYY-MM-DD or null', {
      file,
      field: '/watermark',
    });
  }
  if (
    typeof seen !== 'object' ||
    seen === null ||
    Object.values(seen).some((v) => typeof v !== 'string')
  ) {
    throw new KamervragenError('fetch/state', 'seen must map identifiers to version strings', {
      file,
      field: '/seen',
    });
  }
  return { watermark: watermark ?? null, seen: seen as Record<string, string> };
}

/** Sorted keys and a final newline, so an unchanged state is byte-identical and git sees no change. */
export function serializeFetchState(state: FetchState): string {
  const seen = Object.fromEntries(
    Object.entries(state.seen).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return `${JSON.stringify({ watermark: state.watermark, seen }, null, 2)}\n`;
}

/** The date the query starts from: an explicit --since, else the watermark minus the overlap. */
export function modifiedSince(state: FetchState, since: string | null): string | null {
  if (since !== null) return since;
  return state.watermark === null ? null : shiftDate(state.watermark, -OVERLAP_DAYS);
}

/**
 * The newest watermark that leaves `pending` (listed but not on disk: failed, or beyond this
 * run's --max-documents) inside the next query, which starts one day before the watermark:
 * the oldest pending date. A pending record without a date allows no move at all (undefined:
 * no limit when nothing is pending).
 */
export function watermarkLimit(
  pending: readonly { modified: string | null }[],
): string | null | undefined {
  let limit: string | undefined;
  for (const item of pending) {
    if (item.modified === null || !isIsoDate(item.modified)) return null;
    if (limit === undefined || item.modified < limit) limit = item.modified;
  }
  return limit;
}

/**
 * The state after a run in which every file of `fetched` is on disk. The watermark never goes
 * back (a --since backfill leaves it where it was), never passes `limit` (see watermarkLimit;
 * null: it does not move) and never passes `today`, the run's own date; `seen` keeps only what
 * the next overlap can list again.
 */
export function advanceState(
  previous: FetchState,
  fetched: readonly { identifier: string; modified: string | null; version: string | null }[],
  bounds: { limit?: string | null | undefined; today?: string } = {},
): FetchState {
  let watermark = previous.watermark;
  const seen = { ...previous.seen };
  const { limit, today } = bounds;
  for (const item of fetched) {
    if (item.version !== null) seen[item.identifier] = item.version;
    if (item.modified === null || !isIsoDate(item.modified) || limit === null) continue;
    let modified = today !== undefined && item.modified > today ? today : item.modified;
    if (limit !== undefined && modified > limit) modified = limit;
    if (watermark === null || modified > watermark) watermark = modified;
  }
  if (watermark !== null) {
    // Versions carry a time zone, so a stamp can fall a day before its dt.modified date.
    const keepFrom = shiftDate(watermark, -OVERLAP_DAYS - 1);
    for (const [id, version] of Object.entries(seen))
      if (version.slice(0, 10) < keepFrom) delete seen[id];
  }
  return { watermark, seen };
}
