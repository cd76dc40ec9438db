// npm run bench:corpus -- --docs N --seed S [--out DIR]
// Generates a deterministic benchmark corpus (outside the dataset) and prints its speed.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { defaultCorpusDir, positiveInt, usage, UsageError } from './parse-flags.ts';
import { writeCorpus } from './write-corpus.ts';

const HELP = `Usage: npm run bench:corpus -- --docs N [--seed S] [--out DIR]

Writes N generated Kamervragen documents (every rendering: officielebekendmakingen XML with
metadata.xml, PDF text of several extractors, PDF markdown, page text) to DIR/documents and
what a parser must find in each to DIR/truth. The same N and seed give byte-identical files.
Default DIR: tmp/bench-corpus/N-S (ignored by git). Default seed: 1.
`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  const { values } = usage(() =>
    parseArgs({
      args: argv,
      options: {
        docs: { type: 'string' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string' },
      },
    }),
  );
  const docs = positiveInt('docs', values.docs, 1000);
  const seed = values.seed;
  const out = values.out ?? defaultCorpusDir(docs, seed);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const summary = await writeCorpus({
    docs,
    seed,
    out,
    onProgress: (done, total) => process.stderr.write(`\r${done}/${total} documents`),
  });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // CPU seconds next to wall seconds: on a shared machine the wall clock mostly measures the neighbours.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (docs >= 1000) process.stderr.write('\n');
  const mix = Object.entries(summary.renderings)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  process.stdout.write(
    `${out}/documents: ${summary.files} files, ${(summary.bytes / 1e6).toFixed(1)} MB (${mix})\n`,
  );
  process.stdout.write(
    `docs=${docs} files=${summary.files} mb=${(summary.bytes / 1e6).toFixed(1)} gen_s=${seconds.toFixed(2)} cpu_s=${cpuSeconds.toFixed(2)} docs_per_s=${Math.round(docs / seconds)} peak_rss_mb=${Math.round(process.resourceUsage().maxRSS / 1024)}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `bench:corpus: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
