// The automated refresh, as the scheduled workflow runs it and as a person runs it locally:
//   tsx pipeline/scripts/refresh.ts [--target dir:PATH|github:OWNER/REPO] [--commit] [--push]
//                                   [--stage all|prepare|publish] [--sru-url URL] [--since YYYY-MM-DD]
// prepare: fetch → build → release --no-publish (dist/, CITATION.cff) → is there anything to publish?
// publish: commit documents/ dist/ state/ CITATION.cff and tag (--commit), push (--push), publish.
// Every step is a `kamervragen` command; each leaves its files whole when it fails, and the
// release publisher finishes a half-done release, so re-running after any failure completes the work.
import { readFile, writeFile, appendFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { $, echo, parseArgv, path } from 'zx';
import { redactSecret } from '../publish/redact-secret.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'bin', 'kamervragen.mjs');
const sh = $({ cwd: root, nothrow: true, quiet: true });

const args = parseArgv(process.argv.slice(2), {
  string: ['target', 'stage', 'sru-url', 'since'],
  boolean: ['commit', 'push'],
});
const target = (args.target as string | undefined) ?? 'dir:dist/releases';
const stage = (args.stage as string | undefined) ?? 'all';

class StepFailed extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

const AFTER = {
  fetch:
    'documents/ and the watermark keep every finished document, the last release is untouched; re-run to finish',
  build: 'nothing was released; fix the documents named above, then re-run',
  release:
    'the last published release is untouched; re-run to finish (a half-done release is completed, never duplicated)',
  git: 'nothing was published; re-run to finish',
};

// The parts of each command's --json summary this script reads.
interface FetchSummary {
  added: string[];
  changed: string[];
  watermark: string | null;
  previousWatermark: string | null;
}
interface BuildSummary {
  documents: number;
}
interface ReleaseSummary {
  status: 'unchanged' | 'release' | 'failed';
  version: string;
  added: unknown[];
  changed: unknown[];
  removed: unknown[];
  publish: { action: string } | null;
}

/** Runs `kamervragen <args> --json`, shows its diagnostics, and returns its JSON summary. */
async function kamervragen<T>(step: keyof typeof AFTER, commandArgs: string[]): Promise<T> {
  const run = await sh`node ${cli} ${commandArgs} --json`;
  if (run.stderr) process.stderr.write(run.stderr);
  if (run.exitCode !== 0)
    throw new StepFailed(
      run.exitCode ?? 1,
      `${commandArgs[0]} failed (exit ${run.exitCode}); ${AFTER[step]}`,
    );
  return JSON.parse(run.stdout) as T;
}

async function git(gitArgs: string[], env: Record<string, string> = {}): Promise<string> {
  const run = await sh({ env: { ...process.env, ...env } })`git ${gitArgs}`;
  if (run.exitCode !== 0)
    throw new StepFailed(
      1,
      `git ${gitArgs[0]} failed: ${redactSecret(run.stderr.trim(), process.env.GITHUB_TOKEN)}; ${AFTER.git}`,
    );
  return run.stdout.trim();
}

async function commitAndTag(tag: string, message: string): Promise<void> {
  const tagged = await sh`git rev-parse -q --verify ${`refs/tags/${tag}^{commit}`}`;
  await git(['add', '--', 'documents', 'dist', 'state', 'CITATION.cff']);
  const staged = await sh`git diff --cached --quiet`;
  if (staged.exitCode === 1) {
    // Sources can change without changing the data (a republished file with the same content,
    // a moved watermark): commit them, so the next run starts from them, but under the same tag.
    const subject =
      tagged.exitCode === 0
        ? `Update source documents and watermark (data unchanged, ${tag})`
        : `Data release ${tag}`;
    await git(['commit', '--quiet', '-m', subject, '-m', message]);
  }
  if (tagged.exitCode !== 0)
    return void (await git(['tag', '-a', tag, '-m', `kamervragen ${tag}`]));
  const sameData = await sh`git diff --quiet ${tagged.stdout.trim()} HEAD -- dist`;
  if (sameData.exitCode !== 0)
    throw new StepFailed(
      1,
      `tag ${tag} already exists with other data in dist/; a published version is immutable — look at the history before re-running`,
    );
}

async function push(tag: string): Promise<void> {
  const branch = process.env.GITHUB_REF_NAME ?? (await git(['rev-parse', '--abbrev-ref', 'HEAD']));
  const token = process.env.GITHUB_TOKEN;
  // The token goes to git through its environment, never into argv, a remote URL or .git/config.
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const auth = token
    ? {
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: `http.${server}/.extraheader`,
        GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`,
      }
    : {};
  await git(['push', '--atomic', 'origin', `HEAD:refs/heads/${branch}`, `refs/tags/${tag}`], auth);
}

async function sourceCommit(): Promise<string> {
  if (process.env.GITHUB_SHA) return process.env.GITHUB_SHA;
  const head = await sh`git rev-parse HEAD`;
  return head.exitCode === 0 ? head.stdout.trim() : '';
}

async function prepare() {
  const statePath = path.join(root, 'state', 'fetch-state.json');
  const readState = () => readFile(statePath, 'utf8').catch(() => '');
  const stateBefore = await readState();
  const fetchArgs = [
    'fetch',
    ...(args['sru-url'] ? ['--sru-url', args['sru-url'] as string] : []),
    ...(args.since ? ['--since', args.since as string] : []),
  ];
  const fetched = await kamervragen<FetchSummary>('fetch', fetchArgs);
  echo(
    `refresh: fetched ${fetched.added.length} new and ${fetched.changed.length} changed documents (watermark ${fetched.previousWatermark ?? 'none'} → ${fetched.watermark ?? 'none'})`,
  );
  const sourcesChanged =
    fetched.added.length + fetched.changed.length > 0 || (await readState()) !== stateBefore;
  const built = await kamervragen<BuildSummary>('build', ['build']);
  echo(`refresh: built ${built.documents} documents`);
  const commit = await sourceCommit();
  const release = await kamervragen<ReleaseSummary>('release', [
    'release',
    '--no-publish',
    `--source-commit=${commit}`,
  ]);
  const plan = await kamervragen<ReleaseSummary>('release', [
    'release',
    '--target',
    target,
    '--dry-run',
    `--source-commit=${commit}`,
  ]);
  const newVersion = release.status === 'release';
  const unpublished = plan.publish?.action !== 'exists';
  const tag = `v${release.version}`;
  let message = `nothing changed; ${tag} is current and published to ${target}`;
  if (newVersion)
    message = `${tag} to publish (${release.added.length} added, ${release.changed.length} changed, ${release.removed.length} removed)`;
  else if (unpublished) message = `${tag} to publish (prepared earlier, not yet published)`;
  else if (sourcesChanged)
    message = `no new data version (${tag} is current); documents/ or state/ changed${args.commit || stage === 'prepare' ? ': committing them' : ' (commit them, or use --commit)'}`;
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
  if (args.push) await push(tag);
  const published = await kamervragen<ReleaseSummary>('release', [
    'release',
    '--target',
    target,
    `--source-commit=${manifest.source_commit ?? ''}`,
  ]);
  return `${tag} ${published.publish?.action === 'exists' ? 'was already published' : 'published'} to ${target}`;
}

async function githubOutput(values: Record<string, string>): Promise<void> {
  const file = process.env.GITHUB_OUTPUT;
  if (file)
    await appendFile(
      file,
      Object.entries(values)
        .map(([k, v]) => `${k}=${v.replace(/[\r\n]/g, ' ')}\n`)
        .join(''),
    );
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary && values.message) await writeFile(summary, `${values.message}\n`, { flag: 'a' });
}

try {
  if (!['all', 'prepare', 'publish'].includes(stage))
    throw new StepFailed(2, `--stage must be all, prepare or publish, not "${stage}"`);
  if (!/^(dir|github):./.test(target))
    throw new StepFailed(2, `--target must be dir:PATH or github:OWNER/REPO, not "${target}"`);
  if (stage === 'publish') {
    echo(`refresh: ${await publishRelease()}`);
  } else {
    const { release, tag, message, publish, commitOnly } = await prepare();
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
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  process.stderr.write(`refresh: ${error.message}\n`);
  process.exitCode = error.exitCode;
}
