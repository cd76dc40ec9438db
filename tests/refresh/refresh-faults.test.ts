// The whole refresh, end to end (see refresh-project.ts): a fault in fetch or publish
// leaves documents/, the watermark and the last release intact, and a re-run finishes; a document
// the parser cannot read is quarantined and named; a regression or too many quarantined stop.
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

it('faults in fetch and publish leave the last release intact and a re-run finishes; an unreadable document is quarantined and named; a regression stops', async () => {
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

  // A document the parser cannot read is left out: the refresh still releases, naming it.
  const bad = join(project, 'documents', 'unreadable.pdf.txt');
  await writeFile(bad, 'dit is geen kamervraag\n');
  const share = ['--max-quarantine-share', '0.5'];
  const quarantined = await refresh({ GITHUB_ACTIONS: 'true' }, share);
  expect(quarantined.code, quarantined.stderr).toBe(0);
  expect(quarantined.stdout).toMatch(
    /quarantined "documents\/unreadable\.pdf\.txt" \(parse\/no-questions\)/,
  );
  expect(quarantined.stdout).toMatch(
    /^::warning file=documents\/unreadable\.pdf\.txt,title=Quarantined document::documents\/unreadable\.pdf\.txt is left out/m,
  );
  const listed = JSON.parse(await readFile(join(project, 'dist', 'quarantine.json'), 'utf8')) as {
    quarantined: { file: string }[];
  };
  expect(listed.quarantined.map((q) => q.file)).toEqual(['documents/unreadable.pdf.txt']);
  expect(await releasedIds(await currentVersion())).toContain(AH_ID);

  // More than the allowed share quarantined: stop before publishing anything.
  const tooMany = await refresh();
  expect(tooMany.code).toBe(1);
  expect(tooMany.stderr).toMatch(/could not be read, more than the 2\.0%/);
  await rm(bad);
  git('checkout', '--', 'dist', 'CITATION.cff');

  // A regression: a document of the last release now fails. Nothing is released.
  const before = await snapshot();
  const { documents } = JSON.parse(await readFile(join(project, 'dist', 'manifest.json'), 'utf8'))
    .counts as { documents: number };
  const target = join(project, 'documents', `${AH_ID}.xml`);
  const original = await readFile(target, 'utf8');
  await writeFile(target, original.replace(/<vraag>[\s\S]*<\/antwoord>/, ''));
  const regression = await refresh({}, share);
  expect(regression.code).toBe(1);
  expect(regression.stderr).toMatch(/regression: documents of the last release now fail/);
  expect(regression.stderr).toContain(AH_ID);
  await writeFile(target, original);
  expect(await snapshot()).toEqual(before);
  expect(documents).toBeGreaterThan(0);
}, 600_000);
