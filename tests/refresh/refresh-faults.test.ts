// The whole refresh, end to end (see refresh-project.ts): a fault in fetch, build or publish
// leaves documents/, the watermark and the last release intact, and a re-run finishes.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { AH_ID } from '../fetch/sru-stand-in.ts';
import {
  currentVersion,
  git,
  project,
  refresh,
  releasedIds,
  releases,
  snapshot,
  standIn,
} from './refresh-project.ts';

it('faults in fetch, build and publish leave documents/, the watermark and the last release intact, and a re-run finishes', async () => {
  // Fetch: the service keeps failing.
  const pristine = await snapshot();
  standIn.fault('sru:11', { status: 503 }, { status: 503 });
  const fetchFault = await refresh({ KAMERVRAGEN_FETCH_RETRIES: '1' });
  expect(fetchFault.code).toBe(1);
  expect(fetchFault.stderr).toMatch(/fetch failed/);
  expect(await snapshot()).toEqual(pristine);

  // Publish: the release folder cannot be created (a file is in the way).
  await writeFile(releases, 'not a folder');
  const publishFault = await refresh();
  expect(publishFault.code).not.toBe(0);
  expect(publishFault.stderr).toMatch(/release failed/);
  expect(await readFile(releases, 'utf8')).toBe('not a folder');
  await rm(releases);
  const afterPublishFault = await refresh();
  expect(afterPublishFault.code, afterPublishFault.stderr).toBe(0);
  expect(afterPublishFault.stdout).toMatch(/fetched 0 new/);
  const version = await currentVersion();
  expect(await releasedIds(version)).toContain(AH_ID);
  expect(git('tag', '--list')).toBe(`v${version}`);

  // Build: a document the parser rejects stops the run before anything is released.
  const released = await snapshot();
  await writeFile(join(project, 'documents', 'unreadable.pdf.txt'), 'dit is geen kamervraag\n');
  const buildFault = await refresh();
  expect(buildFault.code).toBe(1);
  expect(buildFault.stderr).toMatch(/build failed/);
  const { ['documents/unreadable.pdf.txt']: added, ...rest } = await snapshot();
  expect(added).toBeDefined();
  expect(rest).toEqual(released);
  await rm(join(project, 'documents', 'unreadable.pdf.txt'));
  const afterBuildFault = await refresh();
  expect(afterBuildFault.code, afterBuildFault.stderr).toBe(0);
  expect(afterBuildFault.stdout).toMatch(/nothing changed/);
  expect(await snapshot()).toEqual(released);
}, 600_000);
