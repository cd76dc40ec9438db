// Publishing one version's assets, every one a file on disk: to a local folder, or as a
// GitHub release (draft, upload, verify, publish).
import { resolve } from 'node:path';
import { KamervragenError } from '../errors.ts';
import { createGitHubClient } from './github/create-client.ts';
import { explainGitHubError } from './github/explain-error.ts';
import { publishToGitHub } from './github/publish-to-github.ts';
import { publishToDir } from './publish-to-dir.ts';
import { redactSecret } from './redact-secret.ts';
import { assertRepositoryMatches } from './repository-url.ts';
import type { PublishResult, ReleaseBundle } from './publish-types.ts';
import type { KnownHashes } from './release-files.ts';
import type { ReleaseOptions } from './run-release.ts';

export async function publishBundle(
  options: ReleaseOptions,
  bundle: ReleaseBundle,
  known: KnownHashes,
  repository: string | null,
): Promise<PublishResult> {
  const target = options.target;
  if (target.kind === 'github') assertRepositoryMatches(repository, target.owner, target.repo);
  if (target.kind === 'dir')
    return publishToDir(
      resolve(options.root, target.path),
      bundle,
      options.dryRun,
      (path) => known.of(path),
      (path, sha256) => known.remember(path, sha256),
    );
  const token = options.github.token;
  if (!token && !options.dryRun) {
    throw new KamervragenError(
      'release/token',
      'GITHUB_TOKEN is not set; a GitHub release needs a token with contents: write',
      {},
      2,
    );
  }
  const octokit = createGitHubClient({
    token: token ?? '',
    baseUrl: options.github.apiUrl,
    warn: (message) => options.info(redactSecret(`github: ${message}`, token)),
    ...(options.github.delayUnitMs === undefined
      ? {}
      : { delayUnitMs: options.github.delayUnitMs }),
    ...(options.github.writeIntervalMs === undefined
      ? {}
      : { writeIntervalMs: options.github.writeIntervalMs }),
  });
  return publishToGitHub(octokit, bundle, {
    owner: target.owner,
    repo: target.repo,
    dryRun: options.dryRun,
    // The log quotes server answers (a retried upload's 502), which may echo the token.
    log: (message) => options.info(redactSecret(message, token)),
    ...(options.onStep ? { onStep: options.onStep } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  }).catch((error: unknown) => {
    throw withoutSecret(explainGitHubError(error, `github:${target.owner}/${target.repo}`), token);
  });
}

// A server (or a proxy before it) may echo the Authorization header in its error text, which
// explainGitHubError quotes: the token is cut out of whatever message leaves this module.
function withoutSecret(error: unknown, secret: string | undefined): unknown {
  if (!(error instanceof Error)) return error;
  const message = redactSecret(error.message, secret);
  if (message === error.message) return error;
  if (error instanceof KamervragenError)
    return new KamervragenError(error.code, message, error.place, error.exitCode);
  return new Error(message);
}
