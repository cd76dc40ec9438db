import { PARQUET_SUFFIX } from '../export/parquet-sql.ts';
import type { Document } from '../types.ts';
import { renderSha256Sums, SUMS_NAME } from './checksums.ts';
import { CITATION_NAME, renderCitation } from './citation.ts';
import { deterministicGzip } from './deterministic-gzip.ts';
import { sha256Hex } from './hash-record.ts';
import { buildManifest, DATASET_NAME, MANIFEST_NAME, serializeManifest } from './manifest.ts';
import { assertRemovalsAllowed, planRelease, releaseDate } from './plan-release.ts';
import type { AssetEntry, Manifest, NamedFile, ReleasePlan } from './release-types.ts';
import { NOTES_NAME, renderReleaseNotes } from './release-notes.ts';
import { CARD_NAME, renderDatasetCard } from './dataset-card.ts';
import { withChangedFields } from './changed-fields.ts';
import { bumpVersion } from './semver.ts';

export const DEFAULT_GZIP_MIN_BYTES = 1024 * 1024;

export interface AssembleInput {
  records: readonly Document[];
  /** The build's export: the dist/ data files (kamervragen.json, CSVs, datapackage.json) for a version and date. */
  exportFiles: (release: { version: string; date: string }) => NamedFile[];
  previous: Manifest | null;
  schemaVersion: string;
  sourceDateEpoch?: number | undefined;
  sourceCommit: string | null;
  repository: string | null;
  quarantined: readonly string[];
  allowRemovals: boolean;
  gzipMinBytes?: number;
  /** The fields that changed in a changed record, when its previous version is at hand. */
  fieldsChanged?: (id: string) => readonly string[] | null;
  /** Files dist/ holds beside the release files but that are not release assets (quarantine.json). */
  distExtras?: readonly NamedFile[];
}

export interface AssembledRelease {
  status: 'unchanged' | 'release';
  plan: ReleasePlan;
  manifest: Manifest;
  /** Release assets under their published names, including manifest, notes, citation and SHA256SUMS. */
  assets: NamedFile[];
  /** The same release as dist/ holds it: data files under their build names plus the release files. */
  dist: NamedFile[];
}

/** kamervragen.json → kamervragen-1.2.0.json; tables and metadata keep their names. */
export function releaseAssetName(distName: string, version: string): string {
  const prefix = `${DATASET_NAME}.`;
  return distName.startsWith(prefix)
    ? `${DATASET_NAME}-${version}.${distName.slice(prefix.length)}`
    : distName;
}

function dataAssets(
  files: readonly NamedFile[],
  version: string,
  gzipMinBytes: number,
): NamedFile[] {
  const out: NamedFile[] = [];
  for (const f of files) {
    const name = releaseAssetName(f.name, version);
    out.push({ name, bytes: f.bytes });
    // Parquet is compressed already.
    if (f.bytes.byteLength >= gzipMinBytes && !f.name.endsWith(PARQUET_SUFFIX))
      out.push({ name: `${name}.gz`, bytes: deterministicGzip(f.bytes) });
  }
  return out;
}

const entry = (f: NamedFile): AssetEntry => ({
  name: f.name,
  bytes: f.bytes.byteLength,
  sha256: sha256Hex(f.bytes),
});

function sameAssets(a: readonly AssetEntry[], b: readonly AssetEntry[]): boolean {
  const key = (list: readonly AssetEntry[]) =>
    list
      .map((e) => `${e.name} ${e.bytes} ${e.sha256}`)
      .sort()
      .join('\n');
  return key(a) === key(b);
}

const text = (s: string) => new TextEncoder().encode(s);

function finish(
  status: AssembledRelease['status'],
  plan: ReleasePlan,
  manifest: Manifest,
  data: NamedFile[],
  built: NamedFile[],
): AssembledRelease {
  const extras: NamedFile[] = [
    { name: MANIFEST_NAME, bytes: serializeManifest(manifest) },
    { name: NOTES_NAME, bytes: text(renderReleaseNotes(manifest)) },
    { name: CARD_NAME, bytes: text(renderDatasetCard(manifest)) },
    { name: CITATION_NAME, bytes: text(renderCitation(manifest)) },
  ];
  const assets = [...data, ...extras];
  const dist = [...built, ...extras];
  return {
    status,
    plan,
    manifest,
    assets: [...assets, { name: SUMS_NAME, bytes: text(renderSha256Sums(assets)) }],
    dist: [...dist, { name: SUMS_NAME, bytes: text(renderSha256Sums(dist)) }],
  };
}

/**
 * Plan → export → package. Unchanged records re-export under the previous version and date; when
 * those files equal the previous release's, the previous manifest is reused whole, so every file of
 * the release comes out byte for byte as before. Otherwise (same records, different files: an
 * export fix) it is a patch release.
 */
export function assembleRelease(input: AssembleInput): AssembledRelease {
  const gzipMinBytes = input.gzipMinBytes ?? DEFAULT_GZIP_MIN_BYTES;
  const extras = input.distExtras ?? [];
  let plan = planRelease(input.records, input.previous, {
    schemaVersion: input.schemaVersion,
    sourceDateEpoch: input.sourceDateEpoch,
  });
  if (plan.kind === 'unchanged') {
    const built = input.exportFiles({ version: plan.version, date: plan.date });
    const data = dataAssets(built, plan.version, gzipMinBytes);
    if (sameAssets(data.map(entry), plan.previous.assets))
      return finish('unchanged', plan, plan.previous, data, [...built, ...extras]);
    plan = {
      kind: 'release',
      version: bumpVersion(plan.version, 'patch'),
      date: releaseDate(input.records, input, plan.previous),
      bump: 'patch',
      changes: { added: [], changed: [], removed: [] },
      previous: plan.previous,
    };
  }
  assertRemovalsAllowed(plan, input.allowRemovals);
  if (input.fieldsChanged !== undefined)
    plan = { ...plan, changes: withChangedFields(plan.changes, input.fieldsChanged) };
  const built = input.exportFiles({ version: plan.version, date: plan.date });
  const data = dataAssets(built, plan.version, gzipMinBytes);
  const manifest = buildManifest({
    plan,
    records: input.records,
    assets: data.map(entry),
    schemaVersion: input.schemaVersion,
    sourceCommit: input.sourceCommit,
    repository: input.repository,
    quarantined: input.quarantined,
  });
  return finish('release', plan, manifest, data, [...built, ...extras]);
}
