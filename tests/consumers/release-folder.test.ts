import { DuckDBInstance } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../pipeline/export/tables.ts';
import { runCli } from '../support/run-cli.ts';
import { itWith, PYTHON, pythonModule } from '../support/system-packages.ts';
import { makeWorkspace, removeWorkspaces } from '../build/workspace.ts';
import { loadTables, rows } from './duckdb-tables.ts';

const PANDAS = pythonModule('pandas', 'python3-pandas');
let folder: string;
let version: string;
let counts: Record<string, number>;

beforeAll(async () => {
  const ws = await makeWorkspace();
  const release = await runCli(
    ['release', '--documents', 'documents', '--out', 'dist', '--target', 'dir:releases', '--json'],
    { cwd: ws.dir },
  );
  expect(release.code, release.stderr).toBe(0);
  ({ version } = JSON.parse(release.stdout) as { version: string });
  folder = join(ws.dir, 'releases', version);
  ({ counts } = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as {
    counts: Record<string, number>;
  });
});
afterAll(removeWorkspaces);

// Without -c: the same coreutils sha256sum, so the check stays as a downloader runs it.
const sha256sum = (...args: string[]) =>
  spawnSync('sha256sum', args, { cwd: folder, encoding: 'utf8' });

describe('a local release folder, as a downloader checks it', () => {
  it('DuckDB reads the released tables with the types the released datapackage.json declares', async () => {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    try {
      const connection = await loadTables(instance, folder, `kamervragen-${version}.ndjson`);
      for (const table of TABLES) {
        const [count] = await rows(
          connection,
          `SELECT count(*)::INTEGER AS n FROM "${table.name}"`,
        );
        // The manifest counts the nested entities; the link table has rows of its own.
        if (table.name === 'question_answers') expect(count?.n).toBeGreaterThan(0);
        else expect(count?.n, table.name).toBe(counts[table.name]);
      }
      const [records] = await rows(connection, 'SELECT count(*)::INTEGER AS n FROM records');
      expect(records?.n).toBe(counts.documents);
      expect(counts.questions).toBeGreaterThan(0);
      connection.closeSync();
    } finally {
      instance.closeSync();
    }
  });

  itWith(PANDAS, 'pandas reads the released tables with the declared types', () => {
    const pandas = spawnSync(
      PYTHON,
      [new URL('./read_with_pandas.py', import.meta.url).pathname, folder],
      { encoding: 'utf8' },
    );
    expect(pandas.status, pandas.stderr).toBe(0);
    const report = JSON.parse(pandas.stdout) as Record<string, { rows: number }>;
    for (const table of TABLES)
      if (table.name === 'question_answers') expect(report[table.name]?.rows).toBeGreaterThan(0);
      else expect(report[table.name]?.rows, table.name).toBe(counts[table.name]);
  });

  // Last: it changes a byte of the folder.
  it('verifies with `sha256sum -c SHA256SUMS`, covers every asset, and catches a changed byte', async () => {
    const check = sha256sum('-c', 'SHA256SUMS');
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

    await appendFile(join(folder, 'questions.csv'), 'x');
    const tampered = sha256sum('-c', 'SHA256SUMS');
    expect(tampered.status).not.toBe(0);
    expect(tampered.stdout).toContain('questions.csv: FAILED');
  });
});
