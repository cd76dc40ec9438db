// The release as one call, shared by `kamervragen release` and pipeline/scripts/release.ts:
// build the records, package them against the last release's manifest, write dist/ and
// CITATION.cff, then publish to the target. I/O lives here; planning and packaging are pure.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { KamervragenError, type Diagnostic } from '../errors.ts';
import { buildRecords } from '../build/build-records.ts';
import { quarantineJson, QUARANTINE_FILE } from '../build/quarantine-file.ts';
import { readSources } from '../build/read-sources.ts';
import { writeFiles } from '../build/write-files.ts';
import { exportDataset } from '../export/export-dataset.ts';
import { assembleRelease, type AssembledRelease } from '../package/assemble-release.ts';
import { CITATION_NAME, releaseTag } from '../package/citation.ts';
import { MANIFEST_NAME, parseManifest } from '../package/manifest.ts';
import { NOTES_NAME } from '../package/release-notes.ts';
import type { Manifest, NamedFile } from '../package/release-types.ts';
import { SCHEMA_VERSION } from '../validate/schema.ts';
import { createGitHubClient } from './github/create-client.ts';
import { explainGitHubError } from './github/explain-error.ts';
import { publishToGitHub } from './github/publish-to-github.ts';
import { publishToDir } from './publish-to-dir.ts';
import { redactSecret } from './redact-secret.ts';
import { releaseParquet } from './release-parquet.ts';
import { readPreviousRecords } from './previous-records.ts';
import { changedFields } from '../package/changed-fields.ts';
import { diffRecords } from '../package/plan-release.ts';
import { assertRepositoryMatches } from './repository-url.ts';
import type { PublishResult, ReleaseBundle, Target } from './publish-types.ts';

export interface GitHubSettings {
  token: string | undefined;
  apiUrl: string;
  delayUnitMs?: number | undefined;
  writeIntervalMs?: number | undefined;
}

export interface ReleaseOptions {
  documents: string;
  out: string;
  /** Where CITATION.cff of the repository is written (the project root). */
  root: string;
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

const encoder = new TextEncoder();
const toBytes = (chunks: Iterable<string>) => encoder.encode([...chunks].join(''));

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

async function publish(
  options: ReleaseOptions,
  assembled: AssembledRelease,
): Promise<PublishResult> {
  const { manifest } = assembled;
  const notes = assembled.assets.find((a) => a.name === NOTES_NAME)!;
  const bundle: ReleaseBundle = {
    version: manifest.version,
    tag: releaseTag(manifest.version),
    title: `${manifest.name} ${manifest.version}`,
    notes: new TextDecoder().decode(notes.bytes),
    assets: assembled.assets,
    commit: manifest.source_commit,
  };
  const target = options.target;
  if (target.kind === 'github')
    assertRepositoryMatches(manifest.repository, target.owner, target.repo);
  if (target.kind === 'dir')
    return publishToDir(resolve(options.root, target.path), bundle, options.dryRun);
  const token = options.github.token;
  if (!token && !options.dryRun) {
    throw new KamervragenError(
      'release/token',
      'GITHUB_TOKEN is not set; a GitHub release needs a token with contents: write',
      {},
      2,
    );
  }
  const octokit = createGitHubClient({
    token: token ?? '',
    baseUrl: options.github.apiUrl,
    warn: (message) => options.info(redactSecret(`github: ${message}`, token)),
    ...(options.github.delayUnitMs === undefined
      ? {}
      : { delayUnitMs: options.github.delayUnitMs }),
    ...(options.github.writeIntervalMs === undefined
      ? {}
      : { writeIntervalMs: options.github.writeIntervalMs }),
  });
  return publishToGitHub(octokit, bundle, {
    owner: target.owner,
    repo: target.repo,
    dryRun: options.dryRun,
    // The log quotes server answers (a retried upload's 502), which may echo the token.
    log: (message) => options.info(redactSecret(message, token)),
    ...(options.onStep ? { onStep: options.onStep } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  }).catch((error: unknown) => {
    throw withoutSecret(explainGitHubError(error, `github:${target.owner}/${target.repo}`), token);
  });
}

// A server (or a proxy before it) may echo the Authorization header in its error text, which
// explainGitHubError quotes: the token is cut out of whatever message leaves this module.
function withoutSecret(error: unknown, secret: string | undefined): unknown {
  if (!(error instanceof Error)) return error;
  const message = redactSecret(error.message, secret);
  if (message === error.message) return error;
  if (error instanceof KamervragenError)
    return new KamervragenError(error.code, message, error.place, error.exitCode);
  return new Error(message);
}

export async function runRelease(options: ReleaseOptions): Promise<ReleaseOutcome> {
  const { files, diagnostics: listing } = await readSources(options.documents, options.root);
  const built = await buildRecords(files, { quarantine: options.quarantine });
  const diagnostics = [...listing, ...built.diagnostics];
  const quarantined = built.quarantined.map((q) => q.file);
  const failed: ReleaseOutcome = {
    ok: false,
    status: 'failed',
    version: null,
    tag: null,
    previousVersion: null,
    bump: null,
    added: [],
    changed: [],
    removed: [],
    quarantined,
    publish: null,
    diagnostics,
  };
  if (!built.ok) return failed;

  const out = resolve(options.root, options.out);
  const previous = await readManifest(join(out, MANIFEST_NAME));
  const parquet = await releaseParquet(built.records);
  const changedIds = new Set(diffRecords(built.records, previous).changed.map((r) => r.id));
  const before = await readPreviousRecords(join(out, 'kamervragen.ndjson'), changedIds);
  const current = new Map(built.records.map((r) => [r.id, r]));
  const assembled = assembleRelease({
    records: built.records,
    exportFiles: ({ version, date }) => {
      const meta = {
        version,
        created: `${date}T00:00:00Z`,
        parquet: parquet.stats,
        xlsx: parquet.xlsx,
      };
      const files: NamedFile[] = exportDataset(built.records, meta).map((f) => ({
        name: f.name,
        bytes: toBytes(f.chunks()),
      }));
      // The Parquet files sit before datapackage.json, which describes them (as the build writes).
      files.splice(files.length - 1, 0, ...parquet.files);
      return files;
    },
    previous,
    schemaVersion: SCHEMA_VERSION,
    sourceDateEpoch: options.sourceDateEpoch,
    sourceCommit: options.sourceCommit,
    repository: repositoryFor(options, previous),
    quarantined,
    allowRemovals: options.allowRemovals,
    fieldsChanged: (id) => (before.has(id) ? changedFields(before.get(id), current.get(id)) : null),
    ...(options.gzipMinBytes === undefined ? {} : { gzipMinBytes: options.gzipMinBytes }),
    distExtras: [
      { name: QUARANTINE_FILE, bytes: encoder.encode(quarantineJson(built.quarantined)) },
    ],
  });

  if (!options.dryRun) {
    const text = (f: NamedFile) => ({ name: f.name, chunks: () => [f.bytes] });
    await writeFiles(out, assembled.dist.map(text));
    await writeFiles(
      options.root,
      assembled.dist.filter((f) => f.name === CITATION_NAME).map(text),
    );
  }
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
    quarantined,
    publish: options.publish ? await publish(options, assembled) : null,
    diagnostics,
  };
}
