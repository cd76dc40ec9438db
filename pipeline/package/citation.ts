import type { Manifest } from './release-types.ts';

export const CITATION_NAME = 'CITATION.cff';
export const DATASET_TITLE =
  "Kamervragen: Dutch parliamentary written questions and the government's answers";

export function releaseTag(version: string): string {
  return `v${version}`;
}

// Double-quoted YAML scalars: JSON string syntax is valid YAML and escapes everything needed.
const q = (s: string) => JSON.stringify(s);

/** CITATION.cff 1.2.0 for one version; version and date come from the manifest, like the tag. */
// Without a known repository the citation names none rather than a made-up one.
export function renderCitation(m: Manifest): string {
  const releaseUrl =
    m.repository === null ? null : `${m.repository}/releases/tag/${releaseTag(m.version)}`;
  const where =
    m.repository === null || releaseUrl === null
      ? ''
      : `repository-code: ${q(m.repository)}
repository: ${q(releaseUrl)}
url: ${q(releaseUrl)}
`;
  const work = `title: ${q(DATASET_TITLE)}
version: ${q(m.version)}
date-released: ${q(m.date)}
license: CC0-1.0
${where}authors:
  - name: "kamervragen contributors"`;
  return `cff-version: 1.2.0
message: "If you use this dataset, please cite this version as below."
type: dataset
${work}
keywords:
  - "Tweede Kamer"
  - "Kamervragen"
  - "parliamentary questions"
  - "open data"
preferred-citation:
  type: data
${work.replace(/^/gm, '  ')}
`;
}
