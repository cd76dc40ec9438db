// The build as one call, shared by `kamervragen build`, pipeline/scripts/build.ts and the release
// command: read documents/, parse and validate, export into the output folder. I/O lives here
// and in read-sources.ts / write-files.ts; every step in between is pure.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KamervragenError, type Diagnostic } from '../errors.ts';
import { exportDataset } from '../export/export-dataset.ts';
import { parseManifest, MANIFEST_NAME } from '../package/manifest.ts';
import { planRelease } from '../package/plan-release.ts';
import type { Manifest } from '../package/release-types.ts';
import type { Document, SourceFile } from '../types.ts';
import { SCHEMA_VERSION } from '../validate/schema.ts';
import type { SourceOutcome } from './analyse-source.ts';
import { buildRecords, type QuarantinedFile } from './build-records.ts';
import { createAnalyser, defaultWorkers, type Analyser } from './parse-pool.ts';
import { CACHE_DIR, openRecordCache, type RecordCache } from './record-cache.ts';
import { quarantineJson, QUARANTINE_FILE } from './quarantine-file.ts';
import { listSources } from './read-sources.ts';
import { writeFiles, type OutputFile } from './write-files.ts';

export interface BuildOptions {
  /** Folder of source documents (default documents). */
  documents: string;
  /** Output folder (default dist). */
  out: string;
  quarantine?: boolean;
  /** manifest.json of the last release, which fixes the version (default OUT/manifest.json). */
  manifest?: string;
  /** SOURCE_DATE_EPOCH, seconds: the only clock the build may use. */
  sourceDateEpoch?: number;
  /** Called before each source file is parsed (progress). */
  onFile?: (path: string, index: number, total: number) => void;
  /** Worker threads for parsing (default: one per core; 1 parses on the main thread). */
  workers?: number | undefined;
  /** Folder of the parsed-record cache (default OUT/.cache); null turns the cache off. */
  cache?: string | null | undefined;
}

export interface BuildSummary {
  ok: boolean;
  /** Files written into `out` (empty when the build failed). */
  written: string[];
  version: string | null;
  date: string | null;
  records: Document[];
  counts: { sources: number; documents: number; questions: number; answers: number };
  quarantined: QuarantinedFile[];
  diagnostics: Diagnostic[];
}

export async function runBuild(options: BuildOptions): Promise<BuildSummary> {
  const { count, files, diagnostics: listing } = await listSources(options.documents);
  const analyser = createAnalyser(options.workers ?? defaultWorkers());
  // Inside OUT by default, so removing the output folder also makes the next build cold.
  const cacheDir = options.cache === undefined ? join(options.out, CACHE_DIR) : options.cache;
  const cache = cacheDir === null ? null : await openRecordCache(cacheDir);
  let result: Awaited<ReturnType<typeof buildRecords>>;
  try {
    result = await buildRecords(files, {
      quarantine: options.quarantine === true,
      total: count,
      onFile: options.onFile,
      analyse: cache === null ? analyser.analyse : cachedAnalyse(cache, analyser),
      concurrency: analyser.concurrency,
    });
  } finally {
    await analyser.close();
  }
  await cache?.save();
  const diagnostics = [...listing, ...result.diagnostics];
  const counts = {
    sources: count,
    documents: result.records.length,
    questions: result.records.reduce((n, r) => n + r.questions.length, 0),
    answers: result.records.reduce((n, r) => n + r.answers.length, 0),
  };
  const summary = { records: result.records, counts, quarantined: result.quarantined, diagnostics };
  if (!result.ok) return { ...summary, ok: false, written: [], version: null, date: null };

  // The version and date come from the last release's manifest and the documents, never the clock,
  // so rebuilding unchanged documents reproduces dist/ byte for byte.
  const previous = await readPreviousManifest(options.manifest ?? join(options.out, MANIFEST_NAME));
  const plan =
    result.records.length === 0 && previous === null
      ? null
      : planRelease(result.records, previous, {
          schemaVersion: SCHEMA_VERSION,
          sourceDateEpoch: options.sourceDateEpoch,
        });
  const meta = plan === null ? {} : { version: plan.version, created: `${plan.date}T00:00:00Z` };
  const outputs: OutputFile[] = [
    ...exportDataset(result.records, meta),
    { name: QUARANTINE_FILE, chunks: () => [quarantineJson(result.quarantined)] },
  ];
  await writeFiles(options.out, outputs).catch((error: NodeJS.ErrnoException) => {
    // A full disk or a read-only folder is the environment, not a bug: say where, without a stack.
    if (typeof error.code !== 'string') throw error;
    throw new KamervragenError(
      'build/write',
      `cannot write the dataset into ${options.out}/ (${error.message})`,
      {
        file: options.out,
      },
    );
  });
  return {
    ...summary,
    ok: true,
    written: outputs.map((o) => o.name),
    version: plan?.version ?? null,
    date: plan?.date ?? null,
  };
}

function cachedAnalyse(cache: RecordCache, analyser: Analyser) {
  return async (source: SourceFile): Promise<SourceOutcome> => {
    const key = cache.key(source);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const outcome = await analyser.analyse(source);
    cache.put(key, outcome);
    return outcome;
  };
}

async function readPreviousManifest(path: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new KamervragenError(
      'build/manifest',
      `cannot read the last release's manifest (${(error as Error).message})`,
      { file: path },
    );
  }
  return parseManifest(text, path);
}
