import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { QUARANTINE_FILE } from '../../pipeline/build/quarantine-file.ts';
import { isYearFileName } from '../../pipeline/build/year-files.ts';
import { ROOT, runCli } from '../support/run-cli.ts';
import { makeWorkspace, removeWorkspaces, snapshot } from './workspace.ts';

afterAll(removeWorkspaces);

const DIST = join(ROOT, 'dist');
const isCommitted = (name: string) =>
  isYearFileName(name) || name === QUARANTINE_FILE || name === 'datapackage.json';
const MANIFEST = join(DIST, 'manifest.json');

// Builds from the real documents/ (read only) into a temp folder, with the committed release
// manifest fixing the version, as `npm start` would.
async function freshBuild(extraEnv: NodeJS.ProcessEnv = {}): Promise<Map<string, Buffer>> {
  const ws = await makeWorkspace(false);
  const result = await runCli(['build', '--out', ws.out, '--manifest', MANIFEST], {
    env: extraEnv,
  });
  expect(result.code, result.stderr).toBe(0);
  return snapshot(ws.out);
}

describe('reproducible dist/', () => {
  it('building twice gives byte-identical files', async () => {
    const [a, b] = [await freshBuild(), await freshBuild()];
    expect(a.size).toBeGreaterThan(8);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
  });

  it('the committed dist/ is exactly what the pipeline builds from documents/ (else run `npm start` and commit dist/)', async () => {
    const fresh = await freshBuild();
    const committed = await snapshot(DIST);
    // dist/ holds the committed form only: the year files, datapackage.json and quarantine.json
    // (with the release's own small files); the single-file downloads are release assets.
    const kept = [...fresh].filter(([name]) => isCommitted(name));
    expect(kept.length).toBeGreaterThan(2);
    for (const name of committed.keys())
      if (isYearFileName(name))
        expect(fresh.has(name), `dist/${name} is not built any more`).toBe(true);
    for (const [name, bytes] of kept) {
      const have = committed.get(name);
      expect(have, `dist/${name} is missing: run \`npm start\` and commit dist/`).toBeDefined();
      expect(
        have?.equals(bytes),
        `dist/${name} differs from a fresh build: run \`npm start\` and commit dist/`,
      ).toBe(true);
    }
  });

  it('the committed dist/ is what git has, not an uncommitted local build', () => {
    // Only the files the build writes: dist/ also holds release and site output that others own.
    const built = ['dist/data', 'dist/datapackage.json', `dist/${QUARANTINE_FILE}`];
    const status = spawnSync('git', ['status', '--porcelain', '--', ...built], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (status.status !== 0) return; // not a git checkout (a source archive): the byte comparison above still holds
    const changed = status.stdout.split('\n').filter((l) => l !== '');
    expect(
      changed,
      'dist/ has uncommitted changes: commit them with the documents and code that made them',
    ).toEqual([]);
  });

  it('takes its date from SOURCE_DATE_EPOCH when given, and nothing else changes', async () => {
    const plain = await freshBuild();
    const dated = await freshBuild({ SOURCE_DATE_EPOCH: '1700000000' });
    const created = (files: Map<string, Buffer>) =>
      (JSON.parse(files.get('datapackage.json')?.toString() ?? '{}') as { created?: string })
        .created;
    if (!existsSync(MANIFEST)) expect(created(dated)).toBe('2023-11-14T00:00:00Z');
    expect(created(plain)).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    for (const [name, bytes] of plain)
      if (name !== 'datapackage.json') expect(dated.get(name)?.equals(bytes), name).toBe(true);
  });
});
