/** A release asset: a file on disk, with the size and hash it must have. */
export interface AssetFile {
  /** The published name. */
  name: string;
  path: string;
  bytes: number;
  sha256: string;
}

/** What a publisher gets: one version's assets under their published names. */
export interface ReleaseBundle {
  version: string;
  tag: string;
  /** Title and body of the release page. */
  title: string;
  notes: string;
  assets: readonly AssetFile[];
  /** The data commit the tag must point at (manifest.json's source_commit), when known. */
  commit?: string | null;
}

/** One step a publisher took or, under --dry-run, would take. */
export interface PlanStep {
  method: string;
  url: string;
  /** Asset name, size and sha256 for steps that move an asset. */
  asset?: { name: string; bytes: number; sha256: string };
  note?: string;
}

export interface PublishResult {
  /** created: published now; exists: the target already held exactly this version; planned: --dry-run. */
  action: 'created' | 'exists' | 'planned';
  location: string;
  steps: PlanStep[];
}

export type Target =
  { kind: 'dir'; path: string } | { kind: 'github'; owner: string; repo: string };
