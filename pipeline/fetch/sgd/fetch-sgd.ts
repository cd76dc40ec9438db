// One bounded run over the historical collection: list Aanhangsel items page by page from the
// state's cursor, store the OCR text of each new or changed item, and move the cursor only past
// pages whose every item is on disk. The network goes through the polite client, files through
// the store, so the run is tested against a local server.
import { hash } from 'node:crypto';
import type { Diagnostic } from '../../errors.ts';
import type { PoliteClient } from '../polite-client.ts';
import { buildSearchUrl } from '../sru-query.ts';
import { parseSruResponse } from '../sru-response.ts';
import { ocrToText } from './ocr-text.ts';
import { chooseSgdItem, type SgdItem } from './sgd-records.ts';
import type { SgdState } from './sgd-state.ts';

export interface SgdStore {
  read(name: string): Promise<Uint8Array | null>;
  write(name: string, bytes: Uint8Array | string): Promise<void>;
}

export interface SgdFetchOptions {
  sruUrl: string;
  query: string;
  pageSize: number;
  /** At most this many items are downloaded in one run. */
  maxDocuments: number;
  log?: (line: string) => void;
}

export interface SgdOutcome {
  state: SgdState;
  added: string[];
  changed: string[];
  unchanged: string[];
  ignored: number;
  pages: number;
  failures: Diagnostic[];
  warnings: Diagnostic[];
  /** True when the run stopped at its bound with more to list. */
  more: boolean;
}

export async function fetchSgd(
  client: PoliteClient,
  store: SgdStore,
  previous: SgdState,
  options: SgdFetchOptions,
): Promise<SgdOutcome> {
  const fresh = previous.query !== options.query;
  const state: SgdState = {
    ...previous,
    query: options.query,
    next_record: fresh ? 1 : previous.next_record,
    items: { ...previous.items },
  };
  const out: SgdOutcome = {
    state,
    added: [],
    changed: [],
    unchanged: [],
    ignored: 0,
    pages: 0,
    failures: [],
    warnings: [],
    more: false,
  };
  const origin = new URL(options.sruUrl).origin;
  // Pages no larger than the bound, so that a run never downloads more than it may.
  const pageSize = Math.max(1, Math.min(options.pageSize, options.maxDocuments));
  let downloads = 0;
  for (;;) {
    if (downloads >= options.maxDocuments) {
      out.more = true;
      break;
    }
    const url = buildSearchUrl(options.sruUrl, options.query, state.next_record, pageSize);
    const page = await listPage(client, url, out);
    if (!page) break;
    out.pages += 1;
    // A page is taken whole or not at all: the cursor never moves past an item not on disk.
    const room = options.maxDocuments - downloads;
    const chosen = page.records.map((r) => chooseSgdItem(r, origin));
    for (const c of chosen) if (!c.ok) out.ignored += 1;
    const items = chosen.flatMap((c) => (c.ok ? [c.item] : []));
    const toDownload = items.filter(
      (i) => state.items[i.sgdId]?.version !== i.version || i.version === null,
    );
    if (toDownload.length > room) {
      out.more = true;
      break;
    }
    for (const item of items) {
      if (!toDownload.includes(item)) {
        out.unchanged.push(item.fileName);
        continue;
      }
      downloads += 1;
      await storeItem(client, store, item, out);
    }
    if (out.failures.length > 0) break;
    const next = page.nextRecordPosition;
    if (next === null || next <= state.next_record || page.records.length === 0) {
      state.next_record = 1;
      state.passes += 1;
      options.log?.(
        `the listing is complete (pass ${state.passes}); the next run starts again from the first record`,
      );
      break;
    }
    state.next_record = next;
  }
  return out;
}

async function listPage(client: PoliteClient, url: string, out: SgdOutcome) {
  try {
    const response = await client.get(url, 'application/sru+xml, application/xml;q=0.9');
    const page = parseSruResponse(new TextDecoder().decode(response.body), url);
    if (!page.ok) {
      out.failures.push(...page.diagnostics);
      return null;
    }
    out.warnings.push(...page.diagnostics);
    return page;
  } catch (error) {
    out.failures.push(failure(url, error));
    return null;
  }
}

async function storeItem(
  client: PoliteClient,
  store: SgdStore,
  item: SgdItem,
  out: SgdOutcome,
): Promise<void> {
  try {
    const response = await client.get(item.ocrUrl, 'text/plain, application/xml;q=0.9');
    const text = ocrToText(response.body, response.contentType);
    if (!text.ok) {
      out.failures.push({
        severity: 'error',
        code: 'fetch/sgd-ocr',
        message: `${item.sgdId}: ${text.why}`,
        file: item.ocrUrl,
      });
      return;
    }
    const before = await store.read(item.fileName);
    const bytes = new TextEncoder().encode(text.text);
    const sha256 = hash('sha256', bytes, 'hex');
    const same = before !== null && hash('sha256', before, 'hex') === sha256;
    if (!same) await store.write(item.fileName, bytes);
    (before === null ? out.added : same ? out.unchanged : out.changed).push(item.fileName);
    out.state.items[item.sgdId] = {
      version: item.version,
      sha256,
      title: item.title,
      type: item.type,
      modified: item.modified,
      ocr_url: item.ocrUrl,
      page_url: item.pageUrl,
    };
  } catch (error) {
    out.failures.push(failure(item.ocrUrl, error));
  }
}

function failure(file: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return { severity: 'error', code: 'fetch/sgd-request', message, file };
}
