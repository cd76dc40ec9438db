// The automated refresh, as the scheduled workflow runs it and as a person runs it locally:
//   tsx pipeline/scripts/refresh.ts [--stage all|fetch|prepare|publish] [--target dir:PATH|github:OWNER/REPO]
//        [--commit] [--push] [--sru-url URL] [--since YYYY-MM-DD] [--start YYYY-MM-DD]
//        [--batch-size N] [--budget-minutes M] [--max-quarantine-share 0.02]
// fetch: `kamervragen fetch` (with --batch-size: bounded batches of the oldest modifications,
//   each committed with its state under --commit and pushed under --push, until the listing is
//   complete or the time budget is spent; the next run continues).
// prepare: one `kamervragen release --no-publish --quarantine` (dist/, CITATION.cff): the one
//   parse of the refresh; documents it cannot read are left out and named; it stops only on a
//   regression or when too many are left out. Then: is there anything to publish?
// publish: commit documents/ dist/ state/ CITATION.cff and tag (--commit), push (--push), publish
//   (the release reads its records from the cache the prepare stage filled).
// all: fetch, prepare, publish. Every step leaves its files whole when it fails, and the release
// publisher finishes a half-done release, so re-running after any failure completes the work.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { echo, parseArgv, path } from 'zx';
import {
  judgeQuarantine,
  parseQuarantineFile,
  quarantineAnnotations,
} from '../refresh/quarantine-policy.ts';
import {
  AFTER,
  commitAndTag,
  currentBranch,
  git,
  githubOutput,
  kamervragen,
  kamervragenRun,
  push,
  root,
  sh,
  StepFailed,
} from './refresh-tools.ts';

const args = parseArgv(process.argv.slice(2), {
  string: [
    'target',
    'stage',
    'sru-url',
    'since',
    'start',
    'batch-size',
    'budget-minutes',
    'max-quarantine-share',
  ],
  boolean: ['commit', 'push'],
});
const target = (args.target as string | undefined) ?? 'dir:dist/releases';
const stage = (args.stage as string | undefined) ?? 'all';
const statePath = path.join(root, 'state', 'fetch-state.json');
const readState = () => readFile(statePath, 'utf8').catch(() => '');

// The parts of each command's --json summary this script reads.
interface FetchSummary {
  added: string[];
  changed: string[];
  failed: number;
  complete: boolean;
  remaining: number;
  watermark: string | null;
  previousWatermark: string | null;
}
interface ReleaseSummary {
  status: 'unchanged' | 'release' | 'failed';
  version: string;
  added: unknown[];
  changed: unknown[];
  removed: unknown[];
  quarantined: string[];
  publish: { action: string } | null;
}

const wholeNumber = (flag: string): number | null => {
  const raw = args[flag] as string | undefined;
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new StepFailed(2, `--${flag} expects a whole number of at least 1, not "${raw}"`);
  return Number(raw);
};

/** One `kamervragen fetch`; document failures are reported and left for the next run. */
async function fetchOnce(batchSize: number | null, since: string | null): Promise<FetchSummary> {
  const run = await kamervragenRun<FetchSummary>([
    'fetch',
    ...(args['sru-url'] ? ['--sru-url', args['sru-url'] as string] : []),
    ...(since ? ['--since', since] : []),
    ...(batchSize === null ? [] : ['--max-documents', String(batchSize)]),
  ]);
  // Exit 1 with a summary: single documents failed, the rest is saved; without: the service failed.
  if (run.summary === null || (run.code !== 0 && !(run.summary.failed > 0)))
    throw new StepFailed(run.code || 1, `fetch failed (exit ${run.code}); ${AFTER.fetch}`);
  if (run.summary.failed > 0)
    echo(
      `refresh: ${run.summary.failed} document(s) could not be fetched (named above); they are retried by the next run`,
    );
  return run.summary;
}

async function commitBatch(fetched: FetchSummary, batch: number): Promise<void> {
  await git(['add', '--', 'documents', 'state']);
  if ((await sh`git diff --cached --quiet`).exitCode !== 1) return;
  const more = fetched.complete
    ? 'listing complete'
    : `${fetched.remaining} left for the next batch`;
  await git([
    'commit',
    '--quiet',
    '-m',
    `Fetch batch ${batch}: ${fetched.added.length} added, ${fetched.changed.length} changed (${more})`,
    '-m',
    `Watermark ${fetched.previousWatermark ?? 'none'} → ${fetched.watermark ?? 'none'}.`,
  ]);
  if (args.push) await push([`HEAD:refs/heads/${await currentBranch()}`]);
}

