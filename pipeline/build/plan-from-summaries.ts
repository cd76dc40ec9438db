// The release plan (version and date) from record summaries instead of whole records, so the
// build need not hold every record. The summaries carry the same recordHash per record, and the
// plan comes from the same functions as planRelease; tests/perf checks that both agree.
import { diffHashed, planFromChanges, type PlanOptions } from '../package/plan-release.ts';
import type { Manifest, ReleasePlan } from '../package/release-types.ts';
import type { RecordSummary } from './prepare-record.ts';

export function planFromSummaries(
  records: readonly RecordSummary[],
  previous: Manifest | null,
  options: PlanOptions,
): ReleasePlan {
  return planFromChanges(diffHashed(records, previous), records, previous, options);
}
