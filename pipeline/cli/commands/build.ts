import { parseArgs } from 'node:util';
import { BUILD_ARG_OPTIONS, buildOptions } from '../../build/build-options.ts';
import { buildReport, describeBuild } from '../../build/describe-build.ts';
import { runBuild } from '../../build/run-build.ts';
import { QUARANTINE_FILE } from '../../build/quarantine-file.ts';
import { KamervragenError } from '../../errors.ts';
import { withLock } from '../../lock/folder-lock.ts';
import type { Command } from '../command.ts';
import { createUi, type Progress } from '../ui/index.ts';

export const buildCommand: Command = {
  name: 'build',
  summary: 'parse and validate every document, and write the dataset to dist/',
  help: `Usage: kamervragen build [--documents DIR] [--out DIR] [--quarantine] [--manifest FILE]
                         [--workers N] [--cache DIR | --no-cache] [--partition FROM..TO]

Parses every file in the documents folder, validates each record against
schema/document.schema.json and the integrity rules, and writes the dataset:
kamervragen.json, kamervragen.ndjson, documents.csv, askers.csv, questions.csv,
answers.csv, footnotes.csv, references.csv, the tables across records (cases.csv,
parties.csv, ministries.csv, persons.csv, mappings.csv), datapackage.json and
${QUARANTINE_FILE}.

A document that cannot be read, parsed or validated stops the build: every problem is
printed with its file and line or field, and nothing in the output folder changes.
With --quarantine the build leaves such files out, builds the rest, and lists them
(on stderr and in ${QUARANTINE_FILE}). Of several files claiming the same document id
it keeps the first in path order and quarantines the others.

Files whose names start with "." are not documents; <id>.metadata.xml is not a
document but the metadata of every document named <id>.*. Output is byte-identical for the same documents:
the version and date in datapackage.json come from the last release's manifest; a new
version is dated the day it is made (or by SOURCE_DATE_EPOCH).

Options:
  --documents DIR  folder of source documents (default: documents)
  --out DIR        output folder (default: dist); files are written to a staging folder
                   inside it and renamed into place when all are complete
  --quarantine     leave out documents with errors instead of failing
  --manifest FILE  manifest.json of the last release (default: OUT/manifest.json)
  --workers N      parser threads (default: one per core when there are many documents to
                   parse, else one; 0 parses on the main thread, without the time and memory
                   limits per document)
  --cache DIR      cache of parsed records, keyed by the bytes of each file and the parser
                   version (default: .cache/kamervragen/…); only new or changed documents are
                   parsed, and a document whose size, times and inode are as the last build saw
                   them is not even read
  --no-cache       parse every document and keep no cache
  --partition FROM..TO  keep only the records of these session years (e.g. 2019-2020..2020-2021;
                   open ends: ..2000-2001, 2001-2002..) and write a part (partition.json,
                   fragments.ndjson) for \`kamervragen merge\` instead of the dataset. The session
                   year is the one in the file name (ah-tk-20192020-…), else the record's; the
                   documents of other parts are not parsed

Environment:
  SOURCE_DATE_EPOCH  seconds since 1970; the date of a new version instead of today (UTC)
  KAMERVRAGEN_WORKERS  default for --workers
  KAMERVRAGEN_PARSE_TIME_LIMIT    seconds one document may take to parse (default 120)
  KAMERVRAGEN_PARSE_MEMORY_LIMIT  MiB of heap a parser thread may use (default 4096)
  KAMERVRAGEN_CACHE    default for --cache (a folder, or "off" for --no-cache)

Examples:
  kamervragen build
  kamervragen build --documents /tmp/copy --out /tmp/dataset --quarantine --json
  kamervragen build --partition ..2019-2020 --out part1 && kamervragen build --partition 2020-2021.. --out part2

Exit codes: 0 built; 1 a document has errors (nothing written) or the build failed; 2 wrong usage.
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: BUILD_ARG_OPTIONS,
      allowPositionals: true,
    });
    if (positionals.length > 0) {
      throw new KamervragenError(
        'usage/build',
        `unexpected argument "${positionals[0]}"; the documents folder is given with --documents`,
        {},
        2,
      );
    }
    const options = buildOptions(values, process.env);
    const ui = createUi();
    let bar: Progress | undefined;
    const summary = await withLock([options.out], 'build', () =>
      runBuild({
        ...options,
        onFile: (path, index, total) => {
          bar ??= ui.progress('build', total);
          bar.update(index, path);
        },
      }),
    );
    bar?.done();
    ui.diagnostics(summary.diagnostics);
    if (summary.ok) {
      ui.result(buildReport(summary, options.out), describeBuild(summary, options.out));
      return 0;
    }
    // The failure explains the exit code: stderr, even with --quiet; --json gets the report on stdout.
    ui.result(buildReport(summary, options.out), '');
    if (!ui.options.json) process.stderr.write(describeBuild(summary, options.out));
    return 1;
  },
};