/** Fetch in bounded batches (or once); returns whether documents/ or state/ changed. */
async function fetchStage(): Promise<{ sourcesChanged: boolean; complete: boolean }> {
  const batchSize = wholeNumber('batch-size');
  const budgetMs = (wholeNumber('budget-minutes') ?? 240) * 60_000;
  const started = Date.now();
  let sourcesChanged = false;
  let longest = 0;
  for (let batch = 1; ; batch += 1) {
    const batchStarted = Date.now();
    const stateBefore = await readState();
    // An empty repository starts at --start; an explicit --since backfill applies to the first batch.
    const start = /"watermark": null/.test(stateBefore) || stateBefore === '' ? args.start : null;
    const since = batch === 1 ? ((args.since as string | undefined) ?? start ?? null) : null;
    const fetched = await fetchOnce(batchSize, since);
    const changed =
      fetched.added.length + fetched.changed.length > 0 || (await readState()) !== stateBefore;
    sourcesChanged ||= changed;
    echo(
      `refresh: fetched ${fetched.added.length} new and ${fetched.changed.length} changed documents (watermark ${fetched.previousWatermark ?? 'none'} → ${fetched.watermark ?? 'none'})` +
        (fetched.complete ? '' : `; ${fetched.remaining} left`),
    );
    if (batchSize !== null && args.commit && changed) await commitBatch(fetched, batch);
    longest = Math.max(longest, Date.now() - batchStarted);
    // Done when nothing is left but failures (those wait for the next run) or no time for another batch.
    const onlyFailures = fetched.remaining <= fetched.failed;
    if (batchSize === null || fetched.complete || onlyFailures || !changed)
      return { sourcesChanged, complete: fetched.complete };
    if (Date.now() - started + longest > budgetMs) {
      echo(`refresh: time budget spent after ${batch} batch(es); the next run continues`);
      return { sourcesChanged, complete: false };
    }
  }
}

async function sourceCommit(): Promise<string> {
  if (process.env.GITHUB_SHA) return process.env.GITHUB_SHA;
  const head = await sh`git rev-parse HEAD`;
  return head.exitCode === 0 ? head.stdout.trim() : '';
}

/** The release the refresh publishes: one parse, bad documents left out, judged. */
async function releaseOnce(): Promise<ReleaseSummary> {
  const commit = await sourceCommit();
  const run = await kamervragenRun<ReleaseSummary>([
    'release',
    '--no-publish',
    '--quarantine',
    `--source-commit=${commit}`,
  ]);
  if (run.code !== 0 || run.summary === null) {
    const regression = /package\/removals/.test(run.stderr)
      ? 'regression: documents of the last release now fail or are gone (named above); nothing was released. Fix the parser or restore the files; '
      : '';
    throw new StepFailed(
      run.code || 1,
      `${regression}release failed (exit ${run.code}); ${AFTER.release}`,
    );
  }
  const quarantine = parseQuarantineFile(
    await readFile(path.join(root, 'dist', 'quarantine.json'), 'utf8').catch(() => '{}'),
  );
  for (const line of quarantineAnnotations(quarantine))
    if (process.env.GITHUB_ACTIONS === 'true') echo(line);
  for (const entry of quarantine)
    echo(
      `refresh: quarantined ${JSON.stringify(entry.file)} (${entry.errors[0]?.code ?? 'unreadable'})`,
    );
  const manifest = JSON.parse(await readFile(path.join(root, 'dist', 'manifest.json'), 'utf8')) as {
    counts: { documents: number };
  };
  const share = Number((args['max-quarantine-share'] as string | undefined) ?? '0.02');
  const verdict = judgeQuarantine(run.summary.quarantined.length, manifest.counts.documents, share);
  if (!verdict.ok)
    throw new StepFailed(
      1,
      `${verdict.reason}; nothing was published (dist/ holds the refused build: git checkout -- dist CITATION.cff discards it)`,
    );
  return run.summary;
}

