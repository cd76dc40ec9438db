// A build worker thread: analyses the source files the main thread sends, one message each.
import { parentPort } from 'node:worker_threads';
import type { SourceFile } from '../types.ts';
import { analysePrepared } from './parse-pool.ts';

export interface WorkerTask {
  id: number;
  source: SourceFile;
}

parentPort?.on('message', (task: WorkerTask) => {
  void analysePrepared(task.source).then((outcome) =>
    parentPort?.postMessage({ id: task.id, outcome }),
  );
});
