import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashThread, localHash } from '../../pipeline/build/thread-hash.ts';

describe('hashing on a helper thread', () => {
  it('gives the sha256 of the chunks, per file, with chunk memory reused after each update', async () => {
    const thread = hashThread();
    try {
      const files = [thread.hash(), thread.hash(), localHash()];
      const expected = files.map(() => createHash('sha256'));
      const shared = Buffer.from(new SharedArrayBuffer(1 << 16));
      for (let round = 0; round < 40; round += 1) {
        for (const [i, file] of files.entries()) {
          // Views at the start of the memory and (as for aligned direct writes) inside it.
          const offset = round % 2 === 0 ? 0 : 496;
          const data = randomBytes(1 + ((round * 7919 + i * 104729) % (shared.length - offset)));
          data.copy(shared, offset);
          expected[i]!.update(data);
          await file.update(shared.subarray(offset, offset + data.length));
          shared.fill(0); // the hash is done with it: changing it now must not matter
        }
      }
      const digests = await Promise.all(files.map((f) => f.digest()));
      expect(digests).toEqual(expected.map((h) => h.digest('hex')));
    } finally {
      await thread.close();
    }
  });

  it('refuses a chunk that is not shared memory', () => {
    const thread = hashThread();
    try {
      expect(() => thread.hash().update(Buffer.alloc(4))).toThrow(/SharedArrayBuffer/);
    } finally {
      void thread.close();
    }
  });
});
