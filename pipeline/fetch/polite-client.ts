// The fetcher's only door to the network. It gets `fetch` injected (tests pass the real one and
// point it at a local server). Polite: one request at a time, a pause between requests, a
// timeout, retries with exponential backoff on 429/5xx and network errors, Retry-After honoured
// (up to a cap), a User-Agent naming the project. Safe: redirects are followed by hand and only
// to allowed URLs; bodies are size-capped.
import { KamervragenError } from '../errors.ts';

export const USER_AGENT =
  'kamervragen-fetcher/1.0 (open dataset of Dutch written parliamentary questions; polite harvester, one request at a time)';

export interface PoliteClientOptions {
  fetch: typeof globalThis.fetch;
  isAllowed: (url: URL) => boolean;
  userAgent?: string;
  /** Pause before every request but the first (ms). */
  delayMs: number;
  timeoutMs: number;
  /** Extra attempts after the first one for retryable failures. */
  retries: number;
  /** First backoff (ms); doubles on every retry. */
  backoffMs: number;
  /** Longest Retry-After the client agrees to wait (ms). */
  maxRetryAfterMs?: number;
  maxBytes?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Called before each attempt, e.g. to show progress. */
  onRequest?: (url: string, attempt: number) => void;
}

export interface HttpResponse {
  url: string;
  status: number;
  contentType: string | null;
  body: Uint8Array;
}

export interface PoliteClient {
  get(url: string, accept: string): Promise<HttpResponse>;
  readonly requests: number;
}

class Retryable extends Error {
  constructor(
    message: string,
    readonly waitMs: number | null,
  ) {
    super(message);
  }
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const tooLarge = (what: string) =>
    new KamervragenError('fetch/too-large', `${url} ${what}, more than the ${maxBytes} allowed`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(`is ${declared} bytes`);
  }
  // Counted while it streams: a chunked answer without a length stops at the cap, not after it.
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    length += next.value.length;
    if (length > maxBytes) {
      await reader?.cancel();
      throw tooLarge('sent more bytes');
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

export function createPoliteClient(options: PoliteClientOptions): PoliteClient {
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  let queue: Promise<unknown> = Promise.resolve();
  let requests = 0;

  async function once(url: string, accept: string): Promise<HttpResponse> {
    let current = new URL(url);
    for (let hop = 0; hop <= 5; hop += 1) {
      if (!options.isAllowed(current)) {
        throw new KamervragenError(
          'fetch/foreign-host',
          `refused to follow ${current.origin}: only the configured SRU service and the official repository hosts are fetched`,
          { file: url },
        );
      }
      if (requests > 0 && options.delayMs > 0) await sleep(options.delayMs);
      requests += 1;
      let response: Response;
      try {
        response = await options.fetch(current, {
          headers: { 'user-agent': options.userAgent ?? USER_AGENT, accept },
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        const reason =
          (error as Error).name === 'TimeoutError'
            ? `no answer within ${options.timeoutMs} ms`
            : (error as Error).message;
        throw new Retryable(`${current.href}: ${reason}`, null);
      }
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        current = new URL(response.headers.get('location') as string, current);
        continue;
      }
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel();
        throw new Retryable(
          `${current.href}: HTTP ${response.status}`,
          retryAfterMs(response.headers.get('retry-after'), now()),
        );
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        throw new KamervragenError(
          'fetch/http-status',
          `${current.href} answered HTTP ${response.status}`,
          { file: url },
        );
      }
      let body: Uint8Array;
      try {
        body = await readCapped(response, maxBytes, current.href);
      } catch (error) {
        if (error instanceof KamervragenError) throw error;
        throw new Retryable(
          `${current.href}: the body was cut off (${(error as Error).message})`,
          null,
        );
      }
      return {
        url: current.href,
        status: response.status,
        contentType: response.headers.get('content-type'),
        body,
      };
    }
    throw new KamervragenError('fetch/redirects', `${url} redirected more than 5 times`, {
      file: url,
    });
  }

  async function withRetries(url: string, accept: string): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt += 1) {
      options.onRequest?.(url, attempt);
      try {
        return await once(url, accept);
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        if (attempt >= options.retries) {
          throw new KamervragenError(
            'fetch/unavailable',
            `${error.message}; gave up after ${attempt + 1} attempts, try again later`,
            { file: url },
          );
        }
        const backoff = options.backoffMs * 2 ** attempt;
        if (error.waitMs !== null && error.waitMs > maxRetryAfterMs) {
          throw new KamervragenError(
            'fetch/unavailable',
            `${error.message}; the server asks to wait ${Math.round(error.waitMs / 1000)} s, more than allowed; try again later`,
            { file: url },
          );
        }
        await sleep(Math.max(backoff, error.waitMs ?? 0));
      }
    }
  }

  return {
    get(url, accept) {
      // Chained so that concurrent callers still send one request at a time.
      const result = queue.then(() => withRetries(url, accept));
      queue = result.catch(() => undefined);
      return result;
    },
    get requests() {
      return requests;
    },
  };
}
