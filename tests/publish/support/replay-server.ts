// Replays a recorded @octokit/fixtures scenario (real GitHub traffic) on 127.0.0.1: each request
// must be the next one recorded (method, host, path and query, body); the answer is the recorded
// one with GitHub's hosts pointed at this server. Mismatches are collected, not thrown, so a test
// can show all of them.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedExchange {
  scope: string;
  method: string;
  path: string;
  body?: unknown;
  status: number;
  response: unknown;
  reqheaders: Record<string, string | number>;
  headers: Record<string, string | number>;
}

const FIXTURES = new URL('../../fixtures/github/octokit-fixtures-23.1.2/', import.meta.url);

export function loadScenario(name: string): RecordedExchange[] {
  return JSON.parse(
    readFileSync(new URL(`${name}/normalized-fixture.json`, FIXTURES), 'utf8'),
  ) as RecordedExchange[];
}

export class ReplayServer {
  readonly mismatches: string[] = [];
  readonly served: string[] = [];
  apiUrl = '';
  uploadUrl = '';
  private next = 0;
  private servers: Server[] = [];

  constructor(private readonly exchanges: RecordedExchange[]) {}

  get remaining(): number {
    return this.exchanges.length - this.next;
  }

  async start(): Promise<this> {
    for (const host of ['api', 'uploads'] as const) {
      const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const { status, body, contentType } = this.answer(host, req, Buffer.concat(chunks));
          res.writeHead(status, contentType ? { 'content-type': contentType } : {});
          res.end(body);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      this.servers.push(server);
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (host === 'api') this.apiUrl = url;
      else this.uploadUrl = url;
    }
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.servers) {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
  }

  private rewrite(text: string): string {
    return text
      .replaceAll('https://api.github.com', this.apiUrl)
      .replaceAll('https://uploads.github.com', this.uploadUrl);
  }

  private answer(host: 'api' | 'uploads', req: IncomingMessage, body: Buffer) {
    const expected = this.exchanges[this.next];
    const label = `${req.method} ${host} ${req.url}`;
    if (!expected) {
      this.mismatches.push(`unexpected request after the recording ended: ${label}`);
      return { status: 500, body: '{"message":"not recorded"}', contentType: 'application/json' };
    }
    this.next++;
    this.served.push(label);
    const expectedHost = expected.scope.includes('uploads.') ? 'uploads' : 'api';
    const problems: string[] = [];
    if (req.method !== expected.method.toUpperCase())
      problems.push(`method ${req.method}, recorded ${expected.method}`);
    if (host !== expectedHost) problems.push(`host ${host}, recorded ${expectedHost}`);
    if (!samePath(req.url ?? '', expected.path))
      problems.push(`path ${req.url}, recorded ${expected.path}`);
    if (expected.body !== undefined && expected.body !== '') {
      const sent = body.toString('utf8');
      const same =
        typeof expected.body === 'string'
          ? sent === expected.body
          : safeJson(sent) === JSON.stringify(expected.body);
      if (!same)
        problems.push(
          `body ${sent.slice(0, 80)}, recorded ${JSON.stringify(expected.body).slice(0, 80)}`,
        );
    }
    const length = expected.reqheaders['content-length'];
    if (length !== undefined && Number(req.headers['content-length']) !== Number(length)) {
      problems.push(`content-length ${req.headers['content-length']}, recorded ${length}`);
    }
    const scheme = (h: unknown) =>
      String(h ?? '')
        .split(' ')[0]
        ?.toLowerCase();
    if (scheme(req.headers.authorization) !== scheme(expected.reqheaders.authorization)) {
      problems.push(
        `authorization scheme ${scheme(req.headers.authorization)}, recorded ${scheme(expected.reqheaders.authorization)}`,
      );
    }
    if (problems.length > 0) this.mismatches.push(`${label}: ${problems.join('; ')}`);
    const text =
      expected.response === '' || expected.response === undefined
        ? ''
        : this.rewrite(JSON.stringify(expected.response));
    return {
      status: expected.status,
      body: text,
      contentType: text ? String(expected.headers['content-type']) : undefined,
    };
  }
}

// Same path and recorded query; we may add paging parameters (we ask for 100 per page).
function samePath(sent: string, recorded: string): boolean {
  const a = new URL(sent, 'http://x');
  const b = new URL(recorded, 'http://x');
  if (a.pathname !== b.pathname) return false;
  for (const [key, value] of b.searchParams) if (a.searchParams.get(key) !== value) return false;
  for (const key of a.searchParams.keys())
    if (!b.searchParams.has(key) && key !== 'per_page' && key !== 'page') return false;
  return true;
}

function safeJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}
