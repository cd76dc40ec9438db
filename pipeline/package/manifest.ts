import { KamervragenError } from '../errors.ts';
import type {
  AssetEntry,
  Counts,
  Coverage,
  Manifest,
  ReleasePlan,
  ReleaseRecord,
} from './release-types.ts';
import { parseVersion } from './semver.ts';

export const MANIFEST_NAME = 'manifest.json';
export const DATASET_NAME = 'kamervragen';

export function countRecords(records: readonly ReleaseRecord[]): Counts {
  const sum = (f: (r: ReleaseRecord) => number) => records.reduce((n, r) => n + f(r), 0);
  return {
    documents: records.length,
    questions: sum((r) => r.questions),
    answers: sum((r) => r.answers),
    askers: sum((r) => r.askers),
    footnotes: sum((r) => r.footnotes),
    references: sum((r) => r.references),
  };
}

/** What coverage needs of a record: a Document, or the build's summary of one. */
export interface CoveredRecord {
  session_year?: string | null | undefined;
  questions: readonly unknown[] | number;
  answers: readonly unknown[] | number;
}

export function coverageOf(records: Iterable<CoveredRecord>): Coverage {
  const years = new Map<string, { documents: number; questions: number; answers: number }>();
  const size = (v: readonly unknown[] | number) => (typeof v === 'number' ? v : v.length);
  for (const r of records) {
    const key = r.session_year ?? 'unknown';
    const c = years.get(key) ?? { documents: 0, questions: 0, answers: 0 };
    c.documents += 1;
    c.questions += size(r.questions);
    c.answers += size(r.answers);
    years.set(key, c);
  }
  return Object.fromEntries([...years].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface ManifestInputs {
  plan: Extract<ReleasePlan, { kind: 'release' }>;
  records: readonly ReleaseRecord[];
  assets: readonly AssetEntry[];
  schemaVersion: string;
  sourceCommit: string | null;
  repository: string | null;
  quarantined: readonly string[];
}

export function buildManifest(input: ManifestInputs): Manifest {
  const records: Manifest['records'] = {};
  for (const r of [...input.records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    records[r.id] = { sha256: r.sha256, title: r.title };
  }
  return {
    manifest_version: 1,
    name: DATASET_NAME,
    version: input.plan.version,
    date: input.plan.date,
    previous_version: input.plan.previous?.version ?? null,
    schema_version: input.schemaVersion,
    source_commit: input.sourceCommit,
    repository: input.repository,
    counts: countRecords(input.records),
    coverage: coverageOf(input.records),
    changes: input.plan.changes,
    quarantined: [...input.quarantined].sort(),
    records,
    assets: [...input.assets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

export function serializeManifest(manifest: Manifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
}

function fail(file: string, field: string, message: string): never {
  throw new KamervragenError('package/bad-manifest', message, { file, field });
}

/** Read a manifest written by an earlier release; anything unexpected stops with the field named. */
export function parseManifest(text: string, file: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(file, '', `not JSON (${(error as Error).message}); restore it from the last release`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(file, '', 'expected an object');
  const m = value as Record<string, unknown>;
  if (m.manifest_version !== 1)
    fail(file, '/manifest_version', `expected 1, found ${JSON.stringify(m.manifest_version)}`);
  for (const key of ['version', 'date', 'schema_version'] as const) {
    if (typeof m[key] !== 'string')
      fail(file, `/${key}`, `expected a string, found ${JSON.stringify(m[key])}`);
  }
  if (m.repository !== null && typeof m.repository !== 'string')
    fail(file, '/repository', `expected a URL or null, found ${JSON.stringify(m.repository)}`);
  parseVersion(m.version as string);
  parseVersion(m.schema_version as string, '/schema_version');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(m.date as string))
    fail(file, '/date', `expected YYYY-MM-DD, found "${String(m.date)}"`);
  const records = m.records;
  if (typeof records !== 'object' || records === null || Array.isArray(records))
    fail(file, '/records', 'expected an object');
  for (const [id, entry] of Object.entries(records)) {
    const e = entry as { sha256?: unknown } | null;
    if (typeof e?.sha256 !== 'string')
      fail(file, `/records/${id}/sha256`, 'expected a sha256 string');
  }
  if (!Array.isArray(m.assets)) fail(file, '/assets', 'expected an array');
  (m.assets as unknown[]).forEach((a, i) => {
    const e = a as Partial<AssetEntry> | null;
    if (
      typeof e?.name !== 'string' ||
      typeof e.bytes !== 'number' ||
      typeof e.sha256 !== 'string'
    ) {
      fail(file, `/assets/${i}`, 'expected {name, bytes, sha256}');
    }
  });
  return value as Manifest;
}
