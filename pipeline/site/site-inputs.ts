import type { Document } from '../types.ts';

// What the landing page is built from: the published data, read by the `site` command.

export interface ReleaseAsset {
  name: string;
  size: number;
  /** From the release's SHA256SUMS; null when the release lists no checksum for it. */
  sha256: string | null;
  /** Where a reader downloads it: the GitHub release asset, or a path relative to the site. */
  url: string;
}

export interface ReleaseInfo {
  version: string;
  /** Release date (YYYY-MM-DD) from its manifest, when stated. */
  date: string | null;
  assets: ReleaseAsset[];
  /** Documents added, changed and removed since the previous release, from its manifest. */
  changes?: { added: number; changed: number; removed: number };
}

/** The parts of dist/manifest.json the page shows. */
export interface ManifestSummary {
  version: string | null;
  date: string | null;
  counts: Record<string, number>;
}

/** Everything but the records. */
export interface SiteSettings {
  /** CITATION.cff text, when a release has written one. */
  citationCff: string | null;
  manifest: ManifestSummary | null;
  /** Every release, any order; the page sorts them newest first. */
  releases: ReleaseInfo[];
  /** dist/datapackage.json, for the data dictionary page. */
  datapackage: unknown;
  /** schema/document.schema.json, for the data dictionary page. */
  schema: unknown;
  /** Repository URL (https://github.com/OWNER/REPO) when known, for source and download links. */
  repositoryUrl: string | null;
  /**
   * Said above the counts when they are not those of the release the downloads offer (a
   * `site --data` of another build); null when they are.
   */
  dataNotice?: string | null;
}

export interface SiteInputs extends SiteSettings {
  documents: Document[];
}
