// Turns command-line values and the environment into ReleaseOptions for `kamervragen release`
// (which `npm run release` and `npm start` run too).
import { execFileSync } from 'node:child_process';
import { KamervragenError } from '../errors.ts';
import { parseLimits } from '../build/build-options.ts';
import { runEpoch } from '../package/plan-release.ts';
import { repositoryFromEnv, repositoryFromRemote } from './repository-url.ts';
import { DEFAULT_TARGET, parseTarget } from './parse-target.ts';
import type { ReleaseOptions } from './run-release.ts';

export interface ReleaseArgs {
  target?: string | undefined;
  documents?: string | undefined;
  out?: string | undefined;
  'dry-run'?: boolean | undefined;
  'no-publish'?: boolean | undefined;
  'allow-removals'?: boolean | undefined;
  quarantine?: boolean | undefined;
  repository?: string | undefined;
  'source-commit'?: string | undefined;
  'gzip-min-bytes'?: string | undefined;
  workers?: string | undefined;
  cache?: string | undefined;
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value))
    throw new KamervragenError(
      'usage/number',
      `${name} must be a whole number, found "${value}"`,
      {},
      2,
    );
  return Number(value);
}

// One line of git's answer in the checkout; null outside a git checkout (a downloaded source
// archive) or when git has no answer.
function gitLine(root: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/** The checkout's "origin" remote, when there is one. */
const originUrl = (root: string) => gitLine(root, ['remote', 'get-url', 'origin']);
/** The commit the release is built from. */
const headCommit = (root: string) => gitLine(root, ['rev-parse', 'HEAD']);

export function releaseOptions(
  args: ReleaseArgs,
  env: NodeJS.ProcessEnv,
  root: string,
  info: (line: string) => void,
): ReleaseOptions {
  const sourceCommit = args['source-commit'] ?? env.GITHUB_SHA ?? headCommit(root);
  return {
    documents: args.documents ?? 'documents',
    out: args.out ?? 'dist',
    root,
    // The repository's own CITATION.cff follows the default release (`npm start`); with --out,
    // nothing outside that folder and the target is written.
    citation: args.out === undefined ? root : null,
    target: parseTarget(args.target ?? DEFAULT_TARGET),
    dryRun: args['dry-run'] === true,
    publish: args['no-publish'] !== true,
    allowRemovals: args['allow-removals'] === true,
    quarantine: args.quarantine === true,
    // The day the release is made, unless the environment pins it.
    sourceDateEpoch: runEpoch(integer(env.SOURCE_DATE_EPOCH, 'SOURCE_DATE_EPOCH'), Date.now()),
    sourceCommit: sourceCommit === undefined || sourceCommit === '' ? null : sourceCommit,
    repository:
      args.repository ??
      repositoryFromEnv(env) ??
      repositoryFromRemote(originUrl(root)) ??
      undefined,
    gzipMinBytes: integer(args['gzip-min-bytes'], '--gzip-min-bytes'),
    workers: integer(args.workers ?? env.KAMERVRAGEN_WORKERS, '--workers'),
    ...parseLimits(env),
    // A release always keeps its cache ("off", which a build accepts, means the default here).
    cache:
      args.cache ||
      (env.KAMERVRAGEN_CACHE === 'off' ? undefined : env.KAMERVRAGEN_CACHE) ||
      undefined,
    github: {
      token: env.GITHUB_TOKEN || undefined,
      apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
      delayUnitMs: integer(
        env.KAMERVRAGEN_RELEASE_DELAY_UNIT_MS,
        'KAMERVRAGEN_RELEASE_DELAY_UNIT_MS',
      ),
      writeIntervalMs: integer(
        env.KAMERVRAGEN_RELEASE_WRITE_INTERVAL_MS,
        'KAMERVRAGEN_RELEASE_WRITE_INTERVAL_MS',
      ),
    },
    info,
  };
}

export const RELEASE_ARG_OPTIONS = {
  target: { type: 'string' },
  documents: { type: 'string' },
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'no-publish': { type: 'boolean' },
  'allow-removals': { type: 'boolean' },
  quarantine: { type: 'boolean' },
  repository: { type: 'string' },
  'source-commit': { type: 'string' },
  'gzip-min-bytes': { type: 'string' },
  workers: { type: 'string' },
  cache: { type: 'string' },
} as const;
