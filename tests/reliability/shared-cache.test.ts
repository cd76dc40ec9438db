// Builds running at once share one record cache: two builds of the same documents (the default
// cache is per documents folder), or of two folders given the same --cache. Each must write a
// dataset equal to a build without any cache, in every round, and so must a plain build
// afterwards (a cache damaged by the race must not stay damaged).
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

  it('builds of two folders sharing one --cache do not damage each other or the cache', async () => {
    const ws = await workspace('shared-cache-two');
    const folders = ['a', 'b'];
    let added: string[] = [];
    for (const f of folders) {
      await mkdir(join(ws, f, 'documents'), { recursive: true });
      added = await copyDocuments(join(ws, f, 'documents'), 60);
    }
    const cache = join(ws, 'cache');
    const build = (f: string, out: string, ...more: string[]) => [
      'build',
      '--documents',
      join(f, 'documents'),
      '--out',
      join(f, out),
      '--quarantine',
      ...more,
    ];
    for (let round = 0; round < 3; round++) {
      // Different documents change in each folder (by different amounts), so the two builds
      // append different entries to the one cache at the same time.
      for (const [i, f] of folders.entries())
        for (let k = 0; k < 6; k++) {
          const name = added[(round * 12 + i * 6 + k) % added.length]!;
          await appendFile(join(ws, f, 'documents', name), '\n'.repeat(1 + i + k));
        }
      const runs = folders.map((f) => start(build(f, 'out', '--cache', cache), ws));
      for (const r of await Promise.all(runs.map((r) => r.done))) expect(r.code, r.stderr).toBe(0);
      for (const f of folders) {
        const fresh = await runToEnd(build(f, 'fresh', '--no-cache'), ws);
        expect(fresh.code, fresh.stderr).toBe(0);
        const expected = await digests(join(ws, f, 'fresh'));
        expect(await digests(join(ws, f, 'out')), `${f}, round ${round}`).toEqual(expected);
      }
    }
    // Plain builds afterwards, one at a time, still write the right data.
    for (const f of folders) {
      const plain = await runToEnd(build(f, 'again', '--cache', cache), ws);
      expect(plain.code, plain.stderr).toBe(0);
      expect(await digests(join(ws, f, 'again'))).toEqual(await digests(join(ws, f, 'fresh')));
    }
  }, 600_000);
});
