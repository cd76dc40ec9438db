// A helper thread that computes the sha256 of the record files while the main thread copies
// bytes and the thread pool writes them. Plain JavaScript, so it starts without the TypeScript
// loader. Chunks arrive in shared memory, in order, per file; each is acknowledged once hashed
// (then its buffer may be reused), and a digest request answers with the file's hash.
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';

const hashes = new Map();

parentPort?.on('message', (message) => {
  let hash = hashes.get(message.file);
  if (hash === undefined) {
    hash = createHash('sha256');
    hashes.set(message.file, hash);
  }
  if (message.digest === true) {
    hashes.delete(message.file);
    parentPort?.postMessage({ digest: hash.digest('hex') });
    return;
  }
  hash.update(new Uint8Array(message.buffer, message.offset, message.length));
  parentPort?.postMessage({});
});
