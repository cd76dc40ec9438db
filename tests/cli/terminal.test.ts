import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDataset } from '../../pipeline/export/export-dataset.ts';
import { runCli } from '../support/run-cli.ts';
import { makeDataset } from '../site/support/make-dataset.ts';
import { runInPty } from './support/run-in-pty.ts';

// The same commands on a terminal and through a pipe: bars and colours only on the terminal.
const ESC = '\u001b[';
let dir: string;
let staleDatapackage: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kamervragen-cli-'));
  await makeDataset(dir, 6);
  const descriptor = JSON.parse(
    [
      ...(exportDataset([])
        .find((f) => f.name === 'datapackage.json')
        ?.chunks() ?? []),
    ].join(''),
  ) as {
    resources: { schema: { fields: object[] } }[];
  };
  descriptor.resources[0]?.schema.fields.push({
    name: 'new_column',
    type: 'string',
    description: 'Not in the dictionary yet.',
  });
  staleDatapackage = join(dir, 'stale-datapackage.json');
  await writeFile(staleDatapackage, JSON.stringify(descriptor));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('on a terminal', () => {
  it('draws a progress bar on the same line and erases it, then prints the summary', async () => {
    const { code, output } = await runInPty(['site'], { cwd: dir });
    expect(code).toBe(0);
    expect(output).toMatch(/\rsite {2}\[[█░]{20}\] +\d+% \d+\/\d+/);
    expect(output).toContain(`${ESC}K`);
    expect(output).toMatch(/site: wrote \d+ files/);
  });

  it('stays quiet with --quiet', async () => {
    const { code, output } = await runInPty(['site', '--quiet'], { cwd: dir });
    expect(code).toBe(0);
    expect(output).toBe('');
  });

  it('colours diagnostics grouped per file, unless NO_COLOR or --no-color', async () => {
    const coloured = await runInPty(['dictionary', '--check', '--datapackage', staleDatapackage]);
    expect(coloured.code).toBe(1);
    expect(coloured.output).toContain(`${ESC}31merror`);
    // The file name heads its group, on a line of its own (bold and cyan around it).
    expect(coloured.output.split('\r\n')).toContain(
      `${ESC}1m${ESC}36mdocs/DATA-DICTIONARY.md${ESC}39m${ESC}22m`,
    );
    for (const env of [{ NO_COLOR: '1' }, {}]) {
      const args = [
        'dictionary',
        '--check',
        '--datapackage',
        staleDatapackage,
        ...('NO_COLOR' in env ? [] : ['--no-color']),
      ];
      const plain = await runInPty(args, { env });
      expect(plain.code).toBe(1);
      expect(plain.output).not.toContain(ESC);
      expect(plain.output).toMatch(/1 error, 0 warnings in 1 file/);
    }
  });
});

describe('through a pipe', () => {
  it('writes no bar and no escape codes, and the summary on stdout', async () => {
    const result = await runCli(['site'], { cwd: dir, env: { NO_COLOR: '' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toMatch(
      /^site: wrote \d+ files \(\d+ documents, 1 releases\) to dist\/site\//,
    );
  });

  it('--json prints the summary as JSON only', async () => {
    const result = await runCli(['site', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { documents: number; files: number; out: string };
    // One record per line of the committed year files.
    let records = 0;
    for (const name of await readdir(join(dir, 'dist', 'data')))
      records += (await readFile(join(dir, 'dist', 'data', name), 'utf8'))
        .trim()
        .split('\n').length;
    expect(summary.documents).toBe(records);
    expect(summary.out).toBe('dist/site');
  });

  it('the site is byte-identical when built twice', async () => {
    const hash = async () =>
      (await runCli(['site', '--json'], { cwd: dir })).code === 0 &&
      (await readFile(join(dir, 'dist/site/index.html'), 'utf8'));
    expect(await hash()).toBe(await hash());
  });

  it('annotates a fatal error for GitHub Actions and exits 1', async () => {
    const result = await runCli(['site', '--data', 'nowhere'], {
      cwd: dir,
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /kamervragen site: nowhere\/data: error site\/no-data: found neither nowhere\/data\/ nor nowhere\/kamervragen\.json; run `kamervragen release` \(or build\) first/,
    );
    expect(result.stdout).toBe(
      '::error file=nowhere/data,title=site/no-data::found neither nowhere/data/ nor nowhere/kamervragen.json; run `kamervragen release` (or build) first\n',
    );
  });

  it('an unknown option is wrong usage: exit 2 and a pointer to the help', async () => {
    const result = await runCli(['site', '--colour-scheme', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--colour-scheme'/);
    expect(result.stderr).toMatch(/Run `kamervragen site --help` for usage\./);
  });
});
