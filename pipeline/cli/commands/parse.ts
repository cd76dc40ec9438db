import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { KamervragenError, formatDiagnostic } from '../../errors.ts';
import { parseSource } from '../../parse/parse-source.ts';
import { FORMATS, type SourceFormat } from '../../extract/formats.ts';
import { pairSidecars } from '../../extract/pair-sidecars.ts';
import type { Command } from '../command.ts';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'parse one source document and print its record as JSON',
  help: `Usage: kamervragen parse FILE [--format FORMAT]

Prints the Document record of FILE as JSON on stdout. Warnings and errors go to stderr.
The rendering is detected from the content; --format overrides it. Metadata published beside
it (<id>.metadata.xml in the same folder) is read as the build reads it.

Options:
  --format FORMAT  one of: ${FORMATS.join(', ')}

Examples:
  kamervragen parse documents/ah-tk-20182019-3922.kaag-sjoerdsma-emotieherkenning.pdf.txt
  kamervragen parse page.txt --format page-text | jq '.questions | length'

Exit codes: 0 parsed; 1 the file cannot be read or parsed; 2 wrong usage.
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { format: { type: 'string' } },
      allowPositionals: true,
    });
    const [path] = positionals;
    if (!path || positionals.length > 1) {
      throw new KamervragenError('usage/parse', 'expected exactly one FILE', {}, 2);
    }
    if (values.format !== undefined && !FORMATS.includes(values.format as SourceFormat)) {
      throw new KamervragenError(
        'usage/format',
        `unknown format "${values.format}"; expected one of ${FORMATS.join(', ')}`,
        {},
        2,
      );
    }
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new KamervragenError(
        'read/file',
        `cannot read the file (${error.code ?? error.message})`,
        { file: path },
      );
    });
    const options = values.format === undefined ? {} : { format: values.format as SourceFormat };
    const metadataXml = await readSidecar(path);
    const source = metadataXml ? { path, bytes, sidecars: { metadataXml } } : { path, bytes };
    const { document, diagnostics } = await parseSource(source, options);
    for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    if (!document) return 1;
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return 0;
  },
};

// The same pairing as the build, so `parse` and `build` give the same record for a file.
async function readSidecar(path: string): Promise<Uint8Array | undefined> {
  const dir = dirname(path);
  const names = await readdir(dir).catch(() => [] as string[]);
  const entry = pairSidecars(names.map((name) => join(dir, name))).documents.find(
    (d) => d.path === join(dir, path.split(/[\\/]/).pop() ?? path),
  );
  if (!entry?.metadataPath) return undefined;
  return readFile(entry.metadataPath).catch(() => undefined);
}
