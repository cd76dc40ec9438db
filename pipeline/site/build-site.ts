import type { Document } from '../types.ts';
import { buildDataDictionary } from '../dictionary/build-dictionary.ts';
import { browseRows, browseScriptData } from './browse-index.ts';
import { citationFromCff, makeCitation, type Citation } from './citation.ts';
import { CLIENT_JS } from './client-script.ts';
import { compareText } from './html.ts';
import { page } from './layout.ts';
import { renderDictionaryBody } from './render-dictionary-page.ts';
import { documentTitle, renderDocumentBody } from './render-document.ts';
import { renderIndexBody } from './render-index.ts';
import { CASE_VIEW_FILES, caseViewFiles } from './render-case-views.ts';
import type { ReleaseInfo, SiteInputs } from './site-inputs.ts';
import { SITE_CSS } from './styles.ts';
import { summarize } from './summarize.ts';

export interface SiteFile {
  /** Path inside the site folder, with / separators. */
  path: string;
  content: string;
}

const DESCRIPTION =
  "Open data: written questions from the Dutch parliament (Kamervragen) and the government's answers, as JSON and CSV.";

// Pure: the published data in, every file of the static site out, in a fixed order. The same
// inputs give the same bytes (no clock, no locale, no randomness).
export function buildSite(inputs: SiteInputs): SiteFile[] {
  return [...siteFiles(inputs)];
}

/** How many files siteFiles yields, for a progress bar. */
export function siteFileCount(inputs: SiteInputs): number {
  return FIXED_FILES + CASE_VIEW_FILES + inputs.documents.length;
}

const FIXED_FILES = 6;

/**
 * The same files one at a time: document pages are rendered as they are asked for, so a writer
 * holds one page in memory rather than forty thousand.
 */
export function* siteFiles(inputs: SiteInputs): Generator<SiteFile> {
  const documents = [...inputs.documents].sort((a, b) => compareText(a.id, b.id));
  const releases = [...inputs.releases].sort((a, b) => compareVersions(b.version, a.version));
  const summary = summarize(documents);
  const citation = pickCitation(inputs, releases);
  const version = inputs.manifest?.version ?? citation.version ?? releases[0]?.version ?? null;
  const date = inputs.manifest?.date ?? citation.date ?? releases[0]?.date ?? summary.lastAnswered;
  const rows = browseRows(documents);
  const knownIds = new Set(documents.map((d) => d.id));
  const fixed: SiteFile[] = [
    {
      path: 'index.html',
      content: page({
        title: 'Kamervragen open data: Dutch parliamentary questions and answers',
        description: DESCRIPTION,
        root: '',
        scripts: ['assets/site.js'],
        body: renderIndexBody({
          summary,
          version,
          date,
          citation,
          releases,
          rows,
          repositoryUrl: inputs.repositoryUrl,
        }),
      }),
    },
    {
      path: 'dictionary.html',
      content: page({
        title: 'Data dictionary · Kamervragen open data',
        description:
          'Every table and column of the Kamervragen dataset explained, with the Dutch terms.',
        root: '',
        body: renderDictionaryBody(buildDataDictionary(inputs.schema, inputs.datapackage)),
      }),
    },
    { path: 'assets/site.css', content: SITE_CSS },
    { path: 'assets/site.js', content: CLIENT_JS },
    { path: 'assets/index-data.js', content: browseScriptData(rows) },
    // GitHub Pages would otherwise run the folder through Jekyll.
    { path: '.nojekyll', content: '' },
  ];
  yield* fixed.slice(0, FIXED_FILES - 1);
  yield* caseViewFiles(documents, date);
  for (const doc of documents) yield documentPage(doc, knownIds);
  yield* fixed.slice(FIXED_FILES - 1);
}

function documentPage(doc: Document, knownIds: ReadonlySet<string>): SiteFile {
  return {
    path: `doc/${doc.id}.html`,
    content: page({
      title: `${documentTitle(doc)} · ${doc.id} · Kamervragen`,
      description: `Questions and answers of ${doc.id}.`,
      root: '../',
      body: renderDocumentBody(doc, knownIds),
    }),
  };
}

function pickCitation(inputs: SiteInputs, releases: ReleaseInfo[]): Citation {
  if (inputs.citationCff !== null) return citationFromCff(inputs.citationCff);
  // No release yet: cite the dataset by what is known, and say it is unreleased.
  const version = inputs.manifest?.version ?? releases[0]?.version ?? null;
  return makeCitation({
    title: "Kamervragen: Dutch parliamentary written questions and the government's answers",
    version,
    date: inputs.manifest?.date ?? releases[0]?.date ?? null,
    doi: null,
    url: inputs.repositoryUrl,
    authors: [{ family: 'kamervragen contributors', given: null }],
    publisher: null,
  });
}

/** SemVer order on the numeric parts; anything unparsable sorts by text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split(/[.-]/).map(Number);
  const pb = b.replace(/^v/, '').split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i += 1) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (Number.isNaN(x) || Number.isNaN(y)) return compareText(a, b);
    if (x !== y) return x - y;
  }
  return compareText(a, b);
}
