import type { Document } from '../types.ts';
import { buildDataDictionary } from '../dictionary/build-dictionary.ts';
import { citationFromCff, makeCitation, type Citation } from './citation.ts';
import { CLIENT_DOCUMENT_JS } from './client/client-document.ts';
import { CLIENT_LOADER_JS } from './client/client-loader.ts';
import { CLIENT_JS } from './client-script.ts';
import { CLIENT_SEARCH_JS } from './client/client-search.ts';
import type { CaseInput } from '../cases/build-cases.ts';
import { caseInput } from './case-views.ts';
import { caseIndex, docEntry } from './doc-entry.ts';
import type { DocMeta } from './doc-meta.ts';
import { docMeta, yearGroup } from './doc-meta.ts';
import { compareText } from './html.ts';
import { page } from './layout.ts';
import { renderDictionaryBody } from './render-dictionary-page.ts';
import { renderDocumentShell } from './render-document.ts';
import { renderIndexBody } from './render-index.ts';
import { CASE_VIEW_FILES, caseViewFiles } from './render-case-views.ts';
import { scriptData } from './search/script-data.ts';
import { indexWords } from './search/search-text.ts';
import {
  dataFiles,
  MemorySpill,
  DOCS_PER_CHUNK,
  ROWS_PER_FILE,
  spillLine,
  type Spill,
} from './site-data.ts';
import type { ReleaseInfo, SiteInputs, SiteSettings } from './site-inputs.ts';
import { SITE_CSS } from './styles.ts';
import { summarize } from './summarize.ts';

export interface SiteFile {
  /** Path inside the site folder, with / separators. */
  path: string;
  content: string;
}

const DESCRIPTION =
  "Open data: written questions from the Dutch parliament (Kamervragen) and the government's answers, as JSON and CSV.";

/**
 * Reads the records one at a time: keeps the metadata of each, and hands its page data and
 * words to the spill, so the texts of a hundred thousand records are never in memory at once.
 */
export class SiteCollector {
  readonly metas: DocMeta[] = [];
  readonly cases: CaseInput[] = [];
  constructor(readonly spill: Spill = new MemorySpill()) {}

  async add(doc: Document): Promise<void> {
    const meta = docMeta(doc);
    this.metas.push(meta);
    this.cases.push(caseInput(doc));
    const words = indexWords([
      doc.id,
      doc.title,
      doc.case_number,
      ...(doc.askers ?? []).flatMap((a) => [a.name, a.party]),
      doc.answerer?.role,
      doc.answerer?.name,
      doc.answerer?.portfolio,
      ...doc.questions.map((q) => q.text),
      ...doc.answers.map((a) => a.text),
    ]);
    const { rf, ...entry } = docEntry(doc, meta.title);
    await this.spill.put(yearGroup(doc), spillLine(doc.id, words, rf, JSON.stringify(entry)));
  }
}

// Pure: the published data in, every file of the static site out, in a fixed order. The same
// inputs give the same bytes (no clock, no locale, no randomness).
export async function buildSite(inputs: SiteInputs): Promise<SiteFile[]> {
  const collector = new SiteCollector();
  for (const doc of inputs.documents) await collector.add(doc);
  const files: SiteFile[] = [];
  for await (const file of siteFiles(inputs, collector)) files.push(file);
  return files;
}

/** About how many files siteFiles yields for n records, for a progress bar. */
export function siteFileEstimate(n: number): number {
  return (
    8 +
    CASE_VIEW_FILES +
    Math.ceil(n / DOCS_PER_CHUNK) +
    Math.ceil(n / ROWS_PER_FILE) +
    Math.ceil(n / 1000)
  );
}

export async function* siteFiles(
  settings: SiteSettings,
  collected: SiteCollector,
): AsyncGenerator<SiteFile> {
  const metas = [...collected.metas].sort((a, b) => compareText(a.id, b.id));
  const releases = [...settings.releases].sort((a, b) => compareVersions(b.version, a.version));
  const summary = summarize(metas);
  const citation = pickCitation(settings, releases);
  const version = settings.manifest?.version ?? citation.version ?? releases[0]?.version ?? null;
  const date =
    settings.manifest?.date ?? citation.date ?? releases[0]?.date ?? summary.lastAnswered;
  const social = { siteUrl: pagesUrl(settings.repositoryUrl) };
  yield {
    path: 'index.html',
    content: page({
      title: 'Kamervragen open data: Dutch parliamentary questions and answers',
      description: DESCRIPTION,
      root: '',
      path: 'index.html',
      ...social,
      scripts: ['assets/site.js', 'assets/loader.js', 'assets/search.js'],
      body: renderIndexBody({
        summary,
        version,
        date,
        citation,
        releases,
        metas,
        dataNotice: settings.dataNotice ?? null,
        repositoryUrl: settings.repositoryUrl,
      }),
    }),
  };
  yield {
    path: 'dictionary.html',
    content: page({
      title: 'Data dictionary · Kamervragen open data',
      description:
        'Every table and column of the Kamervragen dataset explained, with the Dutch terms.',
      root: '',
      path: 'dictionary.html',
      ...social,
      body: renderDictionaryBody(buildDataDictionary(settings.schema, settings.datapackage)),
    }),
  };
  yield {
    path: 'doc.html',
    content: page({
      title: 'Document · Kamervragen open data',
      description: 'One written question with its answer, from the Kamervragen open data.',
      root: '',
      path: 'doc.html',
      ...social,
      scripts: ['assets/loader.js', 'assets/document.js'],
      body: renderDocumentShell(),
    }),
  };
  yield* caseViewFiles(collected.cases, date);
  yield { path: 'assets/site.css', content: SITE_CSS };
  yield { path: 'assets/site.js', content: CLIENT_JS };
  yield { path: 'assets/loader.js', content: CLIENT_LOADER_JS };
  yield { path: 'assets/search.js', content: CLIENT_SEARCH_JS };
  yield { path: 'assets/document.js', content: CLIENT_DOCUMENT_JS };
  const byId = new Map(metas.map((m) => [m.id, m]));
  const data = dataFiles(collected.spill, { byId, byCase: caseIndex(metas) });
  for (;;) {
    const next = await data.next();
    if (next.done) {
      yield { path: 'search/manifest.js', content: scriptData('search/manifest.js', next.value) };
      break;
    }
    yield next.value;
  }
  // GitHub Pages would otherwise run the folder through Jekyll.
  yield { path: '.nojekyll', content: '' };
}

/** https://github.com/OWNER/REPO → https://OWNER.github.io/REPO/, where Pages publishes it. */
function pagesUrl(repositoryUrl: string | null): string | null {
  const m = /^https:\/\/github\.com\/([^/]+)\/([^/]+?)\/?$/.exec(repositoryUrl ?? '');
  return m ? `https://${m[1]?.toLowerCase()}.github.io/${m[2]}/` : null;
}

function pickCitation(inputs: SiteSettings, releases: ReleaseInfo[]): Citation {
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
