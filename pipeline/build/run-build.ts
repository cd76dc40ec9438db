// The build as one call, shared by `kamervragen build` and the release command: read documents/,
// parse and validate, export into the output folder. I/O lives here and in the modules it calls
// for reading (read-sources.ts), the record cache and the export (export-records.ts,
// write-dataset.ts and the writers it calls); every step in between is pure.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasErrors, type Diagnostic } from '../errors.ts';
import { tryLock } from '../lock/folder-lock.ts';
import { buildRecords, type QuarantinedFile, type RecordsResult } from './build-records.ts';
import { completeSwitch, endSwitch } from './dataset-switch.ts';
import {
  byId,
  exportPartition,
  exportRecords,
  type KeyedSummary,
  type Written,
} from './export-records.ts';
import { inRange, partitionKey, sessionYearHint, type PartitionRange } from './partition.ts';
import type { RecordSummary } from './prepare-record.ts';
import { listEntries, type SourceEntry } from './read-sources.ts';
import {
  defaultCacheDir,
  fileSystemClock,
  openRecordCache,
  type CachedOutcome,
  type PackedEntry,
} from './record-cache.ts';
import { fingerprintsOnThread, RACY_MARGIN_MS } from './source-fingerprint.ts';
import { openDatasetWriter, type DatasetWriter } from './write-dataset.ts';

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
  /** Worker threads for parsing (default: one per core; 0 parses on the main thread). */
  workers?: number | undefined;
  /** Time one document may take to parse, in milliseconds (default PARSE_TIME_LIMIT_SECONDS). */
  parseTimeLimitMs?: number | undefined;
  /** Heap of one parser thread, in MiB (default PARSER_HEAP_MB). */
  parseHeapMb?: number | undefined;
  /** Build only this range of session years, as a part for `kamervragen merge`. */
  partition?: PartitionRange | undefined;
  /** Folder of the parsed-record cache (default .cache/kamervragen/<documents folder hash>); null: none. */
  cache?: string | null | undefined;
}

export interface BuildSummary {
  ok: boolean;
  /** Files written into `out` (empty when the build failed). */
  written: string[];
  /** Size and sha256 of each file `out` now holds, by name (data/… for the year files). */
  files: Record<string, { bytes: number; sha256: string }>;
  version: string | null;
  date: string | null;
  /** Documents parsed by this build; the others came from the cache without being read. */
  parsed: number;
  /** A summary of each record (the records themselves stay on disk, in the record store). */
  records: RecordSummary[];
  counts: { sources: number; documents: number; questions: number; answers: number };
  quarantined: QuarantinedFile[];
  diagnostics: Diagnostic[];
}

/** Below this many documents to parse, starting worker threads costs more than it saves. */
const MIN_FOR_THREADS = 200;

