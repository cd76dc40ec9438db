import { parseArgs } from 'node:util';
import { KamervragenError } from '../../errors.ts';
import { withLock } from '../../lock/folder-lock.ts';
import { isIsoDate } from '../../fetch/fetch-state.ts';
import { runFetch } from '../../fetch/run-fetch.ts';
import {
  CHAMBERS,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SRU_URL,
  type Chamber,
} from '../../fetch/sru-query.ts';
import type { Command } from '../command.ts';
import { runSgdCommand, SGD_HELP } from './fetch-sgd.ts';
import { CLIENT_OPTIONS, pageSizeOf, sruClient, wholeNumber } from './fetch-options.ts';
import { createUi, type Progress } from '../ui/index.ts';

export const fetchCommand: Command = {
  name: 'fetch',
  summary: 'download new and changed Kamervragen from the official SRU service into documents/',
  help: `Usage: kamervragen fetch [options]

Asks KOOP's SRU 2.0 service for "Kamervragen (Aanhangsel)" and "Kamervragen zonder antwoord"
publications modified since the watermark in state/fetch-state.json (minus one day of overlap),
and saves each one's XML as documents/<id>.xml with its metadata beside it as
documents/<id>.metadata.xml. Files are written atomically, and the watermark never passes a
listed document that is not on disk, so an interrupted run loses nothing and a re-run completes
it. With --max-documents the run downloads the oldest modifications first and stops after N; the
JSON summary says "complete": false while more remain, and the next run continues.

Options:
  --sru-url URL      SRU endpoint (default: $KAMERVRAGEN_SRU_URL or ${DEFAULT_SRU_URL})
  --since DATE       fetch what was modified on or after DATE (YYYY-MM-DD) instead of the watermark
  --chamber CHAMBER  tk (default), ek or all
  --documents DIR    where documents go (default: documents)
  --state FILE       watermark file (default: state/fetch-state.json)
  --max-documents N  download at most N new or changed documents (oldest modification first)
  --page-size N      records per SRU page (default: ${DEFAULT_PAGE_SIZE})
  --delay-ms N       pause between requests (default: 500; $KAMERVRAGEN_FETCH_DELAY_MS)
  --timeout-ms N     per-request timeout (default: 30000; $KAMERVRAGEN_FETCH_TIMEOUT_MS)
  --retries N        retries on 429/5xx/timeouts, with exponential backoff (default: 4)
  --backoff-ms N     first backoff (default: 2000; $KAMERVRAGEN_FETCH_BACKOFF_MS)
  --collection NAME  officielebekendmakingen (default) or sgd (before 1995, see below)
${SGD_HELP}
Examples:
  kamervragen fetch
  kamervragen fetch --since 2025-01-01          # backfill
  kamervragen fetch --max-documents 2000 --json  # one bounded batch; "complete" says if more remain
  KAMERVRAGEN_SRU_URL=http://127.0.0.1:8080/sru kamervragen fetch --json

Exit codes: 0 done (also when nothing was new, and when --max-documents left some for later);
1 a document or the service failed (the watermark stops before it; re-run later); 2 wrong usage
or no watermark yet.
`,
  async run(argvWithCollection) {
    const { collection, argv } = takeCollection(argvWithCollection);
    if (collection === 'sgd') return runSgdCommand(argv);
    const { values } = parseArgs({
      args: argv,
      options: {
        ...CLIENT_OPTIONS,
        since: { type: 'string' },
        chamber: { type: 'string', default: 'tk' },
        documents: { type: 'string', default: 'documents' },
        state: { type: 'string', default: 'state/fetch-state.json' },
      },
    });
    const since = values.since ?? null;
    if (since !== null && !isIsoDate(since))
      throw new KamervragenError(
        'usage/fetch',
        `--since expects a date YYYY-MM-DD, got "${since}"`,
        {},
        2,
      );
    const chamber = values.chamber as Chamber;
    if (!CHAMBERS.includes(chamber))
      throw new KamervragenError(
        'usage/fetch',
        `--chamber expects one of ${CHAMBERS.join(', ')}`,
        {},
        2,
      );
    const pageSize = pageSizeOf(values, DEFAULT_PAGE_SIZE);

    const maxDocuments =
      values['max-documents'] === undefined
        ? undefined
        : wholeNumber('max-documents', values['max-documents'], 0);
    if (maxDocuments === 0)
      throw new KamervragenError('usage/fetch', '--max-documents must be at least 1', {}, 2);

    const ui = createUi();
    const log = (line: string) => ui.info(`fetch: ${line}`);
    const { sruUrl, client } = sruClient(values);
    let bar: Progress | undefined;
    const { outcome, previous: state } = await withLock([values.documents], 'fetch', () =>
      runFetch(client, {
        progress: (done, total, item) => {
          bar ??= ui.progress('fetch', total);
          bar.update(done, item);
        },
        documentsDir: values.documents,
        statePath: values.state,
        sruUrl,
        since,
        chamber,
        pageSize,
        ...(maxDocuments === undefined ? {} : { maxDocuments }),
        today: new Date().toISOString().slice(0, 10),
        log,
      }),
    );

    bar?.done();
    ui.diagnostics([...outcome.warnings, ...outcome.failures]);
    const ok = outcome.failures.length === 0;
    const watermark = outcome.state.watermark;
    const { added, changed, unchanged, failures, pages, listed, duplicates, ignored, query } =
      outcome;
    const { complete, remaining } = outcome;
    ui.result(
      {
        ok,
        added,
        changed,
        unchanged,
        failed: failures.length,
        complete,
        remaining,
        pages,
        listed,
        duplicates,
        ignored,
        query,
        watermark,
        previousWatermark: state.watermark,
      },
      `fetch: ${added.length} added, ${changed.length} changed, ${unchanged.length} unchanged, ${failures.length} failed ` +
        `(${listed} records on ${pages} pages, ${ignored} other publications ignored)` +
        `${complete ? '' : `, ${remaining} left for the next run`}; ` +
        `watermark ${state.watermark ?? 'none'} → ${watermark ?? 'none'}${ok ? '' : ' (stopped before the failed documents: re-run to retry them)'}`,
    );
    return ok ? 0 : 1;
  },
};

// --collection picks the source collection; the historical one has a fetcher of its own.
function takeCollection(argv: string[]): { collection: string; argv: string[] } {
  const rest: string[] = [];
  let collection = 'officielebekendmakingen';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--collection') collection = argv[++i] ?? '';
    else if (arg.startsWith('--collection=')) collection = arg.slice('--collection='.length);
    else rest.push(arg);
  }
  if (collection !== 'sgd' && collection !== 'officielebekendmakingen')
    throw new KamervragenError(
      'usage/fetch',
      `--collection expects officielebekendmakingen or sgd, got "${collection}"`,
      {},
      2,
    );
  return { collection, argv: rest };
}
