// A full disk under the output folder, the cache, the release folder or the site: a real small
// tmpfs. Each command must end (no hang), exit 1 with an I/O error naming a path, and leave no
// lock or staging folder behind.
// Mounting needs root (CI runs as root); elsewhere the cases are skipped with a note.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDocuments, hidden, removeWorkspaces, runToEnd, workspace } from './support.ts';

let ws = '';
let mounted: string[] = [];
let canMount = false;

function mount(dir: string, size: string, readOnly = false): void {
  const options = `size=${size}${readOnly ? ',ro' : ''}`;
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
  mounted.push(dir);
}

beforeAll(async () => {
  ws = await workspace('full-disk');
  await mkdir(join(ws, 'documents'));
  await copyDocuments(join(ws, 'documents'), 40);
  await mkdir(join(ws, 'probe'));
  try {
    mount(join(ws, 'probe'), '16k');
    canMount = true;
  } catch {
    console.log('full-disk tests skipped: mounting a tmpfs is not permitted here (needs root)');
  }
});

afterAll(async () => {
  for (const dir of mounted.reverse()) execFileSync('umount', [dir], { stdio: 'pipe' });
  mounted = [];
  await removeWorkspaces();
});

describe('a full disk', () => {
  // Sizes that fill up in different places: the record files, the small files, the renames.
  for (const size of ['24k', '120k', '300k']) {
    it(`under the output folder (${size}) is an I/O error, not a hang or a bug`, async (t) => {
      if (!canMount) return t.skip();
      const disk = join(ws, `out-${size}`);
      await mkdir(disk);
      mount(disk, size);
      const r = await runToEnd(
        ['build', '--out', join(disk, 'out'), '--quarantine'],
        ws,
        {},
        90_000,
      );
      expect(r.signal, 'the build hung').toBeNull();
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/error io\/(enospc|short-write)/);
      expect(r.stderr).toContain(disk);
      expect(r.stderr).not.toMatch(/internal error|a bug/);
      expect(await hidden(join(disk, 'out'))).toEqual([]);
    });
  }

  it('under the cache is an I/O error naming the pack', async (t) => {
    if (!canMount) return t.skip();
    const disk = join(ws, 'cache-disk');
    await mkdir(disk);
    mount(disk, '100k');
    const r = await runToEnd(
      ['build', '--out', 'out-cache', '--quarantine', '--cache', join(disk, 'cache')],
      ws,
      {},
      90_000,
    );
    expect(r.signal, 'the build hung').toBeNull();
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/\.pack: error io\/(enospc|short-write)/);
    expect(await readdir(join(disk, 'cache'))).not.toContain('.kamervragen.lock');
    expect(await hidden(join(ws, 'out-cache'))).toEqual([]);
  });

  /** A command that ran out of room: an I/O error naming a path under `disk`, nothing hidden left. */
  const expectIoError = async (r: Awaited<ReturnType<typeof runToEnd>>, disk: string) => {
    expect(r.signal, 'the command hung').toBeNull();
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/error io\/(enospc|short-write)/);
    expect(r.stderr).toContain(disk);
    expect(r.stderr).not.toMatch(/internal error|a bug|Unhandled/);
    expect(await hidden(disk)).toEqual([]);
  };

  for (const size of ['24k', '300k']) {
    it(`under the release's --out folder (${size}) is an I/O error`, async (t) => {
      if (!canMount) return t.skip();
      const disk = join(ws, `release-out-${size}`);
      await mkdir(disk);
      mount(disk, size);
      const args = [
        'release',
        '--out',
        join(disk, 'dist'),
        '--target',
        `dir:${join(ws, `rel-${size}`)}`,
      ];
      await expectIoError(await runToEnd([...args, '--quarantine'], ws, {}, 90_000), disk);
    });
  }

  it('under the release folder (the dir: target) is an I/O error', async (t) => {
    if (!canMount) return t.skip();
    const disk = join(ws, 'release-target');
    await mkdir(disk);
    mount(disk, '200k');
    const args = ['release', '--out', 'dist-target', '--target', `dir:${join(disk, 'releases')}`];
    await expectIoError(await runToEnd([...args, '--quarantine'], ws, {}, 90_000), disk);
  });

  it('a read-only release folder is an I/O error naming it', async (t) => {
    if (!canMount) return t.skip();
    const disk = join(ws, 'release-read-only');
    await mkdir(disk);
    mount(disk, '1m', true);
    const args = ['release', '--out', 'dist-ro', '--target', `dir:${join(disk, 'releases')}`];
    const r = await runToEnd([...args, '--quarantine'], ws, {}, 90_000);
    expect(r.code, r.stderr).toBe(1);
    // Node's recursive mkdir reports a read-only parent as ENOENT; a plain mkdir says EROFS.
    expect(r.stderr).toMatch(/error io\/(erofs|enoent)/);
    expect(r.stderr).toContain(disk);
    expect(r.stderr).not.toMatch(/internal error|a bug|Unhandled/);
  });

  it("under the site's --out folder is an I/O error", async (t) => {
    if (!canMount) return t.skip();
    const release = ['release', '--out', 'site-data', '--target', 'dir:site-releases'];
    const built = await runToEnd([...release, '--quarantine'], ws, {}, 90_000);
    expect(built.code, built.stderr).toBe(0);
    const disk = join(ws, 'site-disk');
    await mkdir(disk);
    mount(disk, '120k');
    const args = [
      'site',
      '--data',
      'site-data',
      '--releases',
      'site-releases',
      '--out',
      join(disk, 'site'),
    ];
    await expectIoError(await runToEnd(args, ws, {}, 90_000), disk);
    // No half-written site (site.partial) and no spilled records are left on the full disk.
    expect(await readdir(disk)).toEqual([]);
  });
});
