// The release as one call, made by `kamervragen release` and the refresh. It
// runs on the build (streamed, parallel, cached: runBuild), into a folder beside the record
// cache; plans the version from the build's record summaries; packages the files by their
// sizes and hashes; then switches OUT (the committed dataset) to the new set and publishes the
// assets to the target. Every file is streamed from disk: no step holds a whole data file, or
// every record, in memory.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { KamervragenError, type Diagnostic } from '../errors.ts';
import { defaultCacheDir } from '../build/record-cache.ts';
import { runBuild, type BuildSummary } from '../build/run-build.ts';
import { QUARANTINE_FILE } from '../build/quarantine-file.ts';
import { RECORD_FILES } from '../build/write-dataset.ts';
import { isYearFileName } from '../build/year-files.ts';
import { dataPackage, type ResourceStats } from '../export/datapackage.ts';
import { CROSS_TABLES } from '../export/cross-tables.ts';
import { PACKAGE_TABLES, PARQUET_FILES } from '../export/export-dataset.ts';
import { parquetName } from '../export/parquet-sql.ts';
import { TABLES } from '../export/tables.ts';
import { workbookAssetName, workbookYear } from '../export/xlsx-cells.ts';
import {
  assembleRelease,
  DEFAULT_GZIP_MIN_BYTES,
  type AssembledRelease,
} from '../package/assemble-release.ts';
import { CITATION_NAME, releaseTag } from '../package/citation.ts';
import { MANIFEST_NAME, parseManifest } from '../package/manifest.ts';
import { NOTES_NAME } from '../package/release-notes.ts';
import type { AssetEntry, Manifest } from '../package/release-types.ts';
import { SCHEMA_VERSION } from '../validate/schema.ts';
import { assertWholeSet, completeSwitch, endSwitch } from '../build/dataset-switch.ts';
import { installDist } from './install-dist.ts';
import { publishBundle } from './publish-release.ts';
import type { PublishResult, ReleaseBundle, Target } from './publish-types.ts';
import { gzipFile, materialise, openKnownHashes } from './release-files.ts';
import { fieldsChangedSince } from './previous-records.ts';

export interface GitHubSettings {
  token: string | undefined;
  apiUrl: string;
  delayUnitMs?: number | undefined;
  writeIntervalMs?: number | undefined;
}

export interface ReleaseOptions {
  documents: string;
  out: string;
  /** The folder relative paths are resolved against (the project root). */
  root: string;
  /**
   * Also write CITATION.cff here (the repository's root copy), or null: nothing is written
   * outside `out` and the target.
   */
  citation?: string | null | undefined;
  /** Worker threads for parsing (default: as `kamervragen build`). */
  workers?: number | undefined;
  /** The limits per document (default: as `kamervragen build`). */
  parseTimeLimitMs?: number | undefined;
  parseHeapMb?: number | undefined;
  /** The record cache folder (default: as `kamervragen build`). */
  cache?: string | undefined;
  target: Target;
  dryRun: boolean;
  /** False: write dist/ only (a workflow commits and tags it before publishing). */
  publish: boolean;
  allowRemovals: boolean;
  quarantine: boolean;
  sourceDateEpoch?: number | undefined;
  sourceCommit: string | null;
  repository?: string | undefined;
  gzipMinBytes?: number | undefined;
  github: GitHubSettings;
  info: (line: string) => void;
  onStep?: (step: string) => void;
  /** Upload progress (GitHub target), for a progress bar. */
  progress?: (done: number, total: number, item: string) => void;
}

export interface ReleaseOutcome {
  ok: boolean;
  status: 'unchanged' | 'release' | 'failed';
  version: string | null;
  tag: string | null;
  previousVersion: string | null;
  bump: string | null;
  added: string[];
  changed: string[];
  removed: string[];
  quarantined: string[];
  publish: PublishResult | null;
  diagnostics: Diagnostic[];
}