export async function runBuild(options: BuildOptions): Promise<BuildSummary> {
  // What OUT holds decides what is rewritten: first complete a switch an interrupted run left.
  if (await completeSwitch(options.out)) await endSwitch(options.out);
  const { entries: listed, diagnostics: listing } = await listEntries(options.documents);
  const count = listed.length;
  // A part of a partitioned build leaves out, unparsed, the documents whose file name puts
  // them in another part's session years.
  const range = options.partition;
  const entries =
    range === undefined
      ? listed
      : listed.filter((e) => {
          const hint = sessionYearHint(e.path);
          return hint === null || inRange(hint, range);
        });
  // Outside OUT (which holds only the dataset), one folder per documents folder. Without
  // a cache the same store lives in a temporary folder for this build only: the export reads
  // every record's bytes back from it, so no build holds all records in memory.
  // Builds of the same documents into different folders share the cache: one at a time writes
  // it (its lock), and a build that finds it taken uses a temporary store of its own.
  const shared =
    options.cache === null ? null : (options.cache ?? defaultCacheDir(options.documents));
  const cacheLock = shared === null ? null : await tryLock(shared, 'build');
  if (shared !== null && cacheLock === null)
    listing.push({
      severity: 'warning',
      code: 'build/cache-busy',
      message:
        'another build is using the cache of these documents; this build parses every document without it',
      file: shared,
    });
  const temporary =
    cacheLock === null ? await mkdtemp(join(tmpdir(), 'kamervragen-records-')) : null;
  let writer: DatasetWriter | null = null;
  try {
    const cacheDir = temporary ?? shared!;
    // Documents whose fingerprint is unchanged since the last build are neither read nor hashed.
    // The fingerprints are taken on another thread while this one loads the cache's index.
    const none = () => entries.map(() => null);
    const printing =
      temporary === null
        ? fingerprintsOnThread(entries, (await fileSystemClock(cacheDir)) - RACY_MARGIN_MS).catch(
            none, // without fingerprints every document is read, as in a first build
          )
        : Promise.resolve(none());
    const cache = await openRecordCache(cacheDir);
    // A first build has nothing to look up: its fingerprints are only kept for the next build,
    // so parsing does not wait for them.
    const prints = cache.remembersPaths ? await printing : null;
    const known = entries.map((e, i) => {
      const print = prints?.[i];
      return print === null || print === undefined ? undefined : cache.lookup(e.path, print);
    });
    /** Each document's cache key, remembered with its fingerprint at the end. */
    const keys: (string | null)[] = entries.map(() => null);
    const misses = known.filter((k) => k === undefined).length;
    const workers =
      options.workers ?? (misses < MIN_FOR_THREADS ? 1 : Math.max(1, availableParallelism()));
    // The parser, validator and exporter are loaded only when there is something to parse.
    const analyser =
      misses === 0
        ? null
        : (await import('./parse-pool.ts')).createAnalyser(workers, cache.version, undefined, {
            timeLimitMs: options.parseTimeLimitMs,
            heapMb: options.parseHeapMb,
          });
    // With most documents to parse, the export is written while they are parsed, in path order,
    // which is id order for documents named by their id; if the order turns out otherwise, the
    // export is written again from the cache once every record is known. With few, the records
    // may well be the ones the files already hold (documents written just before the last build
    // are read again, their fingerprints being racy then), and the files are kept or rewritten
    // from the cache once that is known.
    writer =
      options.partition === undefined && misses * 2 > entries.length
        ? await openDatasetWriter(options.out)
        : null;
    const fresh = new Map<string, PackedEntry>();
    let parsed = 0;
    const streamed: string[] = [];
    let lastId: string | null = null;
    const abandon = async () => {
      await writer?.abort();
      writer = null;
    };
    let result: RecordsResult<KeyedSummary>;
    try {
      result = await buildRecords<KeyedSummary, SourceEntry & { at: number }>(
        entries.map((e, at) => ({ ...e, at })),
        {
          quarantine: options.quarantine === true,
          total: entries.length,
          onFile: options.onFile,
          concurrency: analyser?.concurrency ?? 1,
          analyse: async (entry) => {
            const hit = known[entry.at];
            if (hit !== undefined) {
              keys[entry.at] = hit.key;
              return keyed(hit.key, hit.outcome, entry.path);
            }
            const analysed = await analyser!.analyse(entry);
            parsed += 1;
            if (analysed.key !== null && analysed.packed !== null) {
              cache.putPacked(analysed.key, analysed.packed, analysed.outcome);
              keys[entry.at] = analysed.key;
              if (writer !== null) fresh.set(entry.path, analysed.packed);
            }
            return keyed(analysed.key ?? '', analysed.outcome, entry.path);
          },
          onParsed: async (done) => {
            const packed = fresh.get(done.file);
            fresh.delete(done.file);
            if (writer === null || done.record === null || hasErrors(done.diagnostics)) return;
            if (lastId !== null && done.record.id <= lastId) return abandon();
            lastId = done.record.id;
            streamed.push(done.record.key);
            if (packed === undefined) {
              const { bytes, lengths } = cache.packedFragments(done.record.key);
              await writer.addPacked(bytes, lengths, done.record.session_year);
            } else {
              const start = packed.metaStart + packed.metaLength;
              await writer.addPacked(
                packed.bytes.subarray(start),
                packed.fragments,
                done.record.session_year,
              );
            }
          },
        },
      );
    } finally {
      await analyser?.close();
    }
    const printed = prints ?? (await printing);
    for (const [i, key] of keys.entries())
      if (key !== null) cache.remember(entries[i]!.path, printed[i] ?? null, key);
    if (range !== undefined) {
      // A part keeps the records and quarantined files of its session years (see partitionKey);
      // `kamervragen merge` puts the parts together.
      result = {
        ...result,
        records: result.records.filter((r) => inRange(partitionKey(r.file, r), range)),
        quarantined: result.quarantined.filter((q) => inRange(partitionKey(q.file, null), range)),
      };
    }
    if (!result.ok) await abandon();
    let written: Written | null = null;
    let saved = false;
    if (result.ok && options.partition !== undefined)
      written = await exportPartition(options, options.partition, count, result, cache);
    else if (result.ok) {
      const sorted = byId(result.records);
      // Streamed output stands only if it holds exactly the records, in id order.
      if (writer !== null && !sameKeys(streamed, sorted)) await abandon();
      // With the export already written, finishing it (closing, syncing, renaming) and saving
      // the cache touch different files and can overlap; otherwise the export reads the cache.
      const saving = writer !== null ? cache.save() : null;
      saved = saving !== null;
      try {
        written = await exportRecords(options, result, sorted, cache, writer);
      } finally {
        writer = null;
        await saving;
      }
    }
    if (!saved) await cache.save();
    return { ...summarise(count, listing, result, written), parsed };
  } finally {
    await (writer as DatasetWriter | null)?.abort();
    if (temporary !== null) await rm(temporary, { recursive: true, force: true });
    await cacheLock?.release();
  }
}

function keyed(
  key: string,
  outcome: CachedOutcome,
  file: string,
): { record: KeyedSummary | null; diagnostics: Diagnostic[] } {
  return {
    record: outcome.record === null ? null : { ...outcome.record, key, file },
    diagnostics: outcome.diagnostics,
  };
}

function sameKeys(streamed: readonly string[], sorted: readonly KeyedSummary[]): boolean {
  return streamed.length === sorted.length && sorted.every((r, i) => r.key === streamed[i]);
}

function summarise(
  count: number,
  listing: Diagnostic[],
  result: RecordsResult<KeyedSummary>,
  written: Written | null,
): Omit<BuildSummary, 'parsed'> {
  const records = result.records.map(({ key: _key, file: _file, ...summary }) => summary);
  return {
    ok: written !== null,
    written: written?.names ?? [],
    files: written?.files ?? {},
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
