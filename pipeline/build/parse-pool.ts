// Parsing is CPU-bound and independent per file, so the build spreads it over worker threads.
// Outcomes do not depend on which thread made them (analyseSource is pure), and the build keeps
// path order itself, so the output is the same with any number of workers.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { KamervragenError } from '../errors.ts';
import type { SourceFile } from '../types.ts';
import { analyseSource } from './analyse-source.ts';
import { prepareOutcome, type PreparedOutcome } from './prepare-record.ts';

export interface Analyser {
  /** How many files may usefully be in flight at once. */
  readonly concurrency: number;
  analyse(source: SourceFile): Promise<PreparedOutcome>;
  close(): Promise<void>;
}

/** The default: one worker per core the process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Analyses on `workers` threads; with 1 (or 0) everything runs on the calling thread. */
export function createAnalyser(workers: number): Analyser {
  if (workers <= 1) {
    return { concurrency: 1, analyse: analysePrepared, close: async () => {} };
  }
  const entry = new URL('./parse-worker-entry.mjs', import.meta.url);
  const pending = new Map<
    number,
    { resolve: (o: PreparedOutcome) => void; reject: (e: Error) => void }
  >();
  const load = new Map<Worker, Set<number>>();
  let next = 0;
  let closing = false;
  const threads: Worker[] = [];
  threads.push(
    ...Array.from({ length: workers }, () => {
      // No inherited flags: a profiler flag would make every worker write its own profile.
      const worker = new Worker(entry, { execArgv: [] });
      const mine = new Set<number>();
      load.set(worker, mine);
      worker.on('message', ({ id, outcome }: { id: number; outcome: PreparedOutcome }) => {
        mine.delete(id);
        pending.get(id)?.resolve(outcome);
        pending.delete(id);
      });
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
    concurrency: workers * 4,
    analyse(source) {
      if (threads.length === 0) return analysePrepared(source);
      const id = next++;
      // The least busy thread; files differ a lot in size, so round-robin would leave one idle.
      let worker = threads[0]!;
      for (const t of threads) if (load.get(t)!.size < load.get(worker)!.size) worker = t;
      load.get(worker)!.add(id);
      return new Promise<PreparedOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, source });
      });
    },
    async close() {
      closing = true;
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}

/** analyseSource, then the summary and export bytes of the record (what a worker returns). */
export async function analysePrepared(source: SourceFile): Promise<PreparedOutcome> {
  return prepareOutcome(await analyseSource(source));
}
