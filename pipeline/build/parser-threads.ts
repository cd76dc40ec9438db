// The parser threads of a build and the limits per document they enforce (see parse-pool.ts and
// pipeline/extract/limits.ts). A thread parses its documents one at a time, in the order it was
// given them, so the first of its queue is the one it is on: that one is stopped by the time
// limit or the heap limit, the thread is replaced, and the rest of its queue goes to the new one.
// A worker that never loads the parser was on no document: its whole queue goes on, to the other
// threads or to the calling thread once a thread has failed three times.
import { Worker } from 'node:worker_threads';
import { KamervragenError, type Diagnostic } from '../errors.ts';
import type { AnalysedEntry } from './parse-pool.ts';
import type { SourceEntry } from './read-sources.ts';

interface Task {
  id: number;
  entry: SourceEntry;
  resolve: (o: AnalysedEntry) => void;
  reject: (e: Error) => void;
}

interface Thread {
  worker: Worker;
  /** What it was given and has not answered, in order: the first is the one it is parsing. */
  queue: Task[];
  timer: NodeJS.Timeout | null;
  /** Failures since its last answer: a thread that keeps failing is given up. */
  failures: number;
  /**
   * Runs until the worker has loaded the parser (null from then on; the time limit runs only
   * then): one that never loads would leave its queue waiting.
   */
  starting: NodeJS.Timeout | null;
}

type Failure = { code: string; message: string } | Error;

/**
 * How long a worker may take to load the parser: one that has not after this long is stuck (a
 * module loader that never answers), and is replaced like one that crashed.
 */
export const THREAD_START_LIMIT_MS = 60_000;

const WORKER = new URL('./parse-worker-entry.mjs', import.meta.url);

export class ParserThreads {
  private readonly threads: Thread[] = [];
  private next = 0;
  private closing = false;

  constructor(
    count: number,
    private readonly workerData: { version: string; cwd: string },
    /** Where documents go when no thread is left. */
    private readonly inline: (entry: SourceEntry) => Promise<AnalysedEntry>,
    private readonly limits: { timeLimitMs: number; heapMb: number; startLimitMs: number },
  ) {
    for (let i = 0; i < count; i++) {
      const thread: Thread = {
        worker: null as unknown as Worker,
        queue: [],
        timer: null,
        failures: 0,
        starting: null,
      };
      thread.worker = this.spawn(thread);
      this.threads.push(thread);
    }
  }

  analyse(entry: SourceEntry): Promise<AnalysedEntry> {
    return new Promise((resolve, reject) =>
      this.dispatch({ id: this.next++, entry, resolve, reject }),
    );
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const t of this.threads) stopTimers(t);
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private dispatch(task: Task): void {
    if (this.threads.length === 0) {
      this.inline(task.entry).then(task.resolve, task.reject);
      return;
    }
    // The least busy thread; files differ a lot in size, so round-robin would leave one idle.
    let thread = this.threads[0]!;
    for (const t of this.threads) if (t.queue.length < thread.queue.length) thread = t;
    this.post(thread, task);
  }

  private post(thread: Thread, task: Task): void {
    thread.queue.push(task);
    thread.worker.postMessage({ id: task.id, entry: task.entry });
    if (thread.queue.length === 1) this.startClock(thread);
  }

  /** Starts the time limit of the document the thread is now on. */
  private startClock(thread: Thread): void {
    if (thread.timer !== null) clearTimeout(thread.timer);
    thread.timer = null;
    if (thread.queue.length === 0 || this.closing || thread.starting !== null) return;
    const { timeLimitMs } = this.limits;
    thread.timer = setTimeout(() => {
      const seconds = Math.round(timeLimitMs / 100) / 10;
      this.replace(thread, {
        code: 'parse/time-limit',
        message: `parsing took longer than ${seconds} s, the limit per document (KAMERVRAGEN_PARSE_TIME_LIMIT); the file is not in the dataset`,
      });
    }, timeLimitMs);
  }

  // Ends the thread's worker: the document it was on gets `failure` (an error diagnostic, or a
  // rejection for a crash), a new worker takes the rest of its queue. A worker that had not
  // loaded yet was on no document: its whole queue goes on.
  private replace(thread: Thread, failure: Failure): void {
    const started = thread.starting === null;
    const head = started ? thread.queue[0] : undefined;
    const rest = started ? thread.queue.slice(1) : thread.queue;
    thread.queue = [];
    stopTimers(thread);
    void thread.worker.terminate();
    if (head !== undefined) {
      if (failure instanceof Error) head.reject(failure);
      else head.resolve(limitOutcome(head.entry.path, failure));
    }
    thread.failures += 1;
    if (thread.failures >= 3) {
      // A thread that cannot start or keeps dying: its documents go to the others (or inline).
      this.threads.splice(this.threads.indexOf(thread), 1);
      for (const task of rest) this.dispatch(task);
      return;
    }
    thread.worker = this.spawn(thread);
    for (const task of rest) this.post(thread, task);
  }

  private spawn(thread: Thread): Worker {
    // No inherited flags: a profiler flag would make every worker write its own profile.
    const worker = new Worker(WORKER, {
      execArgv: [],
      workerData: this.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb },
    });
    const current = () => thread.worker === worker && !this.closing;
    const { startLimitMs } = this.limits;
    thread.starting = setTimeout(
      () =>
        current() &&
        this.replace(thread, threadFailed(`not started after ${startLimitMs / 1000} s`)),
      startLimitMs,
    );
    worker.on(
      'message',
      (answer: { id: number; ready?: true; result?: AnalysedEntry; error?: string }) => {
        if (!current()) return;
        if (answer.ready) {
          if (thread.starting !== null) clearTimeout(thread.starting);
          thread.starting = null;
          return this.startClock(thread);
        }
        const at = thread.queue.findIndex((t) => t.id === answer.id);
        if (at < 0) return;
        const [task] = thread.queue.splice(at, 1);
        thread.failures = 0;
        if (answer.result !== undefined) task!.resolve(answer.result);
        else task!.reject(new Error(answer.error ?? 'unknown error'));
        if (at === 0) this.startClock(thread);
      },
    );
    worker.on('error', (error: Error & { code?: string }) => {
      if (!current()) return;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
        this.replace(thread, {
          code: 'parse/memory-limit',
          message: `parsing needed more than ${this.limits.heapMb} MiB of memory, the limit per document (KAMERVRAGEN_PARSE_MEMORY_LIMIT); the file is not in the dataset`,
        });
      else this.replace(thread, threadFailed(error.message));
    });
    worker.on('exit', (code) => {
      if (current()) this.replace(thread, threadFailed(`exit code ${code}`));
    });
    return worker;
  }
}

function stopTimers(thread: Thread): void {
  if (thread.timer !== null) clearTimeout(thread.timer);
  if (thread.starting !== null) clearTimeout(thread.starting);
  thread.timer = null;
  thread.starting = null;
}

function threadFailed(message: string): KamervragenError {
  return new KamervragenError('build/worker', `a parser worker thread failed (${message})`);
}

/** The outcome of a document stopped by a limit: not cached, so a later build tries again. */
function limitOutcome(file: string, failure: { code: string; message: string }): AnalysedEntry {
  const diagnostic: Diagnostic = { severity: 'error', file, ...failure };
  return { key: null, outcome: { record: null, diagnostics: [diagnostic] }, packed: null };
}
