import { spawnSync } from 'node:child_process';
import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { makeWorkspace, removeWorkspaces } from '../build/workspace.ts';
import { PYTHON } from './datasets.ts';

afterAll(removeWorkspaces);

describe('a local release folder, as a downloader checks it', () => {
  it('verifies with `sha256sum -c SHA256SUMS`, covers every asset, and catches a changed byte', async () => {
    const ws = await makeWorkspace();
    const release = await runCli(
      [
        'release',
        '--documents',
        'documents',
        '--out',
        'dist',
        '--target',
        'dir:releases',
        '--json',
      ],
      { cwd: ws.dir },
    );
    expect(release.code, release.stderr).toBe(0);
    const { version } = JSON.parse(release.stdout) as { version: string };
    const folder = join(ws.dir, 'releases', version);

    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const verified = check.stdout
      .split('\n')
      .filter((l) => l.endsWith(': OK'))
      .map((l) => l.slice(0, -4));
    const assets = (await readdir(folder)).filter((n) => n !== 'SHA256SUMS');
    expect(verified.sort()).toEqual(assets.sort());
    expect(assets).toEqual(
      expect.arrayContaining(['datapackage.json', 'questions.csv', `kamervragen-${version}.json`]),
    );

    // pandas reads the released tables with the types the released datapackage.json declares.
    const pandas = spawnSync(
      PYTHON,
      [new URL('./read_with_pandas.py', import.meta.url).pathname, folder],
      { encoding: 'utf8' },
    );
    expect(pandas.status, pandas.stderr).toBe(0);
    const report = JSON.parse(pandas.stdout) as Record<
      string,
      { rows: number; primary_key_unique: boolean }
    >;
    expect(report.questions?.rows).toBeGreaterThan(0);

    await appendFile(join(folder, 'questions.csv'), 'x');
    const tampered = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], {
      cwd: folder,
      encoding: 'utf8',
    });
    expect(tampered.status).not.toBe(0);
    expect(tampered.stdout).toContain('questions.csv: FAILED');
  });
});
