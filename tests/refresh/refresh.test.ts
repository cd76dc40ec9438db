// The whole refresh, end to end, as the workflow runs it: pipeline/scripts/refresh.ts in a temp
// copy of the project (never the real documents/ or state/), fetching from the local SRU
// stand-in, building, committing and tagging in a scratch git repository, and releasing to a
// local folder.
import { createHash } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.ts';
import {
  AH_ID,
  readFixture,
  rewriteUrls,
  startStandIn,
  type StandIn,
} from '../fetch/sru-stand-in.ts';

const PAGE1 = readFixture('sru/sru-response-dt-modified-2021-10-13-page1.xml');
const LAST_PAGE = readFixture('sru/sru-response-integration-mock-urls.xml');
const PROJECT_FILES = [
  'bin',
  'pipeline',
  'schema',
  'documents',
  'package.json',
  'tsconfig.json',
  '.gitignore',
  'dist',
  'CITATION.cff',
];

let work: string;
let project: string;
let releases: string;
let standIn: StandIn;

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: project, encoding: 'utf8' }).trim();

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kamervragen-refresh-'));
  project = join(work, 'project');
  releases = join(work, 'releases');
  await mkdir(project);
  for (const name of PROJECT_FILES) {
    if (!existsSync(join(ROOT, name))) continue;
    await cp(join(ROOT, name), join(project, name), {
      recursive: true,
      filter: (src) => !relative(ROOT, src).startsWith(join('dist', 'releases')),
    });
  }
  await symlink(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  // The recordings are from 2021: start the watermark before them.
  await mkdir(join(project, 'state'));
  await writeFile(
    join(project, 'state', 'fetch-state.json'),
    '{\n  "watermark": "2021-07-01",\n  "seen": {}\n}\n',
  );
  git('init', '--quiet', '--initial-branch=main');
  git('add', '-A');
  git(
    '-c',
    'user.name=test',
    '-c',
    'user.email=test@example.org',
    'commit',
    '--quiet',
    '-m',
    'project',
  );
  standIn = await startStandIn({
    sru: (start, base) =>
      start === 1 ? rewriteUrls(PAGE1, base) : start === 11 ? rewriteUrls(LAST_PAGE, base) : null,
  });
});

afterEach(async () => {
  await standIn.close();
  await rm(work, { recursive: true, force: true });
});

function refresh(
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        'pipeline/scripts/refresh.ts',
        '--sru-url',
        standIn.sruUrl,
        '--target',
        `dir:${releases}`,
        '--commit',
      ],
      {
        cwd: project,
        env: {
          ...process.env,
          NO_COLOR: '1',
          KAMERVRAGEN_FETCH_DELAY_MS: '0',
          KAMERVRAGEN_FETCH_BACKOFF_MS: '1',
          GITHUB_SHA: '',
          GITHUB_OUTPUT: '',
          GITHUB_STEP_SUMMARY: '',
          GIT_AUTHOR_NAME: 'refresh',
          GIT_AUTHOR_EMAIL: 'refresh@example.org',
          GIT_COMMITTER_NAME: 'refresh',
          GIT_COMMITTER_EMAIL: 'refresh@example.org',
          ...env,
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file of documents/, state/, dist/ and the release folder by hash, plus the git head and tags. */
async function snapshot(): Promise<Record<string, string>> {
  const result: Record<string, string> = {
    head: git('rev-parse', 'HEAD'),
    tags: git('tag', '--list'),
  };
  const walk = async (dir: string, label: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, `${label}/${entry.name}`);
      else
        result[`${label}/${entry.name}`] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
    }
  };
  for (const name of ['documents', 'state', 'dist']) await walk(join(project, name), name);
  await walk(releases, 'releases');
  return result;
}

/** The version dist/manifest.json names: the one the last refresh released. */
const currentVersion = async (): Promise<string> =>
  (
    JSON.parse(await readFile(join(project, 'dist', 'manifest.json'), 'utf8')) as {
      version: string;
    }
  ).version;

const releasedIds = async (version: string): Promise<string[]> => {
  const records = JSON.parse(
    await readFile(join(releases, version, `kamervragen-${version}.json`), 'utf8'),
  ) as { id: string; source: { path: string } }[];
  return records.map((r) => r.id);
};

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
  await standIn.close();
  const republished = LAST_PAGE.replaceAll('2021-07-22', '2021-07-23');
  standIn = await startStandIn({
    sru: (start, base) =>
      start === 1 ? rewriteUrls(PAGE1, base) : start === 11 ? rewriteUrls(republished, base) : null,
  });
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
