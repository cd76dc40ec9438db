// The scheduled refresh's fetch stage (see refresh-project.ts): bounded batches, each committed
// with its watermark, so a killed job loses at most the batch in flight; a later run continues.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { generateRecords, generatedSource } from '../fetch/generated-source.ts';
import { git, project, refresh, serveSource } from './refresh-project.ts';

it('fetches in batches, commits each with its state, and the next run goes on from there', async () => {
  let records = generateRecords(25, '2021-08-01', 20);
  await serveSource(generatedSource(() => records));
  const first = await refresh({}, ['--stage', 'fetch', '--batch-size', '10']);
  expect(first.code, first.stderr).toBe(0);
  const subjects = git('log', '--format=%s', '-3').split('\n');
  expect(subjects).toEqual([
    'Fetch batch 3: 5 added, 0 changed (listing complete)',
    'Fetch batch 2: 10 added, 0 changed (5 left for the next batch)',
    'Fetch batch 1: 10 added, 0 changed (15 left for the next batch)',
  ]);
  // Every batch commit holds its documents and the state that says they are there.
  for (const rev of ['HEAD', 'HEAD~1', 'HEAD~2'])
    expect(git('show', '--name-only', '--format=', rev)).toMatch(/state\/fetch-state\.json/);
  expect(git('status', '--porcelain')).toBe('');
  const state = JSON.parse(await readFile(join(project, 'state', 'fetch-state.json'), 'utf8')) as {
    watermark: string;
  };
  expect(state.watermark).toBe(
    [...records]
      .map((r) => r.modified)
      .sort()
      .at(-1),
  );

  // Next day: two new documents; the next run fetches only those.
  records = [...records, ...generateRecords(27, '2021-09-01', 1).slice(25)];
  const second = await refresh({}, ['--stage', 'fetch', '--batch-size', '10']);
  expect(second.code, second.stderr).toBe(0);
  expect(git('log', '-1', '--format=%s')).toBe(
    'Fetch batch 1: 2 added, 0 changed (listing complete)',
  );
}, 300_000);
