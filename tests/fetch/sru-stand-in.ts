// A local stand-in for KOOP's SRU service and repository: a real HTTP server on 127.0.0.1 that
// replays the recorded responses in tests/fixtures/{sru,ob-xml}. The recordings point at
// repository.overheid.nl (or at upstream's __MOCK_SERVICE__); they are rewritten here, when
// served, to this server, so the fixtures stay byte-for-byte as recorded.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const readFixture = (path: string): string => readFileSync(FIXTURES + path, 'utf8');
export const readFixtureBytes = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(FIXTURES + path));

/** Repository URLs in a recording, pointed at `base` instead. */
export function rewriteUrls(xml: string, base: string): string {
  return xml
    .replaceAll(
      'http://__MOCK_SERVICE__/repository.overheid.nl/',
      `${base}/repository.overheid.nl/`,
    )
    .replaceAll('https://repository.overheid.nl/', `${base}/repository.overheid.nl/`);
}

/** The `<sru:record>` elements of a recorded response or record file, as text. */
export function recordsOf(xml: string): string[] {
  return [...xml.matchAll(/<sru:record[\s>][\s\S]*?<\/sru:record>/g)].map((m) => m[0]);
}

const ROOT =
  /<sru:searchRetrieveResponse[^>]*>/.exec(
    readFixture('sru/sru-response-integration-mock-urls.xml'),
  )?.[0] ?? '';

/** An SRU 2.0 response around recorded records, in the envelope of the recordings. */
export function sruPage(
  records: string[],
  options: { numberOfRecords: number; nextRecordPosition?: number },
): string {
  const next =
    options.nextRecordPosition === undefined
      ? ''
      : `\n    <sru:nextRecordPosition>${options.nextRecordPosition}</sru:nextRecordPosition>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${ROOT}\n    <sru:version>2.0</sru:version>\n    <sru:numberOfRecords>${options.numberOfRecords}</sru:numberOfRecords>\n    <sru:records>\n${records.join('\n')}\n    </sru:records>${next}\n</sru:searchRetrieveResponse>\n`;
}

export type Fault =
  | 'hang'
  | 'html-200'
  | { status: number; headers?: Record<string, string>; body?: string }
  | { truncate: number };

export interface Reply {
  status?: number;
  contentType?: string;
  body: string | Uint8Array;
}

export interface LoggedRequest {
  path: string;
  params: URLSearchParams;
  userAgent: string | undefined;
  /** When the request arrived (ms, monotonic). */
  at: number;
}

export interface StandInOptions {
  /** The SRU response for a startRecord (the test builds it from recordings), or null for 404. */
  sru: (startRecord: number, base: string, query: string, params: URLSearchParams) => string | null;
  /** Extra repository files by path, beside the recorded ones under ob-xml/. */
  files?: Record<string, Reply>;
  /** Repository files made on request (a generated source), tried after `files`. */
  resolve?: (path: string) => Reply | null;
}

export interface StandIn {
  base: string;
  sruUrl: string;
  log: LoggedRequest[];
  /** Faults served, in order, to the next requests for `key` (a path, or `sru:<startRecord>`). */
  fault(key: string, ...faults: Fault[]): void;
  /** Resolves when a request is left hanging. */
  nextHang(): Promise<string>;
  close(): Promise<void>;
}

const ERROR_PAGE =
  '<!DOCTYPE html>\n<html lang="nl"><head><title>Pagina niet gevonden</title></head><body><h1>Fout 404</h1><p>De pagina is niet gevonden.</p></body></html>\n';

