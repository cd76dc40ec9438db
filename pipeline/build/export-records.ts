// The export step of a build: the record files written from the cache in id order (or kept when
// the last build wrote the same records and nobody touched them), the version planned from the
// last release's manifest, and a partition's part files.
import { createHash, type Hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KamervragenError } from '../errors.ts';
import { crossTableFiles } from '../export/cross-tables.ts';
import { PARQUET_FILES } from '../export/export-dataset.ts';
import { workbookYear } from '../export/xlsx-cells.ts';
import { parseManifest, MANIFEST_NAME } from '../package/manifest.ts';
import type { Manifest } from '../package/release-types.ts';
import { SCHEMA_VERSION } from '../validate/schema.ts';
import type { RecordsResult } from './build-records.ts';
import { writePartition, type PartitionRange } from './partition.ts';
import { planFromSummaries } from './plan-from-summaries.ts';
import type { RecordSummary } from './prepare-record.ts';
import { quarantineJson, QUARANTINE_FILE } from './quarantine-file.ts';
import type { ExportStamp, RecordCache } from './record-cache.ts';
import type { BuildOptions } from './run-build.ts';
import { finishDataset } from './finish-dataset.ts';
import {
  openDatasetWriter,
  RECORD_FILES,
  untouchedSince,
  type DatasetWriter,
} from './write-dataset.ts';
import { isYearFileName, NO_YEAR } from './year-files.ts';

export interface Written {
  names: string[];
  version: string | null;
  date: string | null;
  files?: Record<string, { bytes: number; sha256: string }>;
}

/** A record's summary with its cache key and source file, which the build keeps to itself. */
export type KeyedSummary = RecordSummary & { key: string; file: string };

export function byId(records: readonly KeyedSummary[]): KeyedSummary[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function recordsHash(sorted: readonly KeyedSummary[]): string {
  const hash = createHash('sha256');
  for (const r of sorted) hash.update(`${r.key}\n`);
  return hash.digest('hex');
}

// What each session year's workbook is made from. A cache key covers the document's bytes and
// the code (the workbook writer among it), so equal keys mean an equal workbook.
function yearKeys(sorted: readonly KeyedSummary[]): Map<string, string> {
  const hashes = new Map<string, Hash>();
  for (const r of sorted) {
    const year = r.session_year ?? NO_YEAR;
    let hash = hashes.get(year);
    if (hash === undefined) hashes.set(year, (hash = createHash('sha256')));
    hash.update(`${r.key}\n`);
  }
  return new Map([...hashes].map(([year, hash]) => [year, hash.digest('hex')]));
}

export async function exportRecords(
  options: BuildOptions,
  result: RecordsResult<KeyedSummary>,
  sorted: readonly KeyedSummary[],
  cache: RecordCache,
  streamed: DatasetWriter | null,
): Promise<Written> {
  // The version and date come from the last release's manifest and the documents, never the clock,
  // so rebuilding unchanged documents reproduces dist/ byte for byte.
  const previous = await readPreviousManifest(options.manifest ?? join(options.out, MANIFEST_NAME));
  const plan =
    result.records.length === 0 && previous === null
      ? null
      : planFromSummaries(result.records, previous, {
          schemaVersion: SCHEMA_VERSION,
          sourceDateEpoch: options.sourceDateEpoch,
        });
  const meta = plan === null ? {} : { version: plan.version, created: `${plan.date}T00:00:00Z` };
  const records = recordsHash(sorted);
  const stamp = await cache.stamp(options.out);
  // The same records as the files the last build wrote, which nobody touched since: those files
  // are already right.
  const keep =
    streamed === null &&
    stamp !== null &&
    stamp.records === records &&
    (await untouched(options.out, stamp));
  let writer = streamed;
  if (writer === null && !keep) {
    await cache.flush();
    writer = await openDatasetWriter(options.out);
    try {
      for (const record of sorted) {
        const { bytes, lengths } = cache.packedFragments(record.key);
        await writer.addPacked(bytes, lengths, record.session_year);
      }
    } catch (error) {
      await writer.abort();
      throw error;
    }
  }
  const finished = await finishDataset(
    options.out,
    writer,
    {
      meta,
      extra: [{ name: QUARANTINE_FILE, chunks: () => [quarantineJson(result.quarantined)] }],
      tables: crossTableFiles(sorted, plan?.date ?? null),
      stamp,
      keepRecordFiles: keep,
      years: yearKeys(sorted),
    },
    records,
  );
  await cache.setStamp(options.out, finished.stamp);
  const files = Object.fromEntries(
    Object.entries(finished.stamp.files).map(([name, f]) => [
      name,
      { bytes: f.bytes, sha256: f.sha256 },
    ]),
  );
  return {
    names: finished.written,
    version: plan?.version ?? null,
    date: plan?.date ?? null,
    files,
  };
}

async function untouched(out: string, stamp: ExportStamp): Promise<boolean> {
  const analyst = PARQUET_FILES.filter((name) => name in stamp.files);
  const perYear = Object.keys(stamp.files).filter(
    (name) => isYearFileName(name) || workbookYear(name) !== null,
  );
  const names = [...RECORD_FILES, ...analyst, ...perYear];
  for (const name of names) if (!(await untouchedSince(out, stamp.files, name))) return false;
  return true;
}

export async function exportPartition(
  options: BuildOptions,
  range: PartitionRange,
  sources: number,
  result: RecordsResult<KeyedSummary>,
  cache: RecordCache,
): Promise<{ names: string[]; version: null; date: null }> {
  await cache.flush();
  const sorted = byId(result.records);
  const names = await writePartition(
    options.out,
    {
      range,
      sources,
      records: sorted.map(({ key: _key, file: _file, ...summary }) => summary),
      quarantined: result.quarantined,
    },
    (function* () {
      for (const record of sorted) yield cache.fragments(record.key);
    })(),
  );
  return { names, version: null, date: null };
}

export async function readPreviousManifest(path: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new KamervragenError(
      'build/manifest',
      `cannot read the last release's manifest (${(error as Error).message})`,
      { file: path },
    );
  }
  return parseManifest(text, path);
}
