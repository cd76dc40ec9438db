// Where the dataset's code and releases live, as CITATION.cff, the manifest and the site's
// download links name it. Never invented: from GitHub Actions' own variables, else the checkout's
// remote, else nothing (the citation then has no repository lines).
import { KamervragenError } from '../errors.ts';

/** `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}` under Actions; null elsewhere. */
export function repositoryFromEnv(env: NodeJS.ProcessEnv): string | null {
  const server = env.GITHUB_SERVER_URL?.trim();
  const repo = env.GITHUB_REPOSITORY?.trim();
  if (!server || !repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return null;
  return `${server.replace(/\/+$/, '')}/${repo}`;
}

/**
 * A git remote as a web address: "git@github.com:o/r.git", "ssh://git@host/o/r",
 * "https://user:token@host/o/r.git" → "https://host/o/r"; null for a local path or anything else.
 */
export function repositoryFromRemote(remote: string | null): string | null {
  const text = remote?.trim() ?? '';
  const scp = /^[\w.-]+@([\w.-]+):([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(text);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol) || url.hostname === '')
    return null;
  const path = /^\/([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(url.pathname);
  return path ? `https://${url.hostname}/${path[1]}` : null;
}

/** The owner/name a repository URL ends in, lower-cased (GitHub names are case-insensitive). */
function ownerAndName(repository: string): string | null {
  const match = /\/([^/]+)\/([^/]+?)\/*$/.exec(repository);
  return match ? `${match[1]}/${match[2]}`.toLowerCase() : null;
}

/** A release published to github:owner/repo must cite that repository, not another one. */
export function assertRepositoryMatches(
  repository: string | null,
  owner: string,
  repo: string,
): void {
  if (repository !== null && ownerAndName(repository) === `${owner}/${repo}`.toLowerCase()) return;
  throw new KamervragenError(
    'release/repository',
    repository === null
      ? `no repository URL is known, but the release goes to github:${owner}/${repo}; pass --repository https://github.com/${owner}/${repo}`
      : `the release names ${repository} as its repository (in CITATION.cff and manifest.json) but would be published to github:${owner}/${repo}; pass --repository for the target, or publish to the repository it names`,
    { field: 'repository' },
    2,
  );
}
