import { compareVersions } from './build-site.ts';
import type { ManifestSummary, ReleaseInfo } from './site-inputs.ts';

/**
 * When the counts on the page are not those of the newest release the page offers, it says so:
 * `site --data other-build` would otherwise show one dataset's counts beside another's files.
 */
export function dataNotice(
  dataDir: string,
  documents: number,
  manifest: ManifestSummary | null,
  releases: ReleaseInfo[],
): string | null {
  if (releases.length === 0) return null;
  const latest = [...releases].sort((a, b) => compareVersions(b.version, a.version))[0];
  const released = manifest?.counts.documents;
  if (latest && manifest?.version === latest.version && released === documents) return null;
  const what = latest ? `version ${latest.version}${latest.date ? ` of ${latest.date}` : ''}` : '';
  return `The counts, charts and search on this page are of the data in ${dataDir} (${documents} ${documents === 1 ? 'document' : 'documents'}), which is not the release offered for download below (${what}${released !== undefined && manifest?.version === latest?.version ? `, ${released} documents` : ''}).`;
}