function recordedFile(path: string): Uint8Array | null {
  // /repository.overheid.nl/frbr/officielepublicaties/<type>/<part>/<id>/1/<manifestation>/<file>
  const match =
    /^\/repository\.overheid\.nl\/frbr\/officielepublicaties\/[^/]+\/[^/]+\/([A-Za-z0-9.-]+\/\d+\/[a-z]+\/[A-Za-z0-9._-]+)$/.exec(
      path,
    );
  if (!match) return null;
  try {
    return readFixtureBytes(`ob-xml/${match[1]}`);
  } catch {
    return null;
  }
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const faults = new Map<string, Fault[]>();
  const log: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const hangWaiters: ((path: string) => void)[] = [];
  let base = '';

  const reply = (res: ServerResponse, r: Reply) => {
    res.writeHead(r.status ?? 200, {
      'content-type': r.contentType ?? 'application/xml;charset=UTF-8',
    });
    res.end(r.body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    log.push({
      path: url.pathname,
      params: url.searchParams,
      userAgent: req.headers['user-agent'],
      at: performance.now(),
    });
    const isSru = url.pathname === '/sru';
    const startRecord = Number(url.searchParams.get('startRecord') ?? '1');
    const key = isSru ? `sru:${startRecord}` : url.pathname;
    const fault = faults.get(key)?.shift();
    let normal: Reply | null;
    if (isSru) {
      const p = url.searchParams;
      const query = p.get('query') ?? '';
      if (
        p.get('operation') !== 'searchRetrieve' ||
        p.get('version') !== '2.0' ||
        p.get('recordSchema') !== 'gzd' ||
        query === '' ||
        !Number.isInteger(startRecord)
      ) {
        normal = {
          status: 400,
          contentType: 'text/plain',
          body: 'not the request the fetcher should send',
        };
      } else {
        const body = options.sru(startRecord, base, query, p);
        normal = body === null ? null : { body };
      }
    } else {
      const extra = options.files?.[url.pathname] ?? options.resolve?.(url.pathname) ?? undefined;
      const recorded = extra ? null : recordedFile(url.pathname);
      normal = extra ?? (recorded ? { body: recorded } : null);
    }
    if (fault === 'hang') {
      for (const waiter of hangWaiters.splice(0)) waiter(key);
      return; // never answer; the socket is destroyed on close()
    }
    if (fault === 'html-200')
      return reply(res, { status: 200, contentType: 'text/html; charset=utf-8', body: ERROR_PAGE });
    if (fault && 'status' in fault) {
      res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers });
      return res.end(fault.body ?? `HTTP ${fault.status}`);
    }
    if (!normal) return reply(res, { status: 404, contentType: 'text/plain', body: 'not found' });
    if (fault && 'truncate' in fault) {
      const bytes =
        typeof normal.body === 'string' ? Buffer.from(normal.body) : Buffer.from(normal.body);
      return reply(res, { ...normal, body: bytes.subarray(0, fault.truncate) });
    }
    reply(res, normal);
  };

  const server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    sruUrl: `${base}/sru`,
    log,
    fault(key, ...list) {
      faults.set(key, [...(faults.get(key) ?? []), ...list]);
    },
    nextHang: () => new Promise((resolve) => hangWaiters.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Repository path of a recorded record's manifestation, as the stand-in serves it. */
export const AH_ID = 'ah-tk-20202021-3235';

/** The recorded SRU record of the Aanhangsel AH_ID, as the fetch tests serve it. */
export const AH_RECORD = recordsOf(readFixture('sru/sru-response-integration-mock-urls.xml')).find(
  (r) => r.includes(AH_ID),
) as string;

/** The recorded record of an old "Kamervragen zonder antwoord" publication (kv-2989900822). */
export const KV_RECORD = recordsOf(readFixture('sru/sru_record_kv_onopgemaakt.xml'))[0] as string;
export const AH_XML_PATH = `/repository.overheid.nl/frbr/officielepublicaties/ah-tk/20202021/${AH_ID}/1/xml/${AH_ID}.xml`;
export const AH_METADATA_PATH = `/repository.overheid.nl/frbr/officielepublicaties/ah-tk/20202021/${AH_ID}/1/metadata/metadata.xml`;
