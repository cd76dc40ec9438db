// The build as one call, shared by `kamervragen build`, pipeline/scripts/build.ts and the release
// command: read documents/, parse and validate, export into the output folder. I/O lives here
// and in read-sources.ts / write-files.ts; every step in between is pure.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KamervragenError, type Diagnostic } from '../errors.ts';
import { parseManifest, MANIFEST_NAME } from '../package/manifest.ts';
import type { Manifest } from '../package/release-types.ts';
import type { SourceFile } from '../types.ts';
import { SCHEMA_VERSION } from '../validate/schema.ts';
import { buildRecords, type QuarantinedFile, type RecordsResult } from './build-records.ts';
import { createAnalyser, defaultWorkers, type Analyser } from './parse-pool.ts';
import { inRange, partitionKey, writePartition, type PartitionRange } from './partition.ts';
import { planFromSummaries } from './plan-from-summaries.ts';
import type { RecordSummary } from './prepare-record.ts';
import { quarantineJson, QUARANTINE_FILE } from './quarantine-file.ts';
import { listSources } from './read-sources.ts';
import {
  defaultCacheDir,
  openRecordCache,
  type CachedOutcome,
  type RecordCache,
} from './record-cache.ts';
import { writeDataset } from './write-dataset.ts';

export interface BuildOptions {
  /** Folder of source documents (default documents). */
  documents: string;
  /** Output folder (default dist). */
  out: string;
  quarantine?: boolean;
  /** manifest.json of the last release, which fixes the version (default OUT/manifest.json). */
  manifest?: string;
  /** SOURCE_DATE_EPOCH, seconds: the only clock the build may use. */
  sourceDateEpoch?: number;
  /** Called before each source file is parsed (progress). */
  onFile?: (path: string, index: number, total: number) => void;
  /** Worker threads for parsing (default: one per core; 1 parses on the main thread). */
  workers?: number | undefined;
  /** Build only this range of session years, as a part for `kamervragen merge`. */
  partition?: PartitionRange | undefined;
  /** Folder of the parsed-record cache (default .cache/kamervragen/<documents folder hash>); null: none. */
  cache?: string | null | undefined;
}

export interface BuildSummary {
  ok: boolean;
  /** Files written into `out` (empty when the build failed). */
  written: string[];
  version: string | null;
  date: string | null;
  /** A summary of each record (the records themselves stay on disk, in the record store). */
  records: RecordSummary[];
  counts: { sources: number; documents: number; questions: number; answers: number };
  quarantined: QuarantinedFile[];
  diagnostics: Diagnostic[];
}

export async function runBuild(options: BuildOptions): Promise<BuildSummary> {
  const { count, files, diagnostics: listing } = await listSources(options.documents);
  // Outside OUT (which holds only the dataset), one folder per documents folder. Without
  // a cache the same store lives in a temporary folder for this build only: the export reads
  // every record's bytes back from it, so no build holds all records in memory.
  const temporary =
    options.cache === null ? await mkdtemp(join(tmpdir(), 'kamervragen-records-')) : null;
  try {
    const cache = await openRecordCache(
      temporary ?? options.cache ?? defaultCacheDir(options.documents),
    );
    const analyser = createAnalyser(options.workers ?? defaultWorkers());
    let result: RecordsResult<KeyedSummary>;
    try {
      result = await buildRecords<KeyedSummary>(files, {
        quarantine: options.quarantine === true,
        total: count,
        onFile: options.onFile,
        analyse: cachedAnalyse(cache, analyser),
        concurrency: analyser.concurrency,
      });
    } finally {
      await analyser.close();
    }
    if (options.partition !== undefined) {
      // A part keeps the records of its session years (and, for the open-start range, the
      // quarantined files); `kamervragen merge` puts the parts together.
      const range = options.partition;
      result = {
        ...result,
        records: result.records.filter((r) => inRange(partitionKey(r), range)),
        quarantined: inRange(partitionKey(null), range) ? result.quarantined : [],
      };
    }
    const written = !result.ok
      ? null
      : options.partition === undefined
        ? await exportRecords(options, result, cache)
        : await exportPartition(options, options.partition, count, result, cache);
    await cache.save();
    return summarise(count, listing, result, written);
  } finally {
    if (temporary !== null) await rm(temporary, { recursive: true, force: true });
  }
}

type KeyedSummary = RecordSummary & { key: string };

function summarise(
  count: number,
  listing: Diagnostic[],
  result: RecordsResult<KeyedSummary>,
  written: { names: string[]; version: string | null; date: string | null } | null,
): BuildSummary {
  const records = result.records.map(({ key: _key, ...summary }) => summary);
  return {
    ok: written !== null,
    written: written?.names ?? [],
    version: written?.version ?? null,
    date: written?.date ?? null,
    records,
    counts: {
      sources: count,
      documents: records.length,
      questions: records.reduce((n, r) => n + r.questions, 0),
      answers: records.reduce((n, r) => n + r.answers, 0),
    },
    quarantined: result.quarantined,
    diagnostics: [...listing, ...result.diagnostics],
  };
}

async function exportRecords(
  options: BuildOptions,
  result: RecordsResult<KeyedSummary>,
  cache: RecordCache,
): Promise<{ names: string[]; version: string | null; date: string | null }> {
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
  await cache.flush();
  const sorted = [...result.records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { written } = await writeDataset(
    options.out,
    (function* () {
      for (const record of sorted) yield cache.fragments(record.key);
    })(),
    meta,
    [{ name: QUARANTINE_FILE, chunks: () => [quarantineJson(result.quarantined)] }],
  );
  return { names: written, version: plan?.version ?? null, date: plan?.date ?? null };
}

async function exportPartition(
  options: BuildOptions,
  range: PartitionRange,
  sources: number,
  result: RecordsResult<KeyedSummary>,
  cache: RecordCache,
): Promise<{ names: string[]; version: null; date: null }> {
  await cache.flush();
  const sorted = [...result.records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const names = await writePartition(
    options.out,
    {
      range,
      sources,
      records: sorted.map(({ key: _key, ...summary }) => summary),
      quarantined: result.quarantined,
    },
    (function* () {
      for (const record of sorted) yield cache.fragments(record.key);
    })(),
  );
  return { names, version: null, date: null };
}

function cachedAnalyse(cache: RecordCache, analyser: Analyser) {
  return async (source: SourceFile) => {
    const key = cache.key(source);
    let outcome: CachedOutcome | undefined = cache.get(key);
    if (outcome === undefined) {
      const prepared = await analyser.analyse(source);
      cache.put(key, prepared);
      outcome = prepared;
    }
    return {
      record: outcome.record === null ? null : { ...outcome.record, key },
      diagnostics: outcome.diagnostics,
    };
  };
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
