// sha256 of streamed chunks, on the calling thread or on a helper thread (hash-worker.mjs).
// Hashing two gigabytes is over a second of CPU; on its own thread it overlaps the copying.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export interface StreamHash {
  /** Hashes `chunk`; when a promise comes back, `chunk` must not change until it settles. */
  update(chunk: Uint8Array): Promise<void> | undefined;
  digest(): Promise<string>;
  /** Whether chunks must live in shared memory (a SharedArrayBuffer). */
  readonly shared: boolean;
}

export function localHash(): StreamHash {
  const hash = createHash('sha256');
  return {
    shared: false,
    update(chunk) {
      hash.update(chunk);
      return undefined;
    },
    digest: () => Promise.resolve(hash.digest('hex')),
  };
}

export interface HashThread {
  /** A hash on the thread; chunks passed to it must be views of a SharedArrayBuffer. */
  hash(): StreamHash;
  close(): Promise<void>;
}

export function hashThread(): HashThread {
  const worker = new Worker(new URL('./hash-worker.mjs', import.meta.url), { execArgv: [] });
  worker.unref();
  // The thread answers every message, in order: one queue of waiting callers serves all files.
  const waiting: { resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
  const fail = (error: Error) => {
    for (const w of waiting.splice(0)) w.reject(error);
  };
  worker.on('message', (m: { digest?: string }) => waiting.shift()?.resolve(m.digest ?? ''));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the hashing thread stopped (exit code ${code})`)));
  const ask = (message: object) =>
    new Promise<string>((resolve, reject) => {
      waiting.push({ resolve, reject });
      worker.postMessage(message);
    });
  let files = 0;
  return {
    hash() {
      const file = files++;
      return {
        shared: true,
        update(chunk) {
          if (!(chunk.buffer instanceof SharedArrayBuffer))
            throw new Error('chunks for the hashing thread must be views of a SharedArrayBuffer');
          return ask({
            file,
            buffer: chunk.buffer,
            offset: chunk.byteOffset,
            length: chunk.length,
          }).then(() => undefined);
        },
        digest: () => ask({ file, digest: true }),
      };
    },
    async close() {
      await worker.terminate();
    },
  };
}
