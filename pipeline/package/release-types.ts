// The nouns of packaging: what a release records about itself (manifest) and what the next one
// will be (plan). Kept apart from pipeline/types.ts because only package/, publish/ and the
// release command use them.

export type Bump = 'initial' | 'major' | 'minor' | 'patch';

export interface RecordRef {
  id: string;
  title: string | null;
  /** For a changed record: the fields that changed, when the previous version was at hand. */
  fields?: string[];
}

export interface Changes {
  added: RecordRef[];
  changed: RecordRef[];
  removed: RecordRef[];
}

export interface AssetEntry {
  /** Name of the asset in the release (versioned for the JSON files). */
  name: string;
  bytes: number;
  sha256: string;
}

export interface Counts {
  documents: number;
  questions: number;
  answers: number;
  askers: number;
  footnotes: number;
  references: number;
}

/** Documents, questions and answers per session year ("unknown" when a record has none). */
export type Coverage = Record<string, { documents: number; questions: number; answers: number }>;

/** manifest.json: everything a later release or a verifier needs to know about this one. */
export interface Manifest {
  manifest_version: 1;
  name: string;
  version: string;
  date: string;
  previous_version: string | null;
  schema_version: string;
  source_commit: string | null;
  /** Web address of the repository; null when the release could not tell (never invented). */
  repository: string | null;
  counts: Counts;
  /** Absent in manifests written before it was recorded. */
  coverage?: Coverage;
  changes: Changes;
  /** Source files the build set aside instead of failing; named in the release notes. */
  quarantined: string[];
  /** Record id → sha256 of the record's canonical JSON and its title (to name it if it is removed), sorted by id. */
  records: Record<string, { sha256: string; title: string | null }>;
  /** Every asset except manifest.json and SHA256SUMS (which describe the others), sorted by name. */
  assets: AssetEntry[];
}

/** What a release needs to know of a record: the build's summary of it. */
export interface ReleaseRecord {
  id: string;
  /** For the manifest's coverage by session year. */
  session_year?: string | null;
  title: string | null;
  submitted: string | null;
  answered: string | null;
  /** recordHash of the record. */
  sha256: string;
  questions: number;
  answers: number;
  askers: number;
  footnotes: number;
  references: number;
}

/** A small file made in memory (manifest, notes, citation, checksums). */
export interface NamedFile {
  name: string;
  bytes: Uint8Array;
}

export type ReleasePlan =
  | { kind: 'unchanged'; version: string; date: string; previous: Manifest }
  | {
      kind: 'release';
      version: string;
      date: string;
      bump: Bump;
      changes: Changes;
      previous: Manifest | null;
    };