/** Whether the target already holds `version`, without building anything; null: cannot tell. */
async function targetHolds(version: string): Promise<boolean | null> {
  if (target.startsWith('dir:'))
    return existsSync(path.join(path.resolve(root, target.slice(4)), version, 'manifest.json'));
  const api = process.env.GITHUB_API_URL ?? 'https://api.github.com';
  const response = await fetch(`${api}/repos/${target.slice(7)}/releases/tags/v${version}`, {
    headers: { accept: 'application/vnd.github+json' },
  }).catch(() => null);
  if (response?.status === 200) return true;
  return response?.status === 404 ? false : null;
}

async function prepare(sourcesChanged: boolean) {
  const release = await releaseOnce();
  const newVersion = release.status === 'release';
  const unpublished = !newVersion && (await targetHolds(release.version)) !== true;
  const tag = `v${release.version}`;
  let message = `nothing changed; ${tag} is current and published to ${target}`;
  if (newVersion)
    message = `${tag} to publish (${release.added.length} added, ${release.changed.length} changed, ${release.removed.length} removed)`;
  else if (unpublished) message = `${tag} to publish (prepared earlier, not yet published)`;
  else if (sourcesChanged)
    message = `no new data version (${tag} is current); documents/ or state/ changed${args.commit || stage === 'prepare' ? ': committing them' : ' (commit them, or use --commit)'}`;
  if (release.quarantined.length > 0)
    message += `; ${release.quarantined.length} document(s) quarantined (see quarantine.json)`;
  return {
    release,
    tag,
    message,
    publish: newVersion || unpublished,
    commitOnly: !newVersion && !unpublished && sourcesChanged,
  };
}

async function publishRelease(): Promise<string> {
  const manifestText = await readFile(path.join(root, 'dist', 'manifest.json'), 'utf8').catch(
    () => {
      throw new StepFailed(
        1,
        'dist/manifest.json is missing: there is no prepared release to publish (run the prepare stage first)',
      );
    },
  );
  const manifest = JSON.parse(manifestText) as {
    version: string;
    source_commit: string | null;
    changes?: Record<string, unknown[]>;
  };
  const tag = `v${manifest.version}`;
  const counts = Object.entries(manifest.changes ?? {})
    .map(([kind, list]) => `${list.length} ${kind}`)
    .join(', ');
  if (args.commit)
    await commitAndTag(tag, `Fetched from the official source by the refresh; ${tag}: ${counts}.`);
  if (args.push) await push([`HEAD:refs/heads/${await currentBranch()}`, `refs/tags/${tag}`]);
  const published = await kamervragen<ReleaseSummary>(
    'release',
    [
      'release',
      '--quarantine',
      '--target',
      target,
      `--source-commit=${manifest.source_commit ?? ''}`,
    ],
    { token: true },
  );
  return `${tag} ${published.publish?.action === 'exists' ? 'was already published' : 'published'} to ${target}`;
}

async function main(): Promise<void> {
  if (!['all', 'fetch', 'prepare', 'publish'].includes(stage))
    throw new StepFailed(2, `--stage must be all, fetch, prepare or publish, not "${stage}"`);
  if (!/^(dir|github):./.test(target))
    throw new StepFailed(2, `--target must be dir:PATH or github:OWNER/REPO, not "${target}"`);
  if (stage === 'publish') return void echo(`refresh: ${await publishRelease()}`);
  const fetched =
    stage === 'prepare' ? { sourcesChanged: false, complete: true } : await fetchStage();
  if (stage === 'fetch') {
    const head = (await sh`git rev-parse HEAD`).stdout.trim();
    await githubOutput({ complete: String(fetched.complete), head });
    return;
  }
  const { release, tag, message, publish, commitOnly } = await prepare(fetched.sourcesChanged);
  echo(`refresh: ${message}`);
  // The workflow's publish job has work when there is a version to publish or sources to commit.
  await githubOutput({
    publish: String(publish || commitOnly),
    version: release.version,
    tag,
    message: `refresh: ${message}`,
  });
  if (stage === 'all' && (publish || (commitOnly && args.commit)))
    echo(`refresh: ${await publishRelease()}`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  process.stderr.write(`refresh: ${error.message}\n`);
  process.exitCode = error.exitCode;
}
