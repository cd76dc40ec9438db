// The whole refresh, end to end, as the workflow runs it (see refresh-project.ts): the first run
// fetches the recorded Aanhangsel and releases it, the second changes nothing.
import { readdir } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { AH_ID } from '../fetch/sru-stand-in.ts';
import {
  currentVersion,
  git,
  LAST_PAGE,
  refresh,
  releasedIds,
  releases,
  serve,
  snapshot,
} from './refresh-project.ts';

it('first refresh fetches the recorded Aanhangsel and releases it; a second refresh changes nothing', async () => {
  const first = await refresh();
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toMatch(
    /fetched 1 new and 0 changed documents \(watermark 2021-07-01 → 2021-07-22\)/,
  );
  const version = await currentVersion();
  expect(await readdir(releases)).toContain(version);
  expect(await releasedIds(version)).toContain(AH_ID);
  expect(git('show', '--name-only', '--format=', 'HEAD')).toMatch(
    new RegExp(`documents/${AH_ID}\\.xml[\\s\\S]*state/fetch-state\\.json`),
  );
  expect(git('log', '-1', '--format=%s')).toBe(`Data release v${version}`);
  expect(git('tag', '--points-at', 'HEAD')).toBe(`v${version}`);
  expect(git('status', '--porcelain')).toBe('');

  const before = await snapshot();
  const second = await refresh();
  expect(second.code, second.stderr).toBe(0);
  expect(second.stdout).toMatch(/nothing changed/);
  expect(await snapshot()).toEqual(before);

  // Republished the next day with the same content: no new version, but the moved watermark is
  // committed so the next run starts from it.
  await serve(LAST_PAGE.replaceAll('2021-07-22', '2021-07-23'));
  const third = await refresh();
  expect(third.code, third.stderr).toBe(0);
  expect(third.stdout).toMatch(/no new data version/);
  const after = await snapshot();
  expect(after['state/fetch-state.json']).not.toBe(before['state/fetch-state.json']);
  expect(
    Object.entries(after).filter(
      ([key]) =>
        key.startsWith('releases/') || key.startsWith('dist/') || key.startsWith('documents/'),
    ),
  ).toEqual(
    Object.entries(before).filter(
      ([key]) =>
        key.startsWith('releases/') || key.startsWith('dist/') || key.startsWith('documents/'),
    ),
  );
  expect(after.tags).toBe(before.tags);
  expect(git('log', '-1', '--format=%s')).toBe(
    `Update source documents and watermark (data unchanged, v${version})`,
  );
  expect(git('status', '--porcelain')).toBe('');
}, 400_000);
