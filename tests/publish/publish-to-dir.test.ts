import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reconcileAssets } from '../../pipeline/publish/github/reconcile-assets.ts';
import { parseTarget } from '../../pipeline/publish/parse-target.ts';
import { publishToDir } from '../../pipeline/publish/publish-to-dir.ts';
import { makeBundle, sha256 } from './support/bundle.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'kv-dir-'));
  dirs.push(d);
  return d;
};

describe('publishing to a local folder', () => {
  it('writes PATH/X.Y.Z/ whole, and confirms it on the next run without writing', async () => {
    const root = scratch();
    const bundle = makeBundle('1.0.0');
    expect((await publishToDir(root, bundle, false)).action).toBe('created');
    expect(readdirSync(root)).toEqual(['1.0.0']); // no temp folder left behind
    for (const a of bundle.assets)
      expect(sha256(readFileSync(join(root, '1.0.0', a.name)))).toBe(a.sha256);
    expect((await publishToDir(root, bundle, false)).action).toBe('exists');
  });

  it('removes temp folders of killed runs, never those of a live one', async () => {
    const root = scratch();
    const dead = spawnSync('true').pid!; // a process that has exited
    const stale = `.1.0.0.partial-${dead}-0a1b2c`;
    const live = `.1.0.0.partial-${process.ppid}-0a1b2c`;
    for (const name of [stale, live]) {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'half.json'), '{');
    }
    expect((await publishToDir(root, makeBundle('1.0.0'), false)).action).toBe('created');
    expect(readdirSync(root).sort()).toEqual([live, '1.0.0'].sort());
  });

  it('lets only one of two simultaneous runs create a version; the other confirms it', async () => {
    const root = scratch();
    const bundle = makeBundle('1.0.0');
    const results = await Promise.all([
      publishToDir(root, bundle, false),
      publishToDir(root, bundle, false),
    ]);
    expect(results.map((r) => r.action).sort()).toEqual(['created', 'exists']);
    expect(readdirSync(root)).toEqual(['1.0.0']);
  });

  it('refuses a version that is there with other content, and changes nothing', async () => {
    const root = scratch();
    await publishToDir(root, makeBundle('1.0.0', 1), false);
    writeFileSync(join(root, '1.0.0', 'extra.txt'), 'x');
    await expect(publishToDir(root, makeBundle('1.0.0', 1), false)).rejects.toThrow(
      /extra\.txt is not part of this release/,
    );
    await expect(publishToDir(root, makeBundle('1.0.0', 2), false)).rejects.toThrow(
      /already released here with different content/,
    );
  });

  it('--dry-run plans every file and writes nothing', async () => {
    const root = join(scratch(), 'releases');
    const bundle = makeBundle('2.0.0');
    const result = await publishToDir(root, bundle, true);
    expect(result.action).toBe('planned');
    expect(result.steps.map((s) => s.asset?.name)).toEqual(bundle.assets.map((a) => a.name));
    expect(() => readdirSync(root)).toThrow();
  });
});

describe('targets and asset reconciliation', () => {
  it('parses dir: and github: targets and rejects anything else as wrong usage', () => {
    expect(parseTarget('dir:dist/releases')).toEqual({ kind: 'dir', path: 'dist/releases' });
    expect(parseTarget('github:octo-org/kamervragen.data')).toEqual({
      kind: 'github',
      owner: 'octo-org',
      repo: 'kamervragen.data',
    });
    for (const bad of ['local:x', 'github:noslash', 'dir:', 'github:a/b/c', 'dist/releases']) {
      expect(() => parseTarget(bad)).toThrow(expect.objectContaining({ exitCode: 2 }));
    }
  });

  it('deletes starter and stray assets, skips matching ones, uploads the rest, flags differing ones', () => {
    const files = makeBundle('1.0.0').assets;
    const [a, b, c, d] = files;
    const digest = (hex: string) => `sha256:${hex}`;
    const actions = reconcileAssets(
      [
        {
          id: 1,
          name: a!.name,
          state: 'uploaded',
          size: a!.bytes,
          digest: digest(a!.sha256),
        },
        { id: 2, name: b!.name, state: 'starter', size: 0, digest: null },
        { id: 3, name: 'stray.txt', state: 'uploaded', size: 1, digest: 'sha256:00' },
        { id: 4, name: c!.name, state: 'uploaded', size: c!.bytes, digest: 'sha256:ffff' },
        { id: 5, name: d!.name, state: 'uploaded', size: d!.bytes, digest: null },
      ],
      files,
    );
    expect(actions.map((x) => `${x.kind} ${'asset' in x ? x.asset.name : x.file.name}`)).toEqual([
      `skip ${a!.name}`,
      `delete ${b!.name}`,
      'delete stray.txt',
      `conflict ${c!.name}`,
      `check-content ${d!.name}`,
      `upload ${b!.name}`,
      `upload ${files[4]!.name}`,
    ]);
  });
});
