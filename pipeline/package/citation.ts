import type { Manifest } from './release-types.ts';

export const CITATION_NAME = 'CITATION.cff';
export const DATASET_TITLE =
  "Kamervragen: Dutch parliamentary written questions and the government's answers";
export const DEFAULT_REPOSITORY = 'https://github.com/kamervragen/kamervragen';

export function releaseTag(version: string): string {
  return `v${version}`;
}

// Double-quoted YAML scalars: JSON string syntax is valid YAML and escapes everything needed.
const q = (s: string) => JSON.stringify(s);

/** CITATION.cff 1.2.0 for one version; version and date come from the manifest, like the tag. */
export function renderCitation(m: Manifest): string {
  const releaseUrl = `${m.repository}/releases/tag/${releaseTag(m.version)}`;
  const work = `title: ${q(DATASET_TITLE)}
version: ${q(m.version)}
date-released: ${q(m.date)}
license: CC0-1.0
repository-code: ${q(m.repository)}
repository: ${q(releaseUrl)}
url: ${q(releaseUrl)}
authors:
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
