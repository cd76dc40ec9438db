// Plan → package, on sizes and hashes only: the files themselves stay on disk where the build
// wrote them, and the I/O layer copies, uploads or commits them by name. What is made here in
// memory are the small files (datapackage.json, manifest, notes, citation, checksums).
import { renderSha256Sums, SUMS_NAME } from './checksums.ts';
import { CITATION_NAME, renderCitation } from './citation.ts';
import { sha256Hex } from './hash-record.ts';
import { buildManifest, DATASET_NAME, MANIFEST_NAME, serializeManifest } from './manifest.ts';
import { assertRemovalsAllowed, planFromChanges, diffHashed, releaseDate } from './plan-release.ts';
import type { AssetEntry, Manifest, ReleasePlan, ReleaseRecord } from './release-types.ts';
import { NOTES_NAME, renderReleaseNotes } from './release-notes.ts';
import { CARD_NAME, renderDatasetCard } from './dataset-card.ts';
import { withChangedFields } from './changed-fields.ts';
import { bumpVersion } from './semver.ts';
import { workbookAssetName, workbookYear } from '../export/xlsx-cells.ts';

export const DEFAULT_GZIP_MIN_BYTES = 1024 * 1024;
export const DATAPACKAGE_NAME = 'datapackage.json';

export interface AssembleInput {
  records: readonly ReleaseRecord[];
  /** The single-file downloads as the build wrote them (kamervragen.json, the CSVs…). */
  dataFiles: readonly AssetEntry[];
  /** The .gz of those that get one, named after them (kamervragen.json.gz). */
  gzipped: readonly AssetEntry[];
  /** Files of the committed dataset made by the build (data/*.ndjson, quarantine.json). */
  committed: readonly AssetEntry[];
  /** datapackage.json's text for a version and date. */
  datapackage: (release: { version: string; date: string }) => string;
  previous: Manifest | null;
  schemaVersion: string;
  sourceDateEpoch?: number | undefined;
  sourceCommit: string | null;
  repository: string | null;
  quarantined: readonly string[];
  allowRemovals: boolean;
  /** The fields that changed in a changed record, when its previous version is at hand. */
  fieldsChanged?: ((id: string) => readonly string[] | null) | undefined;
}

/** Where an asset's bytes are: a file the build wrote (by its build name), or made here. */
export type AssetSource = { kind: 'built'; file: string } | { kind: 'text'; bytes: Uint8Array };

/** A file of the release under the name it is published (or committed) with. */
export interface PlannedFile extends AssetEntry {
  source: AssetSource;
}

export interface AssembledRelease {
  status: 'unchanged' | 'release';
  plan: ReleasePlan;
  manifest: Manifest;
  /** Release assets under their published names, including manifest, notes, citation and SHA256SUMS. */
  assets: PlannedFile[];
  /** The committed dataset (dist/): year files, datapackage.json and the release's small files. */
  dist: PlannedFile[];
}

/**
 * kamervragen.json → kamervragen-1.2.0.json, workbooks/2019-2020.xlsx →
 * kamervragen-1.2.0-2019-2020.xlsx; tables and metadata keep their names.
 */
export function releaseAssetName(distName: string, version: string): string {
  const year = workbookYear(distName);
  if (year !== null) return workbookAssetName(year, version);
  const prefix = `${DATASET_NAME}.`;
  return distName.startsWith(prefix)
    ? `${DATASET_NAME}-${version}.${distName.slice(prefix.length)}`
    : distName;
}

const built = (e: AssetEntry, name = e.name): PlannedFile => ({
  name,
  bytes: e.bytes,
  sha256: e.sha256,
  source: { kind: 'built', file: e.name },
});

function made(name: string, text: string | Uint8Array): PlannedFile {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return {
    name,
    bytes: bytes.byteLength,
    sha256: sha256Hex(bytes),
    source: { kind: 'text', bytes },
  };
}

function dataAssets(input: AssembleInput, version: string, date: string): PlannedFile[] {
  return [
    ...[...input.dataFiles, ...input.gzipped].map((f) =>
      built(f, releaseAssetName(f.name, version)),
    ),
    made(DATAPACKAGE_NAME, input.datapackage({ version, date })),
  ];
}

const entry = (f: PlannedFile): AssetEntry => ({ name: f.name, bytes: f.bytes, sha256: f.sha256 });

function sameAssets(a: readonly AssetEntry[], b: readonly AssetEntry[]): boolean {
  const key = (list: readonly AssetEntry[]) =>
    list
      .map((e) => `${e.name} ${e.bytes} ${e.sha256}`)
      .sort()
      .join('\n');
  return key(a) === key(b);
}

function finish(
  status: AssembledRelease['status'],
  plan: ReleasePlan,
  manifest: Manifest,
  data: PlannedFile[],
  input: AssembleInput,
): AssembledRelease {
  const extras = [
    made(MANIFEST_NAME, serializeManifest(manifest)),
    made(NOTES_NAME, renderReleaseNotes(manifest)),
    made(CARD_NAME, renderDatasetCard(manifest)),
    made(CITATION_NAME, renderCitation(manifest)),
  ];
  const assets = [...data, ...extras];
  const datapackage = data.find((f) => f.name === DATAPACKAGE_NAME)!;
  const dist = [...input.committed.map((f) => built(f)), datapackage, ...extras];
  return {
    status,
    plan,
    manifest,
    assets: [...assets, made(SUMS_NAME, renderSha256Sums(assets))],
    dist: [...dist, made(SUMS_NAME, renderSha256Sums(dist))],
  };
}

/**
 * Unchanged records keep the previous version and date; when the files then equal the previous
 * release's, the previous manifest is reused whole, so every file of the release comes out byte
 * for byte as before. Otherwise (same records, different files: an export fix) it is a patch.
 */
export function assembleRelease(input: AssembleInput): AssembledRelease {
  const options = { schemaVersion: input.schemaVersion, sourceDateEpoch: input.sourceDateEpoch };
  let plan = planFromChanges(
    diffHashed(input.records, input.previous),
    input.records,
    input.previous,
    options,
  );
  if (plan.kind === 'unchanged') {
    const data = dataAssets(input, plan.version, plan.date);
    if (sameAssets(data.map(entry), plan.previous.assets))
      return finish('unchanged', plan, plan.previous, data, input);
    plan = {
      kind: 'release',
      version: bumpVersion(plan.version, 'patch'),
      date: releaseDate(input.records, options, plan.previous),
      bump: 'patch',
      changes: { added: [], changed: [], removed: [] },
      previous: plan.previous,
    };
  }
  assertRemovalsAllowed(plan, input.allowRemovals);
  if (input.fieldsChanged !== undefined)
    plan = { ...plan, changes: withChangedFields(plan.changes, input.fieldsChanged) };
  const data = dataAssets(input, plan.version, plan.date);
  const manifest = buildManifest({
    plan,
    records: input.records,
    assets: data.map(entry),
    schemaVersion: input.schemaVersion,
    sourceCommit: input.sourceCommit,
    repository: input.repository,
    quarantined: input.quarantined,
  });
  return finish('release', plan, manifest, data, input);
}
