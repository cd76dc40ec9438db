// npm run bench -- --docs N [--seed S] [--runs R] [--profile]
// Builds a generated corpus end to end with the real `kamervragen build` in a child process and
// prints medians over R runs; the last line is the machine-readable summary (summary-line.ts).
import { loadavg } from 'node:os';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureIoFloor } from './io-floor.ts';
import { runChild, type ChildRun } from './measure-child.ts';
import { defaultCorpusDir, positiveInt, usage, UsageError } from './parse-flags.ts';
import { formatProfile, summariseProfiles, type CpuProfile } from './summarise-profile.ts';
import { formatSummary, median } from './summary-line.ts';
import { lockCorpus } from './corpus-lock.ts';
import { ensureCorpus } from './ensure-corpus.ts';
import { extraDocument } from './write-corpus.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HELP = `Usage: npm run bench -- [--docs N] [--seed S] [--runs R] [--profile] [--corpus DIR]
                        [--workers N] [--build-arg ARG]…

Generates (or reuses) the benchmark corpus for N and S (npm run bench:corpus), then R times:
measures the I/O floor (read every input byte, write as many), builds the corpus from scratch
with \`kamervragen build --quarantine\` in a child process (wall time, peak RSS), and builds again
after adding one new document (the incremental case). Prints each run, then the medians as
the last line:
  docs=N wall_s=… docs_per_s=… peak_rss_mb=… floor_s=… ratio_to_floor=… incremental_s=… quarantined=…
"na" marks a figure that could not be measured (for example when the build fails).
--profile adds one build under the V8 CPU profiler and prints the top functions and files
by self time (worker threads included). --workers N and --build-arg ARG are passed to the
build; its parse cache is kept in DIR/work/cache and cleared before each cold build.
Defaults: N 1000, S 1, R 3 (1 with --profile).
`;

interface BuildJson {
  ok?: boolean;
  documents?: number;
  quarantined?: string[];
}

async function buildOnce(
  documents: string,
  out: string,
  work: string,
  buildArgs: string[],
  extraNodeArgs: string[] = [],
): Promise<ChildRun & { json: BuildJson | null }> {
  const run = await runChild(
    process.execPath,
    [
      ...extraNodeArgs,
      '--import',
      'tsx',
      join(ROOT, 'pipeline/bench/measured-cli.ts'),
      'build',
      '--documents',
      documents,
      '--out',
      out,
      '--quarantine',
      '--json',
      ...buildArgs,
    ],
    { cwd: ROOT, usageFile: join(work, 'usage.json'), env: { NO_COLOR: '1' } },
  );
  let json: BuildJson | null = null;
  try {
    json = JSON.parse(run.stdout) as BuildJson;
  } catch {
    json = null;
  }
  return { ...run, json };
}

/** The build command's help text, or null when no build command is registered. */
async function buildHelp(): Promise<string | null> {
  const { loadCommand } = await import('../cli/commands/index.ts');
  return (await loadCommand('build'))?.help ?? null;
}

async function outputBytes(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const sizes = await Promise.all(
    names.map((n) => stat(join(dir, n)).then((s) => (s.isFile() ? s.size : 0))),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

function failure(run: ChildRun): string {
  // The head names the error, the tail says where it stopped; a long middle is left out.
  const lines = run.stderr.trim().split('\n');
  const shown = lines.length > 8 ? [...lines.slice(0, 3), '…', ...lines.slice(-4)] : lines;
  return `build exited with ${run.exitCode}${lines[0] ? `:\n    ${shown.join('\n    ')}` : ''}`;
}

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
        runs: { type: 'string' },
        profile: { type: 'boolean', default: false },
        corpus: { type: 'string' },
        workers: { type: 'string' },
        'build-arg': { type: 'string', multiple: true },
      },
    }),
  );
  const docs = positiveInt('docs', values.docs, 1000);
  const runs = positiveInt('runs', values.runs, values.profile ? 1 : 3);
  const seed = values.seed;
  const dir = values.corpus ?? defaultCorpusDir(docs, seed);

  await mkdir(dir, { recursive: true });
  const unlock = await lockCorpus(dir);
  try {
    return await measure(values, { docs, runs, seed, dir });
  } finally {
    await unlock();
  }
}

