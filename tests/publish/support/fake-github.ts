// A stand-in for GitHub's release endpoints on 127.0.0.1: an API host and an upload host, with
// state (releases, drafts, assets, unfinished "starter" uploads) and injectable faults. Every
// response it sends and every JSON request it receives is checked against GitHub's OpenAPI
// description; problems are collected in `violations` for the tests to assert on.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  assetJson,
  releaseJson,
  TIME,
  type FakeAsset,
  type FakeRelease,
  type Shapes,
} from './github-shapes.ts';
import { OpenApiValidator } from './openapi-validator.ts';

export type Fault =
  /** Fail before doing anything. */
  | { kind: 'error'; status: 500 | 502 | 503 }
  /** A 502 from a proxy that echoes the request's Authorization, raw and as Basic credentials. */
  | { kind: 'echo-authorization' }
  /** Do the work, then answer 500: the client never learns it succeeded. */
  | { kind: 'lost-response' }
  /** Uploads: leave an unfinished asset (state "open", what GitHub's UI calls a starter asset) and answer 502. */
  | { kind: 'starter' }
  /** Secondary rate limit, with retry-after in seconds. */
  | { kind: 'rate-limit'; status: 403 | 429; retryAfter: number }
  /** Close the connection; uploads read part of the body first and leave a starter asset. */
  | { kind: 'reset' }
  /** Uploads: an asset of that name appears (a starter) and the upload gets 422 already_exists. */
  | { kind: 'already-exists' };

export interface SeenRequest {
  n: number;
  host: 'api' | 'uploads';
  method: string;
  path: string;
  status: number;
  fault: Fault['kind'] | null;
  authorization: string | undefined;
  /** The request's Content-Length and Transfer-Encoding headers, as sent. */
  contentLength?: string | undefined;
  transferEncoding?: string | undefined;
  /** How many pieces the body arrived in (a body streamed from a file comes in many). */
  bodyChunks?: number;
}

export interface PublishEvent {
  tag: string;
  assets: { name: string; state: string; sha256: string }[];
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  token: string;
  /** Decide a fault for each request (null: behave). */
  fault?: (request: {
    n: number;
    host: 'api' | 'uploads';
    method: string;
    path: string;
  }) => Fault | null;
  /** GitHub computes asset digests; older servers leave them null. */
  digests?: boolean;
}

