// npx tsx pipeline/bench/accuracy-main.ts --corpus DIR
// Parses every document of a generated corpus with parseSource and scores it against its truth
// file; prints the accuracy table and, with --json, the table as JSON.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSource } from '../parse/parse-source.ts';
import type { SourceFile } from '../types.ts';
import { usage, UsageError } from './parse-flags.ts';
import { formatAccuracy, scoreDocument, tabulate } from './score-truth.ts';
import type { Truth } from './truth.ts';

export async function scoreCorpus(dir: string): Promise<ReturnType<typeof tabulate>> {
  const truths = (await readdir(join(dir, 'truth')))
    .filter((n) => n.endsWith('.truth.json'))
    .sort();
  const results = [];
  for (const name of truths) {
    const truth = JSON.parse(await readFile(join(dir, 'truth', name), 'utf8')) as Truth;
    const path = join(dir, 'documents', truth.file);
    const file: SourceFile = { path, bytes: await readFile(path) };
    if (truth.file.endsWith('.xml')) {
      const sidecar = await readFile(path.replace(/\.xml$/, '.metadata.xml')).catch(() => null);
      if (sidecar) file.sidecars = { metadataXml: sidecar };
    }
    const { document } = await parseSource(file);
    results.push({ truth, score: scoreDocument(document, truth) });
  }
  return tabulate(results);
}

async function main(argv: string[]): Promise<number> {
  const { values } = usage(() =>
    parseArgs({
      args: argv,
      options: { corpus: { type: 'string' }, json: { type: 'boolean', default: false } },
    }),
  );
  if (!values.corpus)
    throw new UsageError('--corpus DIR is required (a folder written by npm run bench:corpus)');
  const table = await scoreCorpus(values.corpus);
  process.stdout.write(
    values.json ? `${JSON.stringify(table, null, 2)}\n` : `${formatAccuracy(table)}\n`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`accuracy: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}
