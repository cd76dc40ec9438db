// A build worker thread: analyses the documents the main thread names, one message each, and
// transfers each encoded entry's memory back instead of copying it. Documents are analysed one
// at a time in the order given, so the main thread knows which one a stalled thread is on.
import { parentPort, workerData } from 'node:worker_threads';
import { analyseEntry } from './parse-pool.ts';
import type { SourceEntry } from './read-sources.ts';

export interface WorkerTask {
  id: number;
  entry: SourceEntry;
}

const { version, cwd } = workerData as { version: string; cwd: string };
let queue: Promise<void> = Promise.resolve();
// Loaded: the time limit of the first document starts now, not while the parser loads.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (task: WorkerTask) => {
  queue = queue.then(() =>
    analyseEntry(task.entry, version, cwd).then(
      (result) =>
        parentPort?.postMessage(
          { id: task.id, result },
          result.packed === null ? [] : [result.packed.bytes.buffer as ArrayBuffer],
        ),
      (error: unknown) =>
        parentPort?.postMessage({
          id: task.id,
          error: error instanceof Error ? error.message : String(error),
        }),
    ),
  );
});
