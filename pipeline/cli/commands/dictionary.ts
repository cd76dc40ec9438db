import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { KamervragenError } from '../../errors.ts';
import { buildDataDictionary } from '../../dictionary/build-dictionary.ts';
import {
  renderDictionaryMarkdown,
  renderDictionarySection,
} from '../../dictionary/render-dictionary.ts';
import { replaceSection } from '../../dictionary/readme-section.ts';
import { exportDataset } from '../../export/export-dataset.ts';
import type { Command } from '../command.ts';
import { createUi } from '../ui/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DICTIONARY_FILE = 'docs/DATA-DICTIONARY.md';

export const dictionaryCommand: Command = {
  name: 'dictionary',
  summary: 'regenerate the data dictionary (docs/DATA-DICTIONARY.md, README) from the schema',
  help: `Usage: kamervragen dictionary [--check] [--datapackage FILE]

Writes the data dictionary, every file, column, type, meaning, Dutch term and example, to
${DICTIONARY_FILE} and its summary into the "dictionary" section of README.md. It is made
from schema/document.schema.json and the Data Package descriptor the build writes
(datapackage.json); the Dutch terms and examples live in pipeline/dictionary/glossary.ts.

Options:
  --check             write nothing; exit 1 when the files differ from what would be written
                      (CI runs this, so the dictionary cannot drift from the schema)
  --datapackage FILE  the descriptor to read (default: the one the build code produces)

Examples:
  kamervragen dictionary
  kamervragen dictionary --check || echo "run: npx kamervragen dictionary"

Exit codes: 0 written or up to date; 1 out of date (--check) or a field has no meaning; 2 wrong usage.
`,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { check: { type: 'boolean', default: false }, datapackage: { type: 'string' } },
      allowPositionals: false,
    });
    const ui = createUi();
    const schema = JSON.parse(
      await readFile(join(ROOT, 'schema/document.schema.json'), 'utf8'),
    ) as unknown;
    const datapackage =
      values.datapackage === undefined
        ? generatedDatapackage()
        : await readJsonFile(values.datapackage);
    const dictionary = buildDataDictionary(schema, datapackage);
    if (dictionary.undocumented.length) {
      ui.diagnostics(
        dictionary.undocumented.map((what) => ({
          severity: 'error' as const,
          code: 'dictionary/no-meaning',
          message: `${what} has no description: add one to the schema, the table, or pipeline/dictionary/glossary.ts`,
          file: 'pipeline/dictionary/glossary.ts',
        })),
      );
      return 1;
    }
    const readmePath = join(ROOT, 'README.md');
    const docPath = join(ROOT, DICTIONARY_FILE);
    const readme = await readFile(readmePath, 'utf8');
    const wantReadme = replaceSection(
      readme,
      'dictionary',
      await formatMarkdown(renderDictionarySection(dictionary), readmePath),
    );
    const wantDoc = await formatMarkdown(renderDictionaryMarkdown(dictionary), docPath);
    const haveDoc = await readFile(docPath, 'utf8').catch(() => null);
    const stale = [
      wantReadme !== readme ? 'README.md' : null,
      wantDoc !== haveDoc ? DICTIONARY_FILE : null,
    ].filter((f): f is string => f !== null);
    const summary = {
      tables: dictionary.tables.length,
      fields: dictionary.tables.reduce((n, t) => n + t.fields.length, 0),
      stale,
    };
    if (values.check) {
      if (stale.length) {
        ui.diagnostics(
          stale.map((file) => ({
            severity: 'error' as const,
            code: 'dictionary/stale',
            message:
              'does not match the schema; run `npx kamervragen dictionary` and commit the result',
            file,
          })),
        );
        ui.result(summary, '');
        return 1;
      }
      ui.result(
        summary,
        `dictionary: up to date (${summary.tables} tables, ${summary.fields} columns)`,
      );
      return 0;
    }
    await mkdir(dirname(docPath), { recursive: true });
    if (wantDoc !== haveDoc) await writeFile(docPath, wantDoc);
    if (wantReadme !== readme) await writeFile(readmePath, wantReadme);
    ui.result(
      summary,
      stale.length ? `dictionary: wrote ${stale.join(' and ')}` : 'dictionary: already up to date',
    );
    return 0;
  },
};

// The repository's Markdown goes through Prettier (npm run format); write it the way Prettier
// would, so the generated files pass that check and regenerate byte for byte.
async function formatMarkdown(markdown: string, filepath: string): Promise<string> {
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(markdown, { ...config, filepath, parser: 'markdown' });
}

function generatedDatapackage(): unknown {
  const file = exportDataset([]).find((f) => f.name === 'datapackage.json');
  if (!file) throw new Error('the export produces no datapackage.json');
  return JSON.parse([...file.chunks()].join(''));
}

async function readJsonFile(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new KamervragenError('read/file', `cannot read (${error.code ?? error.message})`, {
      file: path,
    });
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KamervragenError(
      'dictionary/bad-json',
      `not valid JSON (${(error as Error).message})`,
      { file: path },
    );
  }
}
