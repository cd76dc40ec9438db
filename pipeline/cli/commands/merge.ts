import { parseArgs } from 'node:util';
import { buildOptions } from '../../build/build-options.ts';
import { runMerge } from '../../build/merge-parts.ts';
import { withLock } from '../../lock/folder-lock.ts';
import type { Command } from '../command.ts';
import { createUi } from '../ui/index.ts';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'assemble the dataset from the parts of a partitioned build',
  help: `Usage: kamervragen merge PART... [--out DIR] [--manifest FILE]

Puts together the parts written by \`kamervragen build --partition FROM..TO --out PART\`
(one per range of session years, e.g. one job each in a CI matrix) and writes the dataset
into the output folder: the same files, byte for byte, as one \`kamervragen build\` of
the whole documents folder. The parts must cover every session year exactly once (the
first range with an open start, the last with an open end); a gap or an overlap fails.

Options:
  --out DIR        output folder (default: dist)
  --manifest FILE  manifest.json of the last release (default: OUT/manifest.json)

Environment:
  SOURCE_DATE_EPOCH  seconds since 1970; the date of a new version instead of today (UTC)

Examples:
  kamervragen build --partition ..2019-2020 --out parts/a
  kamervragen build --partition 2020-2021.. --out parts/b
  kamervragen merge parts/a parts/b --out dist

Exit codes: 0 merged; 1 the parts do not fit together or cannot be read; 2 wrong usage.
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { out: { type: 'string', default: 'dist' }, manifest: { type: 'string' } },
      allowPositionals: true,
    });
    const options = buildOptions({ out: values.out, manifest: values.manifest }, process.env);
    const ui = createUi();
    const summary = await withLock([options.out], 'merge', () =>
      runMerge({
        parts: positionals,
        out: options.out,
        manifest: options.manifest,
        sourceDateEpoch: options.sourceDateEpoch,
      }),
    );
    const version =
      summary.version === null ? '' : ` (version ${summary.version}, ${summary.date})`;
    ui.result(
      {
        ok: true,
        out: options.out,
        version: summary.version,
        date: summary.date,
        documents: summary.documents,
        quarantined: summary.quarantined.map((q) => q.file),
        written: summary.written,
      },
      `merged ${positionals.length} part(s): ${summary.documents} document(s) into ${options.out}/${version}\n`,
    );
    return 0;
  },
};