async function readManifest(path: string): Promise<Manifest | null> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new KamervragenError(
      'release/manifest',
      `cannot read the last release's manifest (${error.code ?? error.message})`,
      { file: path },
    );
  });
  return text === null ? null : parseManifest(text, path);
}

// Releases before 0.x named a made-up repository; it is never carried on.
const RETIRED_PLACEHOLDER = /^https:\/\/github\.com\/kamervragen\/kamervragen$/;

function repositoryFor(options: ReleaseOptions, previous: Manifest | null): string | null {
  if (options.repository) return options.repository.replace(/\/+$/, '');
  if (previous?.repository && !RETIRED_PLACEHOLDER.test(previous.repository))
    return previous.repository;
  if (options.target.kind === 'github')
    return `https://github.com/${options.target.owner}/${options.target.repo}`;
  return null;
}

/** The release's own folder beside the record cache: the build's output, the .gz files, hashes. */
function cacheFolder(options: ReleaseOptions): string {
  return options.cache === undefined
    ? defaultCacheDir(options.documents, options.root)
    : resolve(options.root, options.cache);
}

function workFolder(options: ReleaseOptions, out: string): string {
  const name = createHash('sha256').update(out).digest('hex').slice(0, 16);
  return join(cacheFolder(options), `release-${name}`);
}

function statsOf(build: BuildSummary, name: string): AssetEntry {
  const f = build.files[name];
  if (f === undefined) throw new Error(`the build did not report ${name}`);
  return { name, bytes: f.bytes, sha256: f.sha256 };
}

/** Sizes and hashes of the build's files, with the .gz of the large ones (made or reused). */
async function packageInputs(options: ReleaseOptions, build: BuildSummary, dir: string) {
  const crossFiles = CROSS_TABLES.map((t) => `${t.name}.csv`);
  const books = Object.keys(build.files)
    .filter((name) => workbookYear(name) !== null)
    .sort();
  const dataFiles = [...RECORD_FILES, ...crossFiles, ...PARQUET_FILES, ...books].map((name) =>
    statsOf(build, name),
  );
  const min = options.gzipMinBytes ?? DEFAULT_GZIP_MIN_BYTES;
  // Parquet and the workbook are compressed already.
  const compressible = (name: string) => name.endsWith('.csv') || name.endsWith('json');
  // Each gzip runs on libuv's thread pool: the files compress in parallel.
  const gzipped = await Promise.all(
    dataFiles
      .filter((f) => f.bytes >= min && compressible(f.name))
      .map((f) => gzipFile(join(dir, f.name), f.sha256, join(dir, `${f.name}.gz`), `${f.name}.gz`)),
  );
  const committed = [
    ...Object.keys(build.files)
      .filter(isYearFileName)
      .sort()
      .map((name) => statsOf(build, name)),
    statsOf(build, QUARANTINE_FILE),
  ];
  const csv = new Map(
    dataFiles.filter((f) => f.name.endsWith('.csv')).map((f) => [f.name.slice(0, -4), f]),
  );
  const parquet = new Map<string, ResourceStats>(
    TABLES.map((t) => [t.name, statsOf(build, parquetName(t))]),
  );
  const datapackage = ({ version, date }: { version: string; date: string }) => {
    const workbooks = books.map((name) => {
      const year = workbookYear(name)!;
      return { year, stats: statsOf(build, name), path: workbookAssetName(year, version) };
    });
    const meta = { version, created: `${date}T00:00:00Z`, parquet, workbooks };
    return `${JSON.stringify(dataPackage(PACKAGE_TABLES, csv, meta), null, 2)}\n`;
  };
  return { dataFiles, gzipped, committed, datapackage };
}

