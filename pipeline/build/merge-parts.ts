// `kamervragen merge PART… --out DIR`: the full dataset from the parts of a partitioned build.
// The parts' records are merged in id order and written by the same writer as a single build,
// and the version and date are planned from all summaries, so the files are byte-identical to
// what one `kamervragen build` of the whole documents folder writes.
import { join } from 'node:path';
import { KamervragenError } from '../errors.ts';
import { MANIFEST_NAME } from '../package/manifest.ts';
import { SCHEMA_VERSION } from '../validate/schema.ts';
import type { QuarantinedFile } from './build-records.ts';
import { readPartitionIndex, readFragments, type PartitionIndex } from './partition.ts';
import { crossTableFiles } from '../export/cross-tables.ts';
import { planFromSummaries } from './plan-from-summaries.ts';
import type { Fragments, RecordSummary } from './prepare-record.ts';
import { quarantineJson, QUARANTINE_FILE } from './quarantine-file.ts';
import { readPreviousManifest } from './export-records.ts';
import { writeDataset } from './finish-dataset.ts';
import { assertWholeSet, completeSwitch, endSwitch } from './dataset-switch.ts';

export interface MergeOptions {
  parts: string[];
  out: string;
  manifest?: string | undefined;
  sourceDateEpoch?: number | undefined;
}

export interface MergeSummary {
  written: string[];
  version: string | null;
  date: string | null;
  documents: number;
  quarantined: QuarantinedFile[];
}

export async function runMerge(options: MergeOptions): Promise<MergeSummary> {
  if (options.parts.length === 0)
    throw new KamervragenError('usage/merge', 'name at least one part folder', {}, 2);
  const indexes: PartitionIndex[] = [];
  for (const part of options.parts) {
    await assertWholeSet(part, 'merge');
    indexes.push(await readPartitionIndex(part));
  }
  if (await completeSwitch(options.out)) await endSwitch(options.out);
  checkCoverage(options.parts, indexes);

  const records = indexes.flatMap((p) => p.records);
  const quarantined = indexes.flatMap((p) => p.quarantined);
  const previous = await readPreviousManifest(options.manifest ?? join(options.out, MANIFEST_NAME));
  const plan =
    records.length === 0 && previous === null
      ? null
      : planFromSummaries(records, previous, {
          schemaVersion: SCHEMA_VERSION,
          sourceDateEpoch: options.sourceDateEpoch,
        });
  const meta = plan === null ? {} : { version: plan.version, created: `${plan.date}T00:00:00Z` };
  const { written } = await writeDataset(
    options.out,
    mergeById(options.parts, indexes),
    meta,
    [{ name: QUARANTINE_FILE, chunks: () => [quarantineJson(quarantined)] }],
    crossTableFiles(records, plan?.date ?? null),
  );
  return {
    written,
    version: plan?.version ?? null,
    date: plan?.date ?? null,
    documents: records.length,
    quarantined,
  };
}

// Every part must come from the same documents folder, and together they must account for every
// document exactly once (a record or a quarantined file): a missing or overlapping range fails.
function checkCoverage(parts: string[], indexes: PartitionIndex[]): void {
  const sources = new Set(indexes.map((p) => p.sources));
  if (sources.size > 1) {
    throw new KamervragenError(
      'merge/sources',
      `the parts were built from different documents (${[...sources].join(', ')} documents); build every part from the same documents folder`,
      { file: parts[0]! },
    );
  }
  const seen = new Map<string, string>();
  for (const [i, index] of indexes.entries()) {
    for (const r of index.records) {
      const other = seen.get(r.id);
      if (other !== undefined) {
        throw new KamervragenError(
          'merge/overlap',
          `record ${r.id} is in two parts (${other} and ${parts[i]}): either their ranges overlap, or two documents of different session years claim this id (a build without --partition quarantines one of them)`,
          { file: parts[i]! },
        );
      }
      seen.set(r.id, parts[i]!);
    }
  }
  const files = indexes.reduce((n, p) => n + p.quarantined.length, 0);
  const total = [...sources][0] ?? 0;
  if (seen.size + files !== total) {
    throw new KamervragenError(
      'merge/coverage',
      `the parts hold ${seen.size} records and ${files} quarantined files, but the documents folder has ${total} documents; a range of session years is missing (the first range needs an open start, "..YYYY-YYYY", and the last an open end)`,
      { file: parts[0]! },
    );
  }
}

async function* mergeById(
  parts: string[],
  indexes: PartitionIndex[],
): AsyncGenerator<{ fragments: Fragments; sessionYear: string | null }> {
  const cursors = parts.map((part, i) => ({
    records: indexes[i]!.records as readonly RecordSummary[],
    at: 0,
    fragments: readFragments(part),
  }));
  for (;;) {
    let best: (typeof cursors)[number] | null = null;
    for (const c of cursors) {
      if (c.at >= c.records.length) continue;
      if (best === null || c.records[c.at]!.id < best.records[best.at]!.id) best = c;
    }
    if (best === null) return;
    const next = await best.fragments.next();
    if (next.done === true) {
      throw new KamervragenError(
        'merge/part',
        'a part has fewer records in fragments.ndjson than partition.json lists',
        {},
      );
    }
    const record = best.records[best.at]!;
    best.at += 1;
    yield { fragments: next.value, sessionYear: record.session_year };
  }
}
