import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL: https://api.github.com, a GitHub Enterprise server, or a local stand-in. */
  baseUrl: string;
  /** Milliseconds per "second" of back-off; GitHub wants 1000, tests use 1. */
  delayUnitMs?: number;
  /** Pause between writes; default plugin-throttling's (1000 ms, 3000 ms for ones that notify). */
  writeIntervalMs?: number;
  retries?: number;
  /** Where the client's own warnings go (never the token: Octokit redacts its headers). */
  warn: (message: string) => void;
}

// plugin-throttling takes a Bottleneck.Group for writes; this is the part of that interface it uses,
// with a configurable interval so tests need not wait a second between writes.
function writeSpacing(intervalMs: number) {
  let last = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const limiter = {
    schedule(
      _options: unknown,
      task: (...args: unknown[]) => Promise<unknown>,
      ...args: unknown[]
    ) {
      const run = queue.then(async () => {
        const wait = last + intervalMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        last = Date.now();
      });
      queue = run.catch(() => undefined);
      return run.then(() => task(...args));
    },
  };
  return { key: () => limiter };
}

const RetryingOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof RetryingOctokit>;

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const unit = options.delayUnitMs ?? 1000;
  const retries = options.retries ?? 4;
  return new RetryingOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: 'kamervragen-release',
    log: { debug: () => {}, info: () => {}, warn: options.warn, error: options.warn },
    retry: { retries, retryAfterBaseValue: unit },
    throttle: {
      retryAfterBaseValue: unit,
      fallbackSecondaryRateRetryAfter: 60,
      // Writes and notification-triggering writes (creating a release) are spaced by GitHub's
      // defaults (1 s and 3 s) unless told otherwise.
      ...(options.writeIntervalMs === undefined
        ? {}
        : {
            write: writeSpacing(options.writeIntervalMs) as never,
            notifications: writeSpacing(options.writeIntervalMs) as never,
          }),
      onRateLimit: (
        after: number,
        o: { method: string; url: string },
        _k: unknown,
        count: number,
      ) => {
        options.warn(`rate limit on ${o.method} ${o.url}; retrying in ${after}s`);
        return count < retries;
      },
      onSecondaryRateLimit: (
        after: number,
        o: { method: string; url: string },
        _k: unknown,
        count: number,
      ) => {
        options.warn(`secondary rate limit on ${o.method} ${o.url}; retrying in ${after}s`);
        return count < retries;
      },
    },
  });
}
