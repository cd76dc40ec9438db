// The polite client against a real local server: one request at a time with a pause between
// them, no retry on a 4xx, a Retry-After beyond the cap ends the run, bodies are size-capped,
// and redirects are followed only within the allowed hosts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  createPoliteClient,
  type PoliteClientOptions,
} from '../../pipeline/fetch/polite-client.ts';
import { isAllowedUrl } from '../../pipeline/fetch/select-records.ts';
import { AH_METADATA_PATH, AH_XML_PATH, startStandIn, type StandIn } from './sru-stand-in.ts';

let standIn: StandIn;
beforeEach(async () => {
  standIn = await startStandIn({ sru: () => null });
});
afterEach(() => standIn.close());

const client = (options: Partial<PoliteClientOptions> = {}) =>
  createPoliteClient({
    fetch: globalThis.fetch,
    isAllowed: (url) => isAllowedUrl(url, standIn.base),
    delayMs: 0,
    timeoutMs: 2000,
    retries: 2,
    backoffMs: 1,
    ...options,
  });

it('sends one request at a time, with the pause between them, even when asked concurrently', async () => {
  const polite = client({ delayMs: 80 });
  const responses = await Promise.all(
    [1, 2, 3].map(() => polite.get(standIn.base + AH_XML_PATH, 'application/xml')),
  );
  expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
  const times = standIn.log.map((r) => r.at);
  expect(times).toHaveLength(3);
  for (let i = 1; i < times.length; i += 1)
    expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(75);
  expect(polite.requests).toBe(3);
});

it('does not retry a 404', async () => {
  await expect(
    client().get(`${standIn.base}/repository.overheid.nl/missing.xml`, 'application/xml'),
  ).rejects.toMatchObject({ code: 'fetch/http-status' });
  expect(standIn.log).toHaveLength(1);
});

it('gives up at once when Retry-After asks for longer than allowed', async () => {
  standIn.fault(AH_XML_PATH, { status: 429, headers: { 'retry-after': '3600' } });
  await expect(
    client({ maxRetryAfterMs: 60_000 }).get(standIn.base + AH_XML_PATH, 'application/xml'),
  ).rejects.toMatchObject({
    code: 'fetch/unavailable',
    message: expect.stringContaining('3600 s'),
  });
  expect(standIn.log).toHaveLength(1);
});

it('refuses a body larger than the cap', async () => {
  await expect(
    client({ maxBytes: 100 }).get(standIn.base + AH_XML_PATH, 'application/xml'),
  ).rejects.toMatchObject({ code: 'fetch/too-large' });
});

it('stops reading a chunked body without a length at the cap, not after the whole body', async () => {
  // An endless chunked answer: counting only after the body ends would wait for ever.
  let sent = 0;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/xml' });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) sent += chunk.length;
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await expect(
      client({ maxBytes: 1024 * 1024, isAllowed: () => true, timeoutMs: 10_000 }).get(
        `${base}/endless.xml`,
        'application/xml',
      ),
    ).rejects.toMatchObject({ code: 'fetch/too-large' });
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

it('follows a redirect within the allowed hosts', async () => {
  standIn.fault(AH_XML_PATH, { status: 301, headers: { location: AH_METADATA_PATH } });
  const response = await client().get(standIn.base + AH_XML_PATH, 'application/xml');
  expect(response.url).toBe(standIn.base + AH_METADATA_PATH);
  expect(new TextDecoder().decode(response.body)).toContain('<metadata_gegevens>');
});
