// Two builds of the same documents into different folders, at once, share the default record
// cache. Each must write a dataset equal to a build without any cache, in every round, and so
// must a plain build afterwards (a cache damaged by the race must not stay damaged).
import { appendFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyDocuments, digests, removeWorkspaces, runToEnd, start, workspace } from './support.ts';

afterAll(removeWorkspaces);

describe('builds sharing the record cache', () => {
  it('two concurrent builds never publish bad files, and the cache does not stay poisoned', async () => {
    const ws = await workspace('shared-cache');
    await mkdir(join(ws, 'documents'));
    const added = await copyDocuments(join(ws, 'documents'), 60);
    const build = (out: string, ...more: string[]) => [
      'build',
      '--out',
      out,
      '--quarantine',
      ...more,
    ];
    for (let round = 0; round < 4; round++) {
      // A changed document each round, so both builds parse and append to the cache.
      await appendFile(join(ws, 'documents', added[round]!), '\n');
      const [a, b] = [start(build('out1'), ws), start(build('out2'), ws)];
      const [ra, rb] = await Promise.all([a.done, b.done]);
      expect(ra.code, ra.stderr).toBe(0);
      expect(rb.code, rb.stderr).toBe(0);
      const fresh = await runToEnd(build('fresh', '--no-cache'), ws);
      expect(fresh.code, fresh.stderr).toBe(0);
      const expected = await digests(join(ws, 'fresh'));
      expect(await digests(join(ws, 'out1')), `round ${round}`).toEqual(expected);
      expect(await digests(join(ws, 'out2')), `round ${round}`).toEqual(expected);
    }
    const plain = await runToEnd(build('out3'), ws);
    expect(plain.code, plain.stderr).toBe(0);
    expect(await digests(join(ws, 'out3'))).toEqual(await digests(join(ws, 'fresh')));
    // The lock of the cache is gone with the builds.
    const cache = join(ws, '.cache', 'kamervragen');
    for (const dir of await readdir(cache))
      expect(await readdir(join(cache, dir))).not.toContain('.kamervragen.lock');
  }, 600_000);
});
