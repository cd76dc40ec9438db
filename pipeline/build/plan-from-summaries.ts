// The release plan (version and date) from record summaries instead of whole records, so the
// build need not hold every record. Same rules as planRelease (pipeline/package/plan-release.ts):
// the record hash is precomputed per record with the same recordHash; the bump and the date
// come from the same functions. tests/perf checks that both give the same plan.
import type { Document } from '../types.ts';
import { chooseBump, releaseDate, type PlanOptions } from '../package/plan-release.ts';
import type { Changes, Manifest, RecordRef, ReleasePlan } from '../package/release-types.ts';
import { bumpVersion } from '../package/semver.ts';
import type { RecordSummary } from './prepare-record.ts';

const byId = (a: RecordRef, b: RecordRef) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function diffSummaries(
  records: readonly RecordSummary[],
  previous: Manifest | null,
): Changes {
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

export function planFromSummaries(
  records: readonly RecordSummary[],
  previous: Manifest | null,
  options: PlanOptions,
): ReleasePlan {
  const changes = diffSummaries(records, previous);
  const bump = chooseBump(changes, options.schemaVersion, previous);
  if (bump === null && previous) {
    return { kind: 'unchanged', version: previous.version, date: previous.date, previous };
  }
  const effective = bump ?? 'patch';
  return {
    kind: 'release',
    version: bumpVersion(previous?.version ?? '0.0.0', effective),
    // releaseDate reads only `answered` and `submitted`, which a summary carries.
    date: releaseDate(records as unknown as readonly Document[], options, previous),
    bump: effective,
    changes,
    previous,
  };
}
