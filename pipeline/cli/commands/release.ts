import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_NAME, parseManifest } from '../../package/manifest.ts';
import { describeOutcome, type OutcomeContext } from '../../publish/describe-outcome.ts';
import type { ReleaseOutcome } from '../../publish/run-release.ts';
import { RELEASE_ARG_OPTIONS, releaseOptions } from '../../publish/release-options.ts';
import { runRelease } from '../../publish/run-release.ts';
import type { Command } from '../command.ts';
import { withLock } from '../../lock/folder-lock.ts';
import { createUi, type Progress } from '../ui/index.ts';

// The counts of the dataset just written, for the summary (none on a dry run or a failure).
async function writtenDataset(
  outcome: ReleaseOutcome,
  dir: string,
  dryRun: boolean,
): Promise<OutcomeContext['dataset']> {
  if (dryRun || !outcome.ok) return null;
  const path = join(dir, MANIFEST_NAME);
  return { dir, counts: parseManifest(await readFile(path, 'utf8'), path).counts };
}

export const releaseCommand: Command = {
  name: 'release',
  summary: 'build, version and publish the dataset (local folder by default, or GitHub Releases)',
  help: `Usage: kamervragen release [options]

Builds the records from documents/, compares them with the last release (dist/manifest.json)
and computes the next version: major when the record schema changed incompatibly or records
were removed, minor when documents were added, patch when existing records changed. Nothing
changed: no new version. Runs the same streamed, cached build as kamervragen build, switches
dist/ to the version as one set (data/YYYY-YYYY.ndjson, one file per session year,
datapackage.json, quarantine.json, manifest.json, RELEASE_NOTES.md, CITATION.cff, SHA256SUMS;
without --out also the repository's CITATION.cff), then publishes the version's files (the
single-file JSON, NDJSON and CSV downloads with their .gz, and the small files) to the target;
a target that already holds exactly this version is left alone, one that holds it with other
content is refused. Nothing outside --out, the target and the cache (--cache) is written.

Options:
  --target dir:PATH           a local folder: PATH/X.Y.Z/ with every asset (default: dir:dist/releases)
  --target github:OWNER/REPO  a GitHub release (draft, upload, verify, publish); token from
                              GITHUB_TOKEN, API from GITHUB_API_URL (default https://api.github.com)
  --dry-run                   print the exact plan (method, URL, asset names, sizes, digests);
                              write nothing
  --no-publish                write dist/ (and CITATION.cff) only (commit and tag, then publish)
  --allow-removals            release even though records of the last release are gone
  --quarantine                leave out documents that fail to parse or validate (named in the notes)
  --repository URL            repository URL for CITATION.cff (default: the last release's)
  --source-commit SHA         commit recorded in manifest.json (default: $GITHUB_SHA or git HEAD)
  --gzip-min-bytes N          also publish a .gz of data files of at least N bytes (default 1048576)
  --documents DIR, --out DIR  input and output folders (default documents, dist)
  --workers N                 parser threads, as for kamervragen build (env KAMERVRAGEN_WORKERS)
  --cache DIR                 the record cache, as for kamervragen build (env KAMERVRAGEN_CACHE;
                              default .cache/kamervragen/…); it also holds the release's
                              single-file downloads and their .gz between runs
  --json                      print the outcome as JSON on stdout

Environment: SOURCE_DATE_EPOCH (seconds) dates a new release; else the day it is made (UTC).
GITHUB_SERVER_URL and GITHUB_REPOSITORY name the repository (else --repository or git's origin). KAMERVRAGEN_RELEASE_DELAY_UNIT_MS and KAMERVRAGEN_RELEASE_WRITE_INTERVAL_MS scale
GitHub back-off and write spacing (defaults 1000; tests use less).
KAMERVRAGEN_PARSE_TIME_LIMIT and KAMERVRAGEN_PARSE_MEMORY_LIMIT set the limits per document, as for
kamervragen build (a document over one is quarantined with --quarantine, else fails the release).

Examples:
  kamervragen release                       # to dist/releases/X.Y.Z/
  kamervragen release --dry-run --json      # what would happen: {status, version, tag, ...}
  GITHUB_TOKEN=... kamervragen release --target github:owner/kamervragen

Exit codes: 0 released, already published, or nothing changed; 1 the data has errors, records
were removed without --allow-removals, or publishing failed or was refused (re-running continues
a half-done GitHub release); 2 wrong usage.
`,
  async run(argv) {
    const ui = createUi();
    const { values } = parseArgs({ args: argv, options: RELEASE_ARG_OPTIONS });
    const options = releaseOptions(values, process.env, process.cwd(), (line) => ui.info(line));
    let bar: Progress | undefined;
    const progress = (done: number, total: number, item: string) => {
      bar ??= ui.progress('upload', total);
      bar.update(done, item);
      if (done === total) {
        bar.done();
        bar = undefined;
      }
    };
    const outcome = await withLock(options.dryRun ? [] : [options.out], 'release', () =>
      runRelease({ ...options, progress }),
    );
    ui.diagnostics(outcome.diagnostics);
    const dir = resolve(options.root, options.out);
    const dataset = await writtenDataset(outcome, dir, options.dryRun);
    ui.result(outcome, describeOutcome(outcome, options.dryRun, { cwd: process.cwd(), dataset }));
    return outcome.ok ? 0 : 1;
  },
};
