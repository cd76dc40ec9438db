import { KamervragenError } from '../../errors.ts';

const HINTS: Record<number, string> = {
  401: 'GITHUB_TOKEN was refused: check that it is set and not expired',
  403: 'the token may not write releases: it needs contents: write on the repository',
  404: 'repository not found, or the token cannot see it: check OWNER/REPO and the token',
  422: 'GitHub refused the request as invalid',
};

/**
 * A GitHub answer that stops the release, as a KamervragenError a person can act on: status,
 * method, URL and GitHub's message. Only those: Octokit's error also holds the request headers.
 */
export function explainGitHubError(error: unknown, location: string): unknown {
  const e = error as {
    status?: number;
    request?: { method?: string; url?: string };
    response?: { data?: { message?: string } };
  };
  if (error instanceof KamervragenError || typeof e.status !== 'number' || !e.request) return error;
  const what = `${e.request.method ?? ''} ${e.request.url ?? ''}`.trim();
  const said = e.response?.data?.message ?? (error as Error).message;
  const hint =
    HINTS[e.status] ??
    (e.status >= 500
      ? 'GitHub failed; run the release again: it continues where this one stopped'
      : '');
  return new KamervragenError(
    'publish/github',
    `${location}: ${what} answered ${e.status} "${said}"${hint ? `; ${hint}` : ''}`,
  );
}