function outcomeOf(
  assembled: AssembledRelease,
  build: BuildSummary,
  publish: PublishResult | null,
): ReleaseOutcome {
  const { manifest, plan } = assembled;
  return {
    ok: true,
    status: assembled.status,
    version: manifest.version,
    tag: releaseTag(manifest.version),
    previousVersion: manifest.previous_version,
    bump: plan.kind === 'release' ? plan.bump : null,
    added: manifest.changes.added.map((r) => r.id),
    changed: manifest.changes.changed.map((r) => r.id),
    removed: manifest.changes.removed.map((r) => r.id),
    quarantined: build.quarantined.map((q) => q.file),
    publish,
    diagnostics: build.diagnostics,
  };
}

export async function runRelease(options: ReleaseOptions): Promise<ReleaseOutcome> {
  const out = resolve(options.root, options.out);
  const manifestPath = join(out, MANIFEST_NAME);
  // The last release is what OUT holds as a whole set: complete a switch an interrupted run left.
  if (options.dryRun) await assertWholeSet(out, 'release --dry-run');
  else await completeSwitch(out);
  const previous = await readManifest(manifestPath);
  const work = workFolder(options, out);
  const buildDir = join(work, 'build');
  const build = await runBuild({
    documents: resolve(options.root, options.documents),
    out: buildDir,
    quarantine: options.quarantine,
    manifest: manifestPath,
    ...(options.sourceDateEpoch === undefined ? {} : { sourceDateEpoch: options.sourceDateEpoch }),
    workers: options.workers,
    parseTimeLimitMs: options.parseTimeLimitMs,
    parseHeapMb: options.parseHeapMb,
    cache: cacheFolder(options),
  });
  if (!build.ok) {
    return {
      ok: false,
      status: 'failed',
      version: null,
      tag: null,
      previousVersion: null,
      bump: null,
      added: [],
      changed: [],
      removed: [],
      quarantined: build.quarantined.map((q) => q.file),
      publish: null,
      diagnostics: build.diagnostics,
    };
  }
  const fieldsChanged = await fieldsChangedSince(previous, build.records, {
    previousDir: out,
    currentNdjson: join(buildDir, 'kamervragen.ndjson'),
  });
  const assembled = assembleRelease({
    ...(await packageInputs(options, build, buildDir)),
    fieldsChanged,
    records: build.records,
    previous,
    schemaVersion: SCHEMA_VERSION,
    sourceDateEpoch: options.sourceDateEpoch,
    sourceCommit: options.sourceCommit,
    repository: repositoryFor(options, previous),
    quarantined: build.quarantined.map((q) => q.file),
    allowRemovals: options.allowRemovals,
  });
  const { manifest } = assembled;
  const small = join(work, 'small');
  await rm(small, { recursive: true, force: true });
  const known = await openKnownHashes(join(work, 'hashes.json'));
  try {
    const dist = await materialise(assembled.dist, buildDir, join(small, 'dist'));
    const assets = await materialise(assembled.assets, buildDir, join(small, 'assets'));
    if (!options.dryRun) {
      await installDist(out, dist, known);
      const citation = assembled.dist.find((f) => f.name === CITATION_NAME)!;
      if (options.citation && citation.source.kind === 'text')
        await writeFile(join(options.citation, CITATION_NAME), citation.source.bytes);
    }
    if (!options.publish) {
      if (!options.dryRun) await endSwitch(out);
      return outcomeOf(assembled, build, null);
    }
    const notes = assembled.assets.find((a) => a.name === NOTES_NAME)!;
    const bundle: ReleaseBundle = {
      version: manifest.version,
      tag: releaseTag(manifest.version),
      title: `${manifest.name} ${manifest.version}`,
      notes: notes.source.kind === 'text' ? new TextDecoder().decode(notes.source.bytes) : '',
      assets,
      commit: manifest.source_commit,
    };
    const published = await publishBundle(options, bundle, known, manifest.repository);
    // Only now does dist/ name a version that exists at the target.
    if (!options.dryRun) await endSwitch(out);
    return outcomeOf(assembled, build, published);
  } finally {
    await known.save();
  }
}
