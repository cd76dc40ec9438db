import { KamervragenError } from '../errors.ts';
import type { Document } from '../types.ts';
import { recordHash } from './hash-record.ts';
import type { Bump, Changes, Manifest, RecordRef, ReleasePlan } from './release-types.ts';
import { bumpVersion, parseVersion } from './semver.ts';

export interface PlanOptions {
  /** Version of schema/document.schema.json (from its $id). */
  schemaVersion: string;
  /** SOURCE_DATE_EPOCH in seconds (runEpoch: else the run's own clock): the release's date. */
  sourceDateEpoch?: number | undefined;
}

/** What the diff needs of a record: its id, title and content hash. */
export interface HashedRecord {
  id: string;
  title: string | null;
  sha256: string;
}

/** What the release date needs of a record. */
export type DatedRecord = Pick<Document, 'answered' | 'submitted'>;

const byId = (a: RecordRef, b: RecordRef) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Record-level diff: which ids are new, which kept their id but not their content, which are gone. */
export function diffHashed(records: Iterable<HashedRecord>, previous: Manifest | null): Changes {
  const before = previous?.records ?? {};
  const seen = new Set<string>();
  const added: RecordRef[] = [];
  const changed: RecordRef[] = [];
  for (const record of records) {
    seen.add(record.id);
    const old = before[record.id];
    const ref = { id: record.id, title: record.title };
    if (old === undefined) added.push(ref);
    else if (old.sha256 !== record.sha256) changed.push(ref);
  }
  const removed = Object.entries(before)
    .filter(([id]) => !seen.has(id))
    .map(([id, entry]) => ({ id, title: entry.title }));
  return { added: added.sort(byId), changed: changed.sort(byId), removed: removed.sort(byId) };
}

export function diffRecords(records: readonly Document[], previous: Manifest | null): Changes {
  return diffHashed(
    records.map((r) => ({ id: r.id, title: r.title, sha256: recordHash(r) })),
    previous,
  );
}

// Removing records is a breaking change for anyone who cites or joins on an id, so it is major,
// like an incompatible schema change; additions are minor; changed records are patch.
export function chooseBump(
  changes: Changes,
  schemaVersion: string,
  previous: Manifest | null,
): Bump | null {
  if (!previous) return 'initial';
  const [schemaMajor] = parseVersion(schemaVersion, '/schema_version');
  const [previousSchemaMajor] = parseVersion(previous.schema_version, '/schema_version');
  if (schemaMajor !== previousSchemaMajor || changes.removed.length > 0) return 'major';
  if (changes.added.length > 0) return 'minor';
  if (changes.changed.length > 0) return 'patch';
  return null;
}

/**
 * The release date: the UTC day of SOURCE_DATE_EPOCH, which the command line sets to the moment
 * the release is made when the environment has none. A version already released keeps the date
 * its manifest records (planFromChanges), so rebuilding it gives the same bytes.
 */
export function releaseDate(
  _records: readonly DatedRecord[],
  options: PlanOptions,
  previous: Manifest | null,
): string {
  if (options.sourceDateEpoch === undefined || !Number.isFinite(options.sourceDateEpoch)) {
    throw new KamervragenError(
      'package/no-date',
      'a new release needs its date: set SOURCE_DATE_EPOCH (seconds since 1970) to the moment it is made',
    );
  }
  const date = new Date(options.sourceDateEpoch * 1000).toISOString().slice(0, 10);
  // A clock set back must not date a release before the one it follows.
  return previous && previous.date > date ? previous.date : date;
}

/** The epoch of a run: SOURCE_DATE_EPOCH when set, else the given clock (the command line's now). */
export function runEpoch(sourceDateEpoch: number | undefined, nowMs: number): number {
  return sourceDateEpoch ?? Math.floor(nowMs / 1000);
}

export function planRelease(
  records: readonly Document[],
  previous: Manifest | null,
  options: PlanOptions,
): ReleasePlan {
  return planFromChanges(diffRecords(records, previous), records, previous, options);
}

/** The plan once the diff is known; `records` only give the release date. */
export function planFromChanges(
  changes: Changes,
  records: readonly DatedRecord[],
  previous: Manifest | null,
  options: PlanOptions,
): ReleasePlan {
  const bump = chooseBump(changes, options.schemaVersion, previous);
  if (bump === null && previous) {
    return { kind: 'unchanged', version: previous.version, date: previous.date, previous };
  }
  const effective = bump ?? 'patch';
  return {
    kind: 'release',
    version: bumpVersion(previous?.version ?? '0.0.0', effective),
    date: releaseDate(records, options, previous),
    bump: effective,
    changes,
    previous,
  };
}

/** Stop unless removals were allowed; the message names every id so nobody loses data unseen. */
export function assertRemovalsAllowed(plan: ReleasePlan, allowRemovals: boolean): void {
  if (plan.kind !== 'release' || plan.changes.removed.length === 0 || allowRemovals) return;
  const ids = plan.changes.removed.map((r) => r.id).join(', ');
  throw new KamervragenError(
    'package/removals',
    `${plan.changes.removed.length} record(s) of ${plan.previous?.version ?? 'the previous release'} are gone: ${ids}; ` +
      'restore their source files, or pass --allow-removals to release without them',
  );
}
