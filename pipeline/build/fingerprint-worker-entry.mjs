// Worker-thread entry for fingerprints(): stats the documents while the main thread loads the
// cache index. Registers the TypeScript loader (workers do not inherit it), then answers once.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { fingerprints } = await import('./source-fingerprint.ts');
parentPort?.postMessage(fingerprints(workerData.entries, workerData.racyAfter, workerData.cwd));
