// The options every fetch collection shares: the service, the page size and the polite client
// (pause, time-out, retries, back-off), read from the command line or the environment.
import { KamervragenError } from '../../errors.ts';
import { createPoliteClient, USER_AGENT, type PoliteClient } from '../../fetch/polite-client.ts';
import { isAllowedUrl } from '../../fetch/select-records.ts';
import { DEFAULT_SRU_URL } from '../../fetch/sru-query.ts';

export const CLIENT_OPTIONS = {
  'sru-url': { type: 'string' },
  'page-size': { type: 'string' },
  'max-documents': { type: 'string' },
  'delay-ms': { type: 'string' },
  'timeout-ms': { type: 'string' },
  retries: { type: 'string' },
  'backoff-ms': { type: 'string' },
} as const;

export interface ClientValues {
  'sru-url'?: string | undefined;
  'page-size'?: string | undefined;
  'delay-ms'?: string | undefined;
  'timeout-ms'?: string | undefined;
  retries?: string | undefined;
  'backoff-ms'?: string | undefined;
}

const usage = (message: string) => new KamervragenError('usage/fetch', message, {}, 2);

/** A whole-number option; `fallback` when it is not given. */
export function wholeNumber(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw usage(`--${flag} expects a whole number, got "${raw}"`);
  return Number(raw);
}

export function pageSizeOf(values: ClientValues, fallback: number): number {
  const pageSize = wholeNumber('page-size', values['page-size'], fallback);
  if (pageSize < 1 || pageSize > 1000) throw usage('--page-size must be between 1 and 1000');
  return pageSize;
}

/** The SRU service to ask and a polite client that follows links only to its host. */
export function sruClient(values: ClientValues): { sruUrl: string; client: PoliteClient } {
  const env = process.env;
  const sruUrl = values['sru-url'] ?? env.KAMERVRAGEN_SRU_URL ?? DEFAULT_SRU_URL;
  let origin: string;
  try {
    const parsed = new URL(sruUrl);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not http(s)');
    origin = parsed.origin;
  } catch {
    throw usage(`--sru-url "${sruUrl}" is not an http(s) URL`);
  }
  // Under GitHub Actions the User-Agent also names the repository, so the source knows who asks.
  const repository =
    env.GITHUB_REPOSITORY && env.GITHUB_SERVER_URL
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
      : null;
  const client = createPoliteClient({
    fetch: globalThis.fetch,
    userAgent: repository ? USER_AGENT.replace(/\)$/, `; +${repository})`) : USER_AGENT,
    isAllowed: (url) => isAllowedUrl(url, origin),
    delayMs: wholeNumber('delay-ms', values['delay-ms'] ?? env.KAMERVRAGEN_FETCH_DELAY_MS, 500),
    timeoutMs: wholeNumber(
      'timeout-ms',
      values['timeout-ms'] ?? env.KAMERVRAGEN_FETCH_TIMEOUT_MS,
      30_000,
    ),
    retries: wholeNumber('retries', values.retries ?? env.KAMERVRAGEN_FETCH_RETRIES, 4),
    backoffMs: wholeNumber(
      'backoff-ms',
      values['backoff-ms'] ?? env.KAMERVRAGEN_FETCH_BACKOFF_MS,
      2000,
    ),
  });
  return { sruUrl, client };
}
