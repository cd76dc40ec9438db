// A build worker thread: analyses the source files the main thread sends, one message each.
import { parentPort } from 'node:worker_threads';
import type { SourceFile } from '../types.ts';
import { analyseSource } from './analyse-source.ts';

export interface WorkerTask {
  id: number;
  source: SourceFile;
}

parentPort?.on('message', (task: WorkerTask) => {
  void analyseSource(task.source).then((outcome) =>
    parentPort?.postMessage({ id: task.id, outcome }),
  );
});
