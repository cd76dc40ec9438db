// A temp copy of the project for the end-to-end refresh tests (never the real documents/ or
// state/): a scratch git repository, the local SRU stand-in replaying the recordings, and a
// release folder; `refresh()` runs pipeline/scripts/refresh.ts there as the workflow does.
import { createHash } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { ROOT } from '../support/run-cli.ts';
import {
  readFixture,
  rewriteUrls,
  startStandIn,
  type StandIn,
  type StandInOptions,
} from '../fetch/sru-stand-in.ts';

export const PAGE1 = readFixture('sru/sru-response-dt-modified-2021-10-13-page1.xml');
export const LAST_PAGE = readFixture('sru/sru-response-integration-mock-urls.xml');
const PROJECT_FILES = [
  'bin',
  'pipeline',
  'schema',
  'data',
  'documents',
  'package.json',
  'tsconfig.json',
  '.gitignore',
  'dist',
  'CITATION.cff',
];

let work: string;
export let project: string;
export let releases: string;
export let standIn: StandIn;

/** Serve `lastPage` (a recorded response, maybe edited) as page 2 from a fresh stand-in. */
export async function serve(lastPage: string): Promise<void> {
  await standIn?.close();
  standIn = await startStandIn({
    sru: (start, base) =>
      start === 1 ? rewriteUrls(PAGE1, base) : start === 11 ? rewriteUrls(lastPage, base) : null,
  });
}

/** Serve another source (for example a generated one) from a fresh stand-in. */
export async function serveSource(options: StandInOptions): Promise<void> {
  await standIn?.close();
  standIn = await startStandIn(options);
}

export const git = (...args: string[]) =>
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
  await serve(LAST_PAGE);
});

afterEach(async () => {
  await standIn?.close();
  await rm(work, { recursive: true, force: true });
});

export function refresh(
  env: Record<string, string> = {},
  extraArgs: string[] = [],
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
        ...extraArgs,
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
export async function snapshot(): Promise<Record<string, string>> {
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
export const currentVersion = async (): Promise<string> =>
  (
    JSON.parse(await readFile(join(project, 'dist', 'manifest.json'), 'utf8')) as {
      version: string;
    }
  ).version;

export const releasedIds = async (version: string): Promise<string[]> => {
  const records = JSON.parse(
    await readFile(join(releases, version, `kamervragen-${version}.json`), 'utf8'),
  ) as { id: string; source: { path: string } }[];
  return records.map((r) => r.id);
};
