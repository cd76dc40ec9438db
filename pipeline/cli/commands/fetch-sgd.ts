import { parseArgs } from 'node:util';
import { KamervragenError } from '../../errors.ts';
import { withLock } from '../../lock/folder-lock.ts';
import { runSgdFetch } from '../../fetch/sgd/run-sgd-fetch.ts';
import { buildSgdQuery, DEFAULT_SGD_TYPE } from '../../fetch/sgd/sgd-records.ts';
import { createUi } from '../ui/index.ts';
import {
  CLIENT_OPTIONS,
  pageSizeOf,
  sruClient,
  wholeNumber,
  type ClientValues,
} from './fetch-options.ts';

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
      ...CLIENT_OPTIONS,
      type: { type: 'string', default: DEFAULT_SGD_TYPE },
      documents: { type: 'string', default: 'documents' },
      state: { type: 'string', default: 'state/fetch-sgd-state.json' },
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

function readOptions(values: ClientValues & { 'max-documents'?: string | undefined }) {
  const pageSize = pageSizeOf(values, 100);
  const maxDocuments = wholeNumber('max-documents', values['max-documents'], 100);
  if (maxDocuments < 1)
    throw new KamervragenError('usage/fetch', '--max-documents must be at least 1', {}, 2);
  return { ...sruClient(values), pageSize, maxDocuments };
}
