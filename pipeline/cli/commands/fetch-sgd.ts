import { parseArgs } from 'node:util';
import { KamervragenError } from '../../errors.ts';
import { withLock } from '../../lock/folder-lock.ts';
import { createPoliteClient, USER_AGENT } from '../../fetch/polite-client.ts';
import { isAllowedUrl } from '../../fetch/select-records.ts';
import { DEFAULT_SRU_URL } from '../../fetch/sru-query.ts';
import { runSgdFetch } from '../../fetch/sgd/run-sgd-fetch.ts';
import { buildSgdQuery, DEFAULT_SGD_TYPE } from '../../fetch/sgd/sgd-records.ts';
import { createUi } from '../ui/index.ts';

export const SGD_HELP = `
Historical collection (--collection sgd):
  kamervragen fetch --collection sgd [--max-documents N] [--type TYPE] [options above]
  lists the Aanhangsel items of Staten-Generaal Digitaal (c.product-area==sgd, dt.type TYPE,
  default "${DEFAULT_SGD_TYPE}") and saves the OCR text of each as
  documents/sgd/sgd-<10-digit id>.ocr.txt; what each item was is kept in
  state/fetch-sgd-state.json, with the position where the next run continues. At most
  --max-documents items (default 100) are downloaded per run; the position moves only when
  every item of the run is on disk.
`;

/** `kamervragen fetch --collection sgd …`: `argv` without the --collection option. */
export async function runSgdCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'sru-url': { type: 'string' },
      type: { type: 'string', default: DEFAULT_SGD_TYPE },
      documents: { type: 'string', default: 'documents' },
      state: { type: 'string', default: 'state/fetch-sgd-state.json' },
      'page-size': { type: 'string' },
      'max-documents': { type: 'string' },
      'delay-ms': { type: 'string' },
      'timeout-ms': { type: 'string' },
      retries: { type: 'string' },
      'backoff-ms': { type: 'string' },
    },
  });
  const { client, sruUrl, pageSize, maxDocuments } = readOptions(values);
  const ui = createUi();
  const documentsDir = `${values.documents.replace(/[\\/]+$/, '')}/sgd`;
  const { outcome, previous } = await withLock([values.documents], 'fetch', () =>
    runSgdFetch(client, {
      sruUrl,
      query: buildSgdQuery(values.type),
      pageSize,
      maxDocuments,
      documentsDir,
      statePath: values.state,
      log: (line) => ui.info(`fetch: ${line}`),
    }),
  );
  ui.diagnostics([...outcome.warnings, ...outcome.failures]);
  const ok = outcome.failures.length === 0;
  const { added, changed, unchanged, ignored, pages, more } = outcome;
  const position = ok ? outcome.state.next_record : previous.next_record;
  ui.result(
    {
      ok,
      collection: 'sgd',
      added,
      changed,
      unchanged,
      failed: outcome.failures.length,
      ignored,
      pages,
      more,
      nextRecord: position,
    },
    `fetch (sgd): ${added.length} added, ${changed.length} changed, ${unchanged.length} unchanged, ${outcome.failures.length} failed ` +
      `(${pages} pages, ${ignored} other items ignored); next run starts at record ${position}` +
      (ok ? (more ? ' (bound reached: run again for more)' : '') : ' (not moved: re-run to retry)'),
  );
  return ok ? 0 : 1;
}

interface SgdValues {
  'sru-url'?: string | undefined;
  'page-size'?: string | undefined;
  'max-documents'?: string | undefined;
  'delay-ms'?: string | undefined;
  'timeout-ms'?: string | undefined;
  retries?: string | undefined;
  'backoff-ms'?: string | undefined;
}

function readOptions(values: SgdValues) {
  const env = process.env;
  const number = (flag: string, raw: string | undefined, fallback: number): number => {
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw))
      throw new KamervragenError(
        'usage/fetch',
        `--${flag} expects a whole number, got "${raw}"`,
        {},
        2,
      );
    return Number(raw);
  };
  const sruUrl = values['sru-url'] ?? env.KAMERVRAGEN_SRU_URL ?? DEFAULT_SRU_URL;
  let origin: string;
  try {
    const parsed = new URL(sruUrl);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not http(s)');
    origin = parsed.origin;
  } catch {
    throw new KamervragenError('usage/fetch', `--sru-url "${sruUrl}" is not an http(s) URL`, {}, 2);
  }
  const pageSize = number('page-size', values['page-size'], 100);
  const maxDocuments = number('max-documents', values['max-documents'], 100);
  if (pageSize < 1 || pageSize > 1000)
    throw new KamervragenError('usage/fetch', '--page-size must be between 1 and 1000', {}, 2);
  if (maxDocuments < 1)
    throw new KamervragenError('usage/fetch', '--max-documents must be at least 1', {}, 2);
  const client = createPoliteClient({
    fetch: globalThis.fetch,
    userAgent: USER_AGENT,
    isAllowed: (url) => isAllowedUrl(url, origin),
    delayMs: number('delay-ms', values['delay-ms'] ?? env.KAMERVRAGEN_FETCH_DELAY_MS, 500),
    timeoutMs: number(
      'timeout-ms',
      values['timeout-ms'] ?? env.KAMERVRAGEN_FETCH_TIMEOUT_MS,
      30_000,
    ),
    retries: number('retries', values.retries ?? env.KAMERVRAGEN_FETCH_RETRIES, 4),
    backoffMs: number('backoff-ms', values['backoff-ms'] ?? env.KAMERVRAGEN_FETCH_BACKOFF_MS, 2000),
  });
  return { client, sruUrl, pageSize, maxDocuments };
}
