// Parsing is CPU-bound and independent per file, so the build spreads it over worker threads.
// A worker gets only a document's path: it reads the file and its sidecar, hashes them for the
// cache key, parses, validates and encodes the record's export bytes itself, and hands the
// encoded entry back without copying (a transferred buffer). The main thread is left with the
// bookkeeping and the writing. Outcomes do not depend on which thread made them (analyseSource is
// pure), and the build keeps path order itself, so the output is the same with any number of workers.
import { Worker } from 'node:worker_threads';
import { KamervragenError } from '../errors.ts';
import { analyseSource } from './analyse-source.ts';
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

/** Analyses on `workers` threads; with 1 (or 0) everything runs on the calling thread. */
export function createAnalyser(workers: number, version: string, cwd = process.cwd()): Analyser {
  const inline = (entry: SourceEntry) => analyseEntry(entry, version, cwd);
  if (workers <= 1) return { concurrency: 2, analyse: inline, close: async () => {} };
  const entry = new URL('./parse-worker-entry.mjs', import.meta.url);
  const pending = new Map<
    number,
    { resolve: (o: AnalysedEntry) => void; reject: (e: Error) => void }
  >();
  const load = new Map<Worker, Set<number>>();
  let next = 0;
  let closing = false;
  const threads: Worker[] = [];
  threads.push(
    ...Array.from({ length: workers }, () => {
      // No inherited flags: a profiler flag would make every worker write its own profile.
      const worker = new Worker(entry, { execArgv: [], workerData: { version, cwd } });
      const mine = new Set<number>();
      load.set(worker, mine);
      worker.on(
        'message',
        ({ id, result, error }: { id: number; result?: AnalysedEntry; error?: string }) => {
          mine.delete(id);
          const waiting = pending.get(id);
          pending.delete(id);
          if (result !== undefined) waiting?.resolve(result);
          else waiting?.reject(new Error(error ?? 'unknown error'));
        },
      );
      // A dead thread fails what it held (those files become parse/crash errors) and gets no more.
      const fail = (message: string) => {
        const at = threads.indexOf(worker);
        if (at >= 0) threads.splice(at, 1);
        for (const id of mine) {
          pending
            .get(id)
            ?.reject(
              new KamervragenError('build/worker', `a parser worker thread failed (${message})`),
            );
          pending.delete(id);
        }
        mine.clear();
      };
      worker.on('error', (error) => fail(error.message));
      worker.on('exit', (code) => {
        if (!closing && threads.includes(worker)) fail(`exit code ${code}`);
      });
      return worker;
    }),
  );
  return {
    concurrency: workers * 8,
    analyse(source) {
      if (threads.length === 0) return inline(source);
      const id = next++;
      // The least busy thread; files differ a lot in size, so round-robin would leave one idle.
      let worker = threads[0]!;
      for (const t of threads) if (load.get(t)!.size < load.get(worker)!.size) worker = t;
      load.get(worker)!.add(id);
      return new Promise<AnalysedEntry>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, entry: source });
      });
    },
    async close() {
      closing = true;
      await Promise.all(threads.map((t) => t.terminate()));
    },
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
    packed: encodeEntry(key, prepared),
  };
}

/** analyseSource, then the summary and export bytes of the record. */
export async function analysePrepared(source: SourceFile): Promise<PreparedOutcome> {
  return prepareOutcome(await analyseSource(source));
}
