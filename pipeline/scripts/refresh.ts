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

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'bin', 'kamervragen.mjs');
const sh = $({ cwd: root, nothrow: true, quiet: true });

const args = parseArgv(process.argv.slice(2), { string: ['target', 'stage', 'sru-url', 'since'], boolean: ['commit', 'push'] });
const target = (args.target as string | undefined) ?? 'dir:dist/releases';
const stage = (args.stage as string | undefined) ?? 'all';

class StepFailed extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
  }
}

const AFTER = {
  fetch: 'documents/ and the watermark keep every finished document, the last release is untouched; re-run to finish',
  build: 'nothing was released; fix the documents named above, then re-run',
  release: 'the last published release is untouched; re-run to finish (a half-done release is completed, never duplicated)',
  git: 'nothing was published; re-run to finish',
};

// The parts of each command's --json summary this script reads.
interface FetchSummary { added: string[]; changed: string[]; watermark: string | null; previousWatermark: string | null }
interface BuildSummary { documents: number }
interface ReleaseSummary { status: 'unchanged' | 'release' | 'failed'; version: string; added: unknown[]; changed: unknown[]; removed: unknown[]; publish: { action: string } | null }

/** Runs `kamervragen <args> --json`, shows its diagnostics, and returns its JSON summary. */
async function kamervragen<T>(step: keyof typeof AFTER, commandArgs: string[]): Promise<T> {
  const run = await sh`node ${cli} ${commandArgs} --json`;
  if (run.stderr) process.stderr.write(run.stderr);
  if (run.exitCode !== 0) throw new StepFailed(run.exitCode ?? 1, `${commandArgs[0]} failed (exit ${run.exitCode}); ${AFTER[step]}`);
  return JSON.parse(run.stdout) as T;
}

async function git(gitArgs: string[], env: Record<string, string> = {}): Promise<string> {
  const run = await sh({ env: { ...process.env, ...env } })`git ${gitArgs}`;
  if (run.exitCode !== 0) throw new StepFailed(1, `git ${gitArgs[0]} failed: ${run.stderr.trim()}; ${AFTER.git}`);
  return run.stdout.trim();
}

async function commitAndTag(tag: string, message: string): Promise<void> {
  await git(['add', '--', 'documents', 'dist', 'state', 'CITATION.cff']);
  const staged = await sh`git diff --cached --quiet`;
  if (staged.exitCode === 1) await git(['commit', '--quiet', '-m', `Data release ${tag}`, '-m', message]);
  const head = await git(['rev-parse', 'HEAD']);
  const tagged = await sh`git rev-parse -q --verify ${`refs/tags/${tag}^{commit}`}`;
  if (tagged.exitCode !== 0) await git(['tag', '-a', tag, '-m', `kamervragen ${tag}`]);
  else if (tagged.stdout.trim() !== head) throw new StepFailed(1, `tag ${tag} already exists on another commit; a published version is immutable — look at the history before re-running`);
}

async function push(tag: string): Promise<void> {
  const branch = process.env.GITHUB_REF_NAME ?? (await git(['rev-parse', '--abbrev-ref', 'HEAD']));
  const token = process.env.GITHUB_TOKEN;
  // The token goes to git through its environment, never into argv, a remote URL or .git/config.
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const auth = token ? { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `http.${server}/.extraheader`, GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}` } : {};
  await git(['push', '--atomic', 'origin', `HEAD:refs/heads/${branch}`, `refs/tags/${tag}`], auth);
}

async function sourceCommit(): Promise<string> {
  if (process.env.GITHUB_SHA) return process.env.GITHUB_SHA;
  const head = await sh`git rev-parse HEAD`;
  return head.exitCode === 0 ? head.stdout.trim() : '';
}

async function prepare() {
  const fetchArgs = ['fetch', ...(args['sru-url'] ? ['--sru-url', args['sru-url'] as string] : []), ...(args.since ? ['--since', args.since as string] : [])];
  const fetched = await kamervragen<FetchSummary>('fetch', fetchArgs);
  echo(`refresh: fetched ${fetched.added.length} new and ${fetched.changed.length} changed documents (watermark ${fetched.previousWatermark ?? 'none'} → ${fetched.watermark ?? 'none'})`);
  const built = await kamervragen<BuildSummary>('build', ['build']);
  echo(`refresh: built ${built.documents} documents`);
  const commit = await sourceCommit();
  const release = await kamervragen<ReleaseSummary>('release', ['release', '--no-publish', `--source-commit=${commit}`]);
  const plan = await kamervragen<ReleaseSummary>('release', ['release', '--target', target, '--dry-run', `--source-commit=${commit}`]);
  const publish = release.status === 'release' || plan.publish?.action !== 'exists';
  return { release, publish, summary: `${release.added.length} added, ${release.changed.length} changed, ${release.removed.length} removed` };
}

async function publishRelease(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(root, 'dist', 'manifest.json'), 'utf8')) as { version: string; source_commit: string | null; changes?: Record<string, unknown[]> };
  const tag = `v${manifest.version}`;
  const counts = Object.entries(manifest.changes ?? {}).map(([kind, list]) => `${list.length} ${kind}`).join(', ');
  if (args.commit) await commitAndTag(tag, `Documents fetched and released by the refresh: ${counts}.`);
  if (args.push) await push(tag);
  const published = await kamervragen<ReleaseSummary>('release', ['release', '--target', target, `--source-commit=${manifest.source_commit ?? ''}`]);
  return `${tag} ${published.publish?.action === 'exists' ? 'was already published' : 'published'} to ${target}`;
}

async function githubOutput(values: Record<string, string>): Promise<void> {
  const file = process.env.GITHUB_OUTPUT;
  if (file) await appendFile(file, Object.entries(values).map(([k, v]) => `${k}=${v.replace(/[\r\n]/g, ' ')}\n`).join(''));
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary && values.message) await writeFile(summary, `${values.message}\n`, { flag: 'a' });
}

try {
  if (!['all', 'prepare', 'publish'].includes(stage)) throw new StepFailed(2, `--stage must be all, prepare or publish, not "${stage}"`);
  if (!/^(dir|github):./.test(target)) throw new StepFailed(2, `--target must be dir:PATH or github:OWNER/REPO, not "${target}"`);
  if (stage === 'publish') {
    echo(`refresh: ${await publishRelease()}`);
  } else {
    const { release, publish, summary } = await prepare();
    const message = publish
      ? `refresh: v${release.version} to publish (${release.status === 'release' ? summary : 'prepared earlier, not yet published'})`
      : `refresh: nothing changed; v${release.version} is current and published to ${target}`;
    echo(message);
    await githubOutput({ publish: String(publish), version: String(release.version), tag: `v${release.version}`, message });
    if (publish && stage === 'all') echo(`refresh: ${await publishRelease()}`);
  }
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  process.stderr.write(`refresh: ${error.message}\n`);
  process.exitCode = error.exitCode;
}