const DOCS = 'https://docs.github.com/rest/releases';

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly violations: string[] = [];
  readonly requests: SeenRequest[] = [];
  readonly published: PublishEvent[] = [];
  /** Uploads or deletions aimed at a published release: the protocol must never make them. */
  readonly changesToPublished: string[] = [];
  releases: FakeRelease[] = [];
  fault: FakeGitHubOptions['fault'];
  digests: boolean;
  private nextId = 1;
  private n = 0;
  private api!: Server;
  private uploads!: Server;
  // One compiled validator for every instance: compiling the description is the slow part.
  private static validator: OpenApiValidator | undefined;
  private readonly validator = (FakeGitHub.validator ??= new OpenApiValidator());
  private readonly token: string;
  apiUrl = '';
  uploadUrl = '';

  constructor(options: FakeGitHubOptions) {
    this.owner = options.owner ?? 'octo-org';
    this.repo = options.repo ?? 'kamervragen';
    this.token = options.token;
    this.fault = options.fault;
    this.digests = options.digests ?? true;
  }

  async start(): Promise<this> {
    const listen = (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
      new Promise<Server>((resolve) => {
        const server = createServer(handler);
        server.listen(0, '127.0.0.1', () => resolve(server));
      });
    this.api = await listen((req, res) => void this.handle('api', req, res));
    this.uploads = await listen((req, res) => void this.handle('uploads', req, res));
    this.apiUrl = `http://127.0.0.1:${(this.api.address() as AddressInfo).port}`;
    this.uploadUrl = `http://127.0.0.1:${(this.uploads.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const server of [this.api, this.uploads]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  private shapes(): Shapes {
    return {
      apiUrl: this.apiUrl,
      uploadUrl: this.uploadUrl,
      owner: this.owner,
      repo: this.repo,
      digests: this.digests,
    };
  }

  private repoPath() {
    return `/repos/${this.owner}/${this.repo}`;
  }

  assetJson(a: FakeAsset, release: FakeRelease) {
    return assetJson(this.shapes(), a, release);
  }

  releaseJson(r: FakeRelease) {
    return releaseJson(this.shapes(), r);
  }

  private error(status: number, message: string, errors?: object[]) {
    return { status, body: { message, documentation_url: DOCS, ...(errors ? { errors } : {}) } };
  }

  // ---- request handling ----

  private async handle(
    host: 'api' | 'uploads',
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const n = ++this.n;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const fault = this.fault?.({ n, host, method, path: url.pathname }) ?? null;
    const seen: SeenRequest = {
      n,
      host,
      method,
      path: url.pathname,
      status: 0,
      fault: fault?.kind ?? null,
      authorization: req.headers.authorization,
      contentLength: req.headers['content-length'],
      transferEncoding: req.headers['transfer-encoding'],
    };
    this.requests.push(seen);

    if (fault?.kind === 'reset') {
      if (host === 'uploads' && method === 'POST') {
        await this.readSome(req);
        this.starter(url);
      }
      seen.status = -1;
      req.socket.destroy();
      return;
    }
    const body = await this.readAll(req, seen);
    const send = (
      status: number,
      payload: unknown,
      headers: Record<string, string> = {},
      validate = true,
    ) => {
      seen.status = status;
      if (validate && !url.pathname.startsWith('/download')) {
        const problems = this.validator.checkResponse(method, url.pathname, status, payload);
        this.violations.push(...problems.map((p) => `${n}: ${p}`));
      }
      const text = payload === undefined ? '' : JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(text);
    };

    const auth = req.headers.authorization ?? '';
    if (
      auth !== `token ${this.token}` &&
      auth !== `bearer ${this.token}` &&
      auth !== `Bearer ${this.token}`
    ) {
      const e = this.error(401, 'Bad credentials');
      return send(e.status, e.body, {}, false);
    }
    if (fault?.kind === 'error') return send(fault.status, { message: 'Server Error' }, {}, false);
    if (fault?.kind === 'echo-authorization') {
      const basic = Buffer.from(`x-access-token:${this.token}`).toString('base64');
      const message = `Bad Gateway: upstream refused "${auth}" (Authorization: Basic ${basic})`;
      return send(502, { message }, {}, false);
    }
    if (fault?.kind === 'rate-limit') {
      const e = this.error(
        fault.status,
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      );
      return send(e.status, e.body, { 'retry-after': String(fault.retryAfter) }, false);
    }
    if (fault?.kind === 'starter' && host === 'uploads') {
      this.starter(url);
      return send(502, { message: 'Bad Gateway' }, {}, false);
    }
    if (fault?.kind === 'already-exists' && host === 'uploads') {
      this.starter(url);
      // Documented status: validated like any other answer.
      const e = this.error(422, 'Validation Failed', [
        { resource: 'ReleaseAsset', code: 'already_exists', field: 'name' },
      ]);
      return send(e.status, e.body);
    }

    let json: unknown;
    if (host === 'api' && body.length > 0) {
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        return send(400, { message: 'Problems parsing JSON' }, {}, false);
      }
      this.violations.push(
        ...this.validator.checkRequest(method, url.pathname, json).map((p) => `${n}: ${p}`),
      );
    }
    const result =
      host === 'uploads'
        ? this.upload(url, req, body)
        : this.route(method, url, json as Record<string, unknown> | undefined, req);
    if (fault?.kind === 'lost-response') return send(500, { message: 'Server Error' }, {}, false);
    if (result.status === 302) {
      seen.status = 302;
      res.writeHead(302, { location: result.location! });
      res.end();
      return;
    }
    if (result.raw) {
      seen.status = 200;
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(result.raw);
      return;
    }
    send(result.status, result.body, result.headers ?? {});
  }

  private readAll(req: IncomingMessage, seen: SeenRequest): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.bodyChunks = chunks.length;
        resolve(Buffer.concat(chunks));
      });
      req.on('error', reject);
    });
  }

  private readSome(req: IncomingMessage): Promise<void> {
    return new Promise((resolve) => {
      req.once('data', () => resolve());
      req.once('end', () => resolve());
      req.once('error', () => resolve());
    });
  }

  private findRelease(id: number) {
    return this.releases.find((r) => r.id === id);
  }

  private starter(url: URL) {
    const m = /\/releases\/(\d+)\/assets$/.exec(url.pathname);
    const release = m ? this.findRelease(Number(m[1])) : undefined;
    const name = url.searchParams.get('name');
    if (!release || !name || release.assets.some((a) => a.name === name)) return;
    release.assets.push({
      id: this.nextId++,
      name,
      label: null,
      state: 'open',
      bytes: Buffer.alloc(0),
      contentType: 'application/octet-stream',
    });
  }

  private upload(url: URL, req: IncomingMessage, body: Buffer): Response {
    const m = new RegExp(`^${this.repoPath()}/releases/(\\d+)/assets$`).exec(url.pathname);
    const release = m ? this.findRelease(Number(m[1])) : undefined;
    if (!release) return this.error(404, 'Not Found');
    const name = url.searchParams.get('name');
    if (!name)
      return this.error(422, 'Validation Failed', [
        { resource: 'ReleaseAsset', code: 'missing_field', field: 'name' },
      ]);
    // GitHub's upload host wants the size up front: a chunked body is refused.
    if (req.headers['content-length'] === undefined) return this.error(411, 'Length Required');
    if (Number(req.headers['content-length']) !== body.length)
      return this.error(400, 'content-length does not match the body');
    if (release.assets.some((a) => a.name === name)) {
      return this.error(422, 'Validation Failed', [
        { resource: 'ReleaseAsset', code: 'already_exists', field: 'name' },
      ]);
    }
    if (!release.draft)
      this.changesToPublished.push(`upload ${name} to published ${release.tag_name}`);
    const asset: FakeAsset = {
      id: this.nextId++,
      name,
      label: url.searchParams.get('label'),
      state: 'uploaded',
      bytes: body,
      contentType: String(req.headers['content-type'] ?? 'application/octet-stream'),
    };
    release.assets.push(asset);
    return { status: 201, body: this.assetJson(asset, release) };
  }

  private page<T>(items: T[], url: URL): { body: T[]; headers: Record<string, string> } {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, 100);
    const page = Number(url.searchParams.get('page') ?? 1) || 1;
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${this.apiUrl}${next.pathname}${next.search}>; rel="next"`;
    }
    return { body: items.slice((page - 1) * perPage, page * perPage), headers };
  }

  private route(
    method: string,
    url: URL,
    json: Record<string, unknown> | undefined,
    req: IncomingMessage,
  ): Response {
    const path = url.pathname;
    const base = this.repoPath();
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/download') return this.error(404, 'Not Found');
    if (method === 'GET' && (m = /^\/download\/[^/]+\/[^/]+$/.exec(path))) {
      const id = Number(url.searchParams.get('asset'));
      for (const r of this.releases)
        for (const a of r.assets) if (a.id === id) return { status: 200, raw: a.bytes };
      return this.error(404, 'Not Found');
    }
    if (path === `${base}/releases`) {
      if (method === 'GET') {
        const { body, headers } = this.page(
          [...this.releases].sort((a, b) => b.id - a.id).map((r) => this.releaseJson(r)),
          url,
        );
        return { status: 200, body, headers };
      }
      if (method === 'POST') {
        const tag = String(json?.tag_name ?? '');
        if (!tag)
          return this.error(422, 'Validation Failed', [
            { resource: 'Release', code: 'missing_field', field: 'tag_name' },
          ]);
        if (this.releases.some((r) => r.tag_name === tag && !r.draft) && json?.draft !== true) {
          return this.error(422, 'Validation Failed', [
            { resource: 'Release', code: 'already_exists', field: 'tag_name' },
          ]);
        }
        const r: FakeRelease = {
          id: this.nextId++,
          tag_name: tag,
          target_commitish: String(json?.target_commitish ?? 'main'),
          name: (json?.name as string | undefined) ?? null,
          body: (json?.body as string | undefined) ?? null,
          draft: json?.draft === true,
          prerelease: json?.prerelease === true,
          published_at: json?.draft === true ? null : TIME,
          assets: [],
        };
        this.releases.push(r);
        if (!r.draft) this.recordPublish(r);
        return {
          status: 201,
          body: this.releaseJson(r),
          headers: { location: `${this.apiUrl}${base}/releases/${r.id}` },
        };
      }
    }
    if (method === 'GET' && (m = new RegExp(`^${base}/releases/tags/(.+)$`).exec(path))) {
      const r = this.releases.find((x) => x.tag_name === decodeURIComponent(m![1]!) && !x.draft);
      return r ? { status: 200, body: this.releaseJson(r) } : this.error(404, 'Not Found');
    }
    if (method === 'GET' && path === `${base}/releases/latest`) {
      const r = [...this.releases].filter((x) => !x.draft).sort((a, b) => b.id - a.id)[0];
      return r ? { status: 200, body: this.releaseJson(r) } : this.error(404, 'Not Found');
    }
    if ((m = new RegExp(`^${base}/releases/assets/(\\d+)$`).exec(path))) {
      const id = Number(m[1]);
      const release = this.releases.find((r) => r.assets.some((a) => a.id === id));
      const asset = release?.assets.find((a) => a.id === id);
      if (!release || !asset) return this.error(404, 'Not Found');
      if (method === 'GET') {
        if (String(req.headers.accept ?? '').includes('application/octet-stream')) {
          return { status: 302, location: this.assetJson(asset, release).browser_download_url };
        }
        return { status: 200, body: this.assetJson(asset, release) };
      }
      if (method === 'DELETE') {
        if (!release.draft)
          this.changesToPublished.push(`delete ${asset.name} of published ${release.tag_name}`);
        release.assets = release.assets.filter((a) => a.id !== id);
        return { status: 204 };
      }
      if (method === 'PATCH') {
        if (typeof json?.name === 'string') asset.name = json.name;
        if (typeof json?.label === 'string') asset.label = json.label;
        return { status: 200, body: this.assetJson(asset, release) };
      }
    }
    if ((m = new RegExp(`^${base}/releases/(\\d+)/assets$`).exec(path)) && method === 'GET') {
      const release = this.findRelease(Number(m[1]));
      if (!release) return this.error(404, 'Not Found');
      const { body, headers } = this.page(
        release.assets.map((a) => this.assetJson(a, release)),
        url,
      );
      return { status: 200, body, headers };
    }
    if ((m = new RegExp(`^${base}/releases/(\\d+)$`).exec(path))) {
      const release = this.findRelease(Number(m[1]));
      if (!release) return this.error(404, 'Not Found');
      if (method === 'GET') return { status: 200, body: this.releaseJson(release) };
      if (method === 'DELETE') {
        this.releases = this.releases.filter((r) => r !== release);
        return { status: 204 };
      }
      if (method === 'PATCH') {
        for (const key of ['name', 'body', 'tag_name', 'target_commitish'] as const) {
          if (typeof json?.[key] === 'string') release[key] = json[key] as string;
        }
        if (json?.draft === false && release.draft) {
          release.draft = false;
          release.published_at = TIME;
          this.recordPublish(release);
        }
        return { status: 200, body: this.releaseJson(release) };
      }
    }
    return this.error(404, 'Not Found');
  }

  private recordPublish(r: FakeRelease) {
    this.published.push({
      tag: r.tag_name,
      assets: r.assets.map((a) => ({
        name: a.name,
        state: a.state,
        sha256: createHash('sha256').update(a.bytes).digest('hex'),
      })),
    });
  }
}

interface Response {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  location?: string;
  raw?: Buffer;
}