async function measure(
  values: { profile?: boolean; workers?: string; 'build-arg'?: string[] },
  { docs, runs, seed, dir }: { docs: number; runs: number; seed: string; dir: string },
): Promise<number> {
  const documents = join(dir, 'documents');
  const out = join(dir, 'dist');
  const work = join(dir, 'work');
  const cache = join(work, 'cache');
  const corpus = await ensureCorpus({ docs, seed, out: dir });
  process.stdout.write(`${corpus.message}\n`);
  await mkdir(work, { recursive: true });

  const figures = {
    docs,
    wallS: null as number | null,
    peakRssMb: null as number | null,
    floorS: null as number | null,
    incrementalS: null as number | null,
    quarantined: null as number | null,
  };
  const floors: number[] = [];
  const help = await buildHelp();
  if (help === null) {
    for (let r = 0; r < runs; r++)
      floors.push((await measureIoFloor(documents, join(work, 'floor.bin'))).seconds);
    figures.floorS = median(floors);
    process.stdout.write(
      'no `kamervragen build` command is registered yet: only the I/O floor was measured\n',
    );
    process.stdout.write(`${formatSummary(figures)}\n`);
    return 1;
  }

  // The parse cache goes where the bench can clear it, so that cold runs are cold.
  const buildArgs = [
    ...(help.includes('--cache DIR') ? ['--cache', cache] : []),
    ...(values.workers === undefined
      ? []
      : ['--workers', String(positiveInt('workers', values.workers, 1))]),
    ...(values['build-arg'] ?? []),
  ];
  process.stdout.write(
    `build: kamervragen build --documents ${documents} --out ${out} --quarantine --json ${buildArgs.join(' ')}\n`,
  );
  const walls: number[] = [];
  const peaks: number[] = [];
  const increments: number[] = [];
  let quarantined: number | null = null;
  let failed = false;
  for (let r = 0; r < runs; r++) {
    const floor = await measureIoFloor(documents, join(work, 'floor.bin'));
    floors.push(floor.seconds);
    // A cold build: nothing from an earlier run may help it.
    await rm(out, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
    const full = await buildOnce(documents, out, work, buildArgs);
    const load = loadavg()[0]?.toFixed(1);
    if (full.exitCode !== 0) {
      failed = true;
      process.stdout.write(`run ${r + 1}: ${failure(full)}\n`);
      continue;
    }
    walls.push(full.wallS);
    peaks.push(full.peakRssMb);
    quarantined = full.json?.quarantined?.length ?? null;
    // The incremental case: one document the built corpus has not seen, then removed again.
    const extra = extraDocument(seed, docs, r);
    for (const f of extra.files) await writeFile(join(documents, f.name), f.content);
    const incremental = await buildOnce(documents, out, work, buildArgs);
    for (const f of extra.files) await rm(join(documents, f.name), { force: true });
    if (incremental.exitCode === 0) increments.push(incremental.wallS);
    const outMb = (await outputBytes(out)) / 1e6;
    process.stdout.write(
      `run ${r + 1}: build ${full.wallS.toFixed(2)} s, peak ${full.peakRssMb.toFixed(0)} MB, cpu ${full.cpuS?.toFixed(1) ?? 'na'} s, ` +
        `${full.json?.documents ?? '?'} records, ${quarantined ?? '?'} quarantined, ${outMb.toFixed(1)} MB out | ` +
        `floor ${floor.seconds.toFixed(3)} s (${(floor.bytes / 1e6).toFixed(1)} MB in ${floor.files} files) | ` +
        `+1 document ${incremental.exitCode === 0 ? `${incremental.wallS.toFixed(2)} s` : failure(incremental)} | load ${load}\n`,
    );
  }
  figures.wallS = median(walls);
  figures.peakRssMb = median(peaks);
  figures.floorS = median(floors);
  figures.incrementalS = median(increments);
  figures.quarantined = quarantined;

  if (values.profile) {
    const profileDir = join(work, 'profile');
    await rm(profileDir, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
    // Worker threads that are terminated write no profile: parse on the main thread so that the
    // profile sees all the work (unless --workers was given).
    const profileArgs =
      values.workers === undefined && help.includes('--workers N')
        ? [...buildArgs, '--workers', '1']
        : buildArgs;
    const run = await buildOnce(documents, out, work, profileArgs, [
      '--cpu-prof',
      '--cpu-prof-dir',
      profileDir,
    ]);
    const names = (await readdir(profileDir).catch(() => [] as string[])).filter((n) =>
      n.endsWith('.cpuprofile'),
    );
    const profiles = await Promise.all(
      names.map(async (n) => JSON.parse(await readFile(join(profileDir, n), 'utf8')) as CpuProfile),
    );
    process.stdout.write(
      `profiled build (${profileArgs.join(' ')}): ${run.wallS.toFixed(2)} s, exit ${run.exitCode}; profiles in ${profileDir}\n`,
    );
    process.stdout.write(`${formatProfile(summariseProfiles(profiles, ROOT))}\n`);
  }
  process.stdout.write(`${formatSummary(figures)}\n`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
