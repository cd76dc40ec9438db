import { releaseTag } from './citation.ts';
import type { Coverage, Manifest } from './release-types.ts';

export const CARD_NAME = 'README.md';

// The files a release holds, by how their names end, and what a reader does with each.
const KINDS: readonly [RegExp, string][] = [
  [/^datapackage\.json$/, 'the description of every table (Frictionless Data Package v2)'],
  [
    /^kamervragen-.*\.json$/,
    'every record in full, nested (JSON array; the schema is `schema/document.schema.json`)',
  ],
  [/\.ndjson$/, 'the same records, one JSON object per line'],
  [/\.csv$/, 'one table each, RFC 4180; cells are the exact values (for data tools)'],
  [/\.parquet$/, 'the same tables, typed (VARCHAR, BIGINT, DATE), zstd-compressed'],
  [
    /\.xlsx$/,
    "one session year's tables as a workbook whose cells are typed text and numbers, never formulas (for spreadsheets)",
  ],
  [/\.gz$/, 'a gzip copy of a large file'],
];

function coverageTable(coverage: Coverage | undefined): string {
  if (coverage === undefined) return 'Not recorded for this version.\n';
  const rows = Object.entries(coverage).map(
    ([year, c]) => `| ${year} | ${c.documents} | ${c.questions} | ${c.answers} |`,
  );
  return `| session year | documents | questions | answers |\n| --- | ---: | ---: | ---: |\n${rows.join('\n')}\n`;
}

function filesList(m: Manifest): string {
  const lines = m.assets.map((a) => {
    const kind = KINDS.find(([pattern]) => pattern.test(a.name))?.[1];
    return `- \`${a.name}\` (${a.bytes} bytes)${kind ? `: ${kind}` : ''}`;
  });
  return lines.join('\n');
}

function citation(m: Manifest): string {
  const year = m.date.slice(0, 4);
  const where =
    m.repository === null ? '' : ` ${m.repository}/releases/tag/${releaseTag(m.version)}`;
  return `kamervragen contributors (${year}). *Kamervragen: Dutch parliamentary written questions and the government's answers* (Version ${m.version}) [Data set].${where}`;
}

/** The dataset card (README.md of the release), from the manifest alone, so a rebuild reproduces it. */
export function renderDatasetCard(m: Manifest): string {
  const c = m.counts;
  const gaps =
    m.quarantined.length === 0
      ? 'No source document was set aside.'
      : `${m.quarantined.length} source document(s) could not be parsed or validated and are not in this version:\n\n${m.quarantined
          .map((f) => `- \`${f}\``)
          .join('\n')}`;
  return `# Kamervragen ${m.version}

Written questions of members of the Dutch parliament (Kamervragen) and the government's answers, as
published in the Aanhangsel van de Handelingen, in formats for data tools and spreadsheets.
Released ${m.date}; record schema ${m.schema_version}.

## What is in it

${c.documents} documents, ${c.questions} questions, ${c.answers} answers, ${c.askers} askers, ${c.footnotes} footnotes, ${c.references} references.

${filesList(m)}

\`datapackage.json\` describes every table (Frictionless Data Package v2): column types, primary keys and
foreign keys. \`question_answers\` links each question (\`questions\`: document_id, number) to the answers
that cover it (\`answers\`: document_id, position). Every record with an official id has \`source.url\`, its
publication on https://zoek.officielebekendmakingen.nl.

## Coverage by session year

${coverageTable(m.coverage)}
## How it was made

The published documents (officiële bekendmakingen, in their XML, HTML, PDF or ODT rendering) are parsed
by the kamervragen pipeline into one validated record each${m.source_commit ? `, from commit \`${m.source_commit}\`` : ''}${m.repository ? ` of ${m.repository}` : ''}.
\`manifest.json\` holds a hash of every record; \`SHA256SUMS\` verifies every file (\`sha256sum -c SHA256SUMS\`).

## Known gaps

${gaps}

Fields the parser could not read with certainty are null (an empty cell in CSV) and named in the
record's \`warnings\`; in \`documents.csv\` a list column (askers, addressees, co_answerers) is empty both for
"none" and for "unknown", and its \`*_count\` column (0, or empty when unknown) tells which.

## Licence

Our work on the data is dedicated to the public domain under CC0 1.0
(https://creativecommons.org/publicdomain/zero/1.0/). The source texts are official publications of
the Dutch parliament and government.

## How to cite

${citation(m)}

\`CITATION.cff\` holds the same for citation managers.
`;
}
