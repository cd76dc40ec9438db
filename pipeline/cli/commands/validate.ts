import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_DIR } from '../../build/year-files.ts';
import { KamervragenError } from '../../errors.ts';
import { validateRecordFiles, type RecordText } from '../../validate/validate-records.ts';
import type { Command } from '../command.ts';
import { createUi } from '../ui/index.ts';

// The committed dataset: one NDJSON file per session year.
async function committedFiles(): Promise<string[]> {
  const dir = join('dist', DATA_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = names
    .filter((n) => n.endsWith('.ndjson'))
    .sort()
    .map((n) => join(dir, n));
  if (files.length === 0)
    throw new KamervragenError('read/file', 'no dataset here; name the files to check', {
      file: dir,
    });
  return files;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check published records (JSON or NDJSON) against the schema and the integrity rules',
  help: `Usage: kamervragen validate [FILE ...]

Checks every record in the given files against schema/document.schema.json and the
integrity rules the schema cannot express: every answer covers an existing question,
question and footnote numbers are unique, submitted is not after answered,
response_days matches the dates, and no two records share an id (across all files).
A .json file holds an array of records (or one record); a .ndjson or .jsonl file one
record per line. Without FILE it checks the committed dataset, dist/data/*.ndjson.

Examples:
  kamervragen validate
  kamervragen validate kamervragen-1.2.0.ndjson --json

Exit codes: 0 every record is valid; 1 a record is invalid or a file cannot be read; 2 wrong usage.
`,
  async run(argv) {
    const { positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true });
    const files = positionals.length > 0 ? positionals : await committedFiles();
    const inputs: RecordText[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new KamervragenError(
          'read/file',
          `cannot read the file (${error.code ?? error.message})`,
          { file },
        );
      });
      inputs.push({ file, text });
    }
    const { records, diagnostics } = validateRecordFiles(inputs);
    const ui = createUi();
    ui.diagnostics(diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const json = { ok: errors === 0, files, records, errors };
    if (errors === 0) {
      ui.result(json, `${records} record(s) in ${files.length} file(s): all valid`);
      return 0;
    }
    ui.result(json, '');
    if (!ui.options.json) process.stderr.write(`${errors} error(s) in ${records} record(s)\n`);
    return 1;
  },
};
