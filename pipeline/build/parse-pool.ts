// Parsing is CPU-bound and independent per file, so the build spreads it over worker threads.
// A worker gets only a document's path: it reads the file and its sidecar, hashes them for the
// cache key, parses, validates and encodes the record's export bytes itself, and hands the
// encoded entry back without copying (a transferred buffer). The main thread is left with the
// bookkeeping and the writing. Outcomes do not depend on which thread made them (analyseSource is
// pure), and the build keeps path order itself, so the output is the same with any number of workers.
//
// The threads are also where the limits per document hold (see pipeline/extract/limits.ts): a
// thread parses its documents one at a time, in the order it was given them, so the main thread
// knows which document a thread is on; one that takes longer than the time limit, or needs more
// heap than the thread has, is named in a parse/time-limit or parse/memory-limit error, the
// thread is replaced, and the documents queued behind it go to the new thread.
import { PARSER_HEAP_MB, PARSE_TIME_LIMIT_SECONDS } from '../extract/limits.ts';
import { analyseSource } from './analyse-source.ts';
import { ParserThreads, THREAD_START_LIMIT_MS } from './parser-threads.ts';
import { prepareOutcome, type PreparedOutcome } from './prepare-record.ts';
import { readEntry, type SourceEntry } from './read-sources.ts';
import { encodeEntry, sourceKey, type CachedOutcome, type PackedEntry } from './record-cache.ts';
import type { SourceFile } from '../types.ts';

/** One document analysed: its cache key and entry, or (unreadable) only its diagnostics. */
export interface AnalysedEntry {
  key: string | null;
  outcome: CachedOutcome;
  packed: PackedEntry | null;
}

export interface Analyser {
  /** How many files may usefully be in flight at once. */
  readonly concurrency: number;
  analyse(entry: SourceEntry): Promise<AnalysedEntry>;
  close(): Promise<void>;
}

export interface AnalyserLimits {
  /** Time one document may take on a thread (default PARSE_TIME_LIMIT_SECONDS). */
  timeLimitMs?: number | undefined;
  /** Heap of one thread, in MiB (default PARSER_HEAP_MB). */
  heapMb?: number | undefined;
  /** Time a thread may take to load the parser (default THREAD_START_LIMIT_MS). */
  startLimitMs?: number | undefined;
}

/**
 * Analyses on `workers` threads (at least one, so the limits hold); with 0 everything runs on
 * the calling thread, without the time and memory limits.
 */
export function createAnalyser(
  workers: number,
  version: string,
  cwd = process.cwd(),
  limits: AnalyserLimits = {},
): Analyser {
  const inline = (entry: SourceEntry) => analyseEntry(entry, version, cwd);
  if (workers <= 0) return { concurrency: 2, analyse: inline, close: async () => {} };
  const threads = new ParserThreads(workers, { version, cwd }, inline, {
    timeLimitMs: limits.timeLimitMs ?? PARSE_TIME_LIMIT_SECONDS * 1000,
    heapMb: limits.heapMb ?? PARSER_HEAP_MB,
    startLimitMs: limits.startLimitMs ?? THREAD_START_LIMIT_MS,
  });
  return {
    concurrency: workers * 8,
    analyse: (entry) => threads.analyse(entry),
    close: () => threads.close(),
  };
}

/** Reads, keys, analyses and encodes one document (what a worker does with a path). */
export async function analyseEntry(
  entry: SourceEntry,
  version: string,
  cwd: string,
): Promise<AnalysedEntry> {
  const source = await readEntry(entry, cwd);
  if ('rejected' in source)
    return { key: null, outcome: { record: null, diagnostics: source.rejected }, packed: null };
  const key = sourceKey(version, source);
  const prepared = await analysePrepared(source);
  return {
    key,
    outcome: { record: prepared.record, diagnostics: prepared.diagnostics },
    packed: encodeEntry(key, prepared, source.path),
  };
}

/** analyseSource, then the summary and export bytes of the record. */
export async function analysePrepared(source: SourceFile): Promise<PreparedOutcome> {
  return prepareOutcome(await analyseSource(source));
}
