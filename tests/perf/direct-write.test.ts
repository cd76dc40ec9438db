import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALIGN, alignedView, openDirect } from '../../pipeline/build/direct-write.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('direct writes', () => {
  it('find an aligned view by probing, and write through it what the file then holds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kamervragen-direct-'));
    dirs.push(dir);
    const path = join(dir, 'out.bin');
    const plain = await open(path, 'w');
    const direct = await openDirect(path);
    try {
      // Where the file system refuses O_DIRECT (tmpfs, other systems) the writer goes through
      // the page cache instead; there is nothing more to check here then.
      if (direct === null) return;
      const size = 64 * 1024;
      const view = alignedView(direct, Buffer.allocUnsafeSlow(size + ALIGN), size);
      expect(view).not.toBeNull();
      const bytes = randomBytes(2 * size);
      for (let at = 0; at < bytes.length; at += size) {
        bytes.copy(view!, 0, at, at + size);
        await direct.write(view!, 0, size, at);
      }
      expect((await readFile(path)).equals(bytes)).toBe(true);
    } finally {
      await direct?.close();
      await plain.close();
    }
  });
});
