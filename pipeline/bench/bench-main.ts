// npm run bench -- --docs N [--seed S] [--runs R] [--profile] (all flags: HELP below)
// Releases a generated corpus end to end with the real `kamervragen release` (and builds it with
// `kamervragen build`) in child processes and prints medians over R runs; the last line is the
// machine-readable summary (summary-line.ts).
import { loadavg } from 'node:os';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureIoFloor } from './io-floor.ts';
import type { ChildRun } from './measure-child.ts';
import { buildArgs, buildRun, cliOnce, releaseRun, seconds, type Paths } from './bench-runs.ts';
import { defaultCorpusDir, positiveInt, usage, UsageError } from './parse-flags.ts';
import { formatProfile, summariseProfiles, type CpuProfile } from './summarise-profile.ts';
import { formatSummary, median } from './summary-line.ts';
import { lockCorpus } from './corpus-lock.ts';
import { ensureCorpus } from './ensure-corpus.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HELP = `Usage: npm run bench -- [--docs N] [--seed S] [--runs R] [--profile] [--corpus DIR]
                        [--workers N] [--build-arg ARG]… [--release-only]

Generates (or reuses) the benchmark corpus for N and S (npm run bench:corpus), then R times,
each command in a child process (wall time, peak RSS of the whole process with its threads):
measures the I/O floor (read every input byte, write as many); releases the corpus from scratch
with \`kamervragen release --target dir:… --quarantine\` (what npm start and the workflows run),
again with nothing changed, and again after adding one new document; then builds it alone with
\`kamervragen build --quarantine\`, cold and after one new document (left out with
--release-only). Prints each run, then the medians as the last line:
  docs=N release_s=… release_peak_rss_mb=… unchanged_s=… incremental_s=… incremental_peak_rss_mb=…
  build_s=… build_peak_rss_mb=… build_incremental_s=… floor_s=… ratio_to_floor=… quarantined=…
"na" marks a figure that could not be measured (for example when a command fails).
--profile adds one build under the V8 CPU profiler and prints the top functions and files
by self time (worker threads included). --workers N and --build-arg ARG are passed to the
commands; the record cache is kept in DIR/work/cache and cleared before each cold run.
Defaults: N 1000, S 1, R 3 (1 with --profile).
`;

/** The build command's help text, or null when no build command is registered. */
async function buildHelp(): Promise<string | null> {
  const { loadCommand } = await import('../cli/commands/index.ts');
  return (await loadCommand('build'))?.help ?? null;
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
        'release-only': { type: 'boolean', default: false },
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
  values: {
    profile?: boolean;
    workers?: string;
    'build-arg'?: string[];
    'release-only'?: boolean;
  },
  { docs, runs, seed, dir }: { docs: number; runs: number; seed: string; dir: string },
): Promise<number> {
  const work = join(dir, 'work');
  const p: Paths = {
    documents: join(dir, 'documents'),
    out: join(dir, 'dist'),
    rel: join(work, 'releases'),
    buildOut: join(work, 'build'),
    work,
    cache: join(work, 'cache'),
  };
  const corpus = await ensureCorpus({ docs, seed, out: dir });
  process.stdout.write(`${corpus.message}\n`);
  await mkdir(work, { recursive: true });
  const help = await buildHelp();
  if (help === null) throw new Error('no `kamervragen build` command is registered');
  // The record cache goes where the bench can clear it, so that cold runs are cold.
  const args = [
    '--cache',
    p.cache,
    ...(values.workers === undefined
      ? []
      : ['--workers', String(positiveInt('workers', values.workers, 1))]),
    ...(values['build-arg'] ?? []),
  ];
  process.stdout.write(
    `release: kamervragen release --documents ${p.documents} --out ${p.out} --target dir:${p.rel} --quarantine --json ${args.join(' ')}\n`,
  );
  const lists = {
    floor: [] as number[],
    release: [] as number[],
    releasePeak: [] as number[],
    unchanged: [] as number[],
    incremental: [] as number[],
    incrementalPeak: [] as number[],
    build: [] as number[],
    buildPeak: [] as number[],
    buildIncremental: [] as number[],
  };
  let quarantined: number | null = null;
  let failed = false;
  const ok = (run: ChildRun | null): run is ChildRun => run !== null && run.exitCode === 0;
  for (let r = 0; r < runs; r++) {
    const floor = await measureIoFloor(p.documents, join(work, 'floor.bin'));
    lists.floor.push(floor.seconds);
    const rel = await releaseRun(p, args, seed, docs, r);
    const load = loadavg()[0]?.toFixed(1);
    if (ok(rel.cold)) {
      lists.release.push(rel.cold.wallS);
      lists.releasePeak.push(rel.cold.peakRssMb);
      quarantined = rel.cold.json?.quarantined?.length ?? null;
    } else failed = true;
    if (ok(rel.unchanged)) lists.unchanged.push(rel.unchanged.wallS);
    if (ok(rel.incremental)) {
      lists.incremental.push(rel.incremental.wallS);
      lists.incrementalPeak.push(rel.incremental.peakRssMb);
    }
    process.stdout.write(
      `run ${r + 1}: release ${seconds(rel.cold)}, cpu ${rel.cold.cpuS?.toFixed(1) ?? 'na'} s | ` +
        `nothing changed ${rel.unchanged ? seconds(rel.unchanged) : 'na'} | ` +
        `+1 document ${rel.incremental ? seconds(rel.incremental) : 'na'} | ` +
        `floor ${floor.seconds.toFixed(3)} s (${(floor.bytes / 1e6).toFixed(1)} MB in ${floor.files} files) | load ${load}\n`,
    );
    if (values['release-only'] === true) continue;
    const build = await buildRun(p, args, seed, docs, r);
    if (ok(build.cold)) {
      lists.build.push(build.cold.wallS);
      lists.buildPeak.push(build.cold.peakRssMb);
    } else failed = true;
    if (ok(build.incremental)) lists.buildIncremental.push(build.incremental.wallS);
    process.stdout.write(
      `run ${r + 1}: build alone ${seconds(build.cold)}, cpu ${build.cold.cpuS?.toFixed(1) ?? 'na'} s | ` +
        `+1 document ${seconds(build.incremental)} | load ${loadavg()[0]?.toFixed(1)}\n`,
    );
  }
  if (values.profile) await profileBuild(p, args, help);
  process.stdout.write(
    `${formatSummary({
      docs,
      releaseS: median(lists.release),
      releasePeakRssMb: median(lists.releasePeak),
      unchangedS: median(lists.unchanged),
      incrementalS: median(lists.incremental),
      incrementalPeakRssMb: median(lists.incrementalPeak),
      buildS: median(lists.build),
      buildPeakRssMb: median(lists.buildPeak),
      buildIncrementalS: median(lists.buildIncremental),
      floorS: median(lists.floor),
      quarantined,
    })}\n`,
  );
  return failed ? 1 : 0;
}

async function profileBuild(p: Paths, args: string[], help: string): Promise<void> {
  const profileDir = join(p.work, 'profile');
  for (const dir of [profileDir, p.buildOut, p.cache])
    await rm(dir, { recursive: true, force: true });
  // Worker threads that are terminated write no profile: parse on the main thread so that the
  // profile sees all the work (unless --workers was given).
  const profileArgs =
    !args.includes('--workers') && help.includes('--workers N')
      ? [...args, '--workers', '1']
      : args;
  const run = await cliOnce([...buildArgs(p), ...profileArgs], p.work, [
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

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
