// The refresh script's doors to the outside: `kamervragen` commands (whose --json summaries it
// reads), git, and the GitHub Actions output files. The token is handed only to the commands
// that need it (git push, the release publisher), never to a command that reads downloads.
import { appendFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { $, path } from 'zx';
import { redactSecret } from '../publish/redact-secret.ts';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'bin', 'kamervragen.mjs');

export class StepFailed extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const AFTER = {
  fetch:
    'documents/ and the watermark keep every finished document, the last release is untouched; re-run to finish',
  release:
    'the last published release is untouched; re-run to finish (a half-done release is completed, never duplicated)',
  git: 'nothing was published; re-run to finish',
};

const withoutToken = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.GITHUB_TOKEN;
  delete env.GH_TOKEN;
  return env;
};

export const sh = $({ cwd: root, nothrow: true, quiet: true });

/** `kamervragen <args> --json`: its diagnostics shown, its exit code and JSON summary returned. */
export async function kamervragenRun<T>(
  commandArgs: string[],
  options: { token?: boolean } = {},
): Promise<{ code: number; summary: T | null; stderr: string }> {
  const env = options.token ? process.env : withoutToken();
  const run = await $({
    cwd: root,
    nothrow: true,
    quiet: true,
    env,
  })`node ${cli} ${commandArgs} --json`;
  if (run.stderr) process.stderr.write(run.stderr);
  let summary: T | null = null;
  try {
    summary = JSON.parse(run.stdout) as T;
  } catch {
    summary = null;
  }
  return { code: run.exitCode ?? 1, summary, stderr: run.stderr };
}

/** As kamervragenRun, but a failure ends the refresh with what to do next. */
export async function kamervragen<T>(
  step: keyof typeof AFTER,
  commandArgs: string[],
  options: { token?: boolean } = {},
): Promise<T> {
  const run = await kamervragenRun<T>(commandArgs, options);
  if (run.code !== 0 || run.summary === null)
    throw new StepFailed(
      run.code || 1,
      `${commandArgs[0]} failed (exit ${run.code}); ${AFTER[step]}`,
    );
  return run.summary;
}

export async function git(gitArgs: string[], env: Record<string, string> = {}): Promise<string> {
  const run = await sh({ env: { ...process.env, ...env } })`git ${gitArgs}`;
  if (run.exitCode !== 0)
    throw new StepFailed(
      1,
      `git ${gitArgs[0]} failed: ${redactSecret(run.stderr.trim(), process.env.GITHUB_TOKEN)}; ${AFTER.git}`,
    );
  return run.stdout.trim();
}

/** Pushes `refs` (atomically) to origin with the token through git's environment only. */
export async function push(refs: string[]): Promise<void> {
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
  await git(['push', '--atomic', 'origin', ...refs], auth);
}

export async function currentBranch(): Promise<string> {
  return process.env.GITHUB_REF_NAME ?? (await git(['rev-parse', '--abbrev-ref', 'HEAD']));
}

export async function githubOutput(values: Record<string, string>): Promise<void> {
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

/** Commits the data and tags it; a tag that exists must already hold the same dist/. */
export async function commitAndTag(tag: string, message: string): Promise<void> {
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
