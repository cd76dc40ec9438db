import { renderCharts } from './chart-views.ts';
import type { Citation } from './citation.ts';
import type { DocMeta } from './doc-meta.ts';
import { compareText, esc, formatBytes, formatDate, formatNumber, plural } from './html.ts';
import { renderBrowse } from './render-browse.ts';
import type { ReleaseInfo } from './site-inputs.ts';
import { RESPONSE_NORM_DAYS, type Summary } from './summarize.ts';

export interface IndexPageData {
  summary: Summary;
  version: string | null;
  date: string | null;
  citation: Citation;
  /** Newest first. */
  releases: ReleaseInfo[];
  /** Every record's metadata, sorted by id. */
  metas: readonly DocMeta[];
  /** Why the counts differ from the release offered for download, when they do. */
  dataNotice: string | null;
  repositoryUrl: string | null;
}

export function renderIndexBody(d: IndexPageData): string {
  return [
    intro(d),
    download(d),
    cite(d),
    renderCharts({ summary: d.summary, metas: d.metas }),
    renderBrowse(d.metas),
    about(d),
  ].join('\n');
}

function intro(d: IndexPageData): string {
  const s = d.summary;
  const pct = s.withinNorm === null ? null : Math.round(s.withinNorm * 100);
  const facts: [string, string][] = [
    [formatNumber(s.documents), plural(s.documents, 'document', 'documents')],
    [formatNumber(s.questions), plural(s.questions, 'question', 'questions')],
    [formatNumber(s.answers), plural(s.answers, 'answer', 'answers')],
    [formatNumber(s.askers), plural(s.askers, 'member asking', 'members asking')],
    [formatNumber(s.parties), plural(s.parties, 'party', 'parties')],
  ];
  if (s.medianResponseDays !== null)
    facts.push([`${Math.round(s.medianResponseDays)} days`, 'median time to answer']);
  if (pct !== null) facts.push([`${pct}%`, `answered within ${RESPONSE_NORM_DAYS} days`]);
  const period =
    s.firstSubmitted && s.lastAnswered
      ? ` Questions submitted from ${formatDate(s.firstSubmitted)}; the newest answer arrived on ${formatDate(s.lastAnswered)}.`
      : '';
  const latest = d.releases[0];
  const json = latest?.assets.find(
    (a) => /\.json$/.test(a.name) && !/manifest|datapackage/.test(a.name),
  );
  return `<section aria-labelledby="title">
<h1 id="title">Kamervragen: written questions from the Dutch parliament, and the government's answers</h1>
<p class="lead">Members of the Tweede Kamer put written questions (<i>Kamervragen</i>) to ministers, who must answer them, in principle within three weeks.
This open dataset holds every question and answer as structured data: who asked, from which party, which minister answered, when, and how long it took. It comes as JSON, NDJSON and CSV tables that open in pandas, R, DuckDB or a spreadsheet.</p>
<p>${d.version ? `<span class="badge">Version ${esc(d.version)}</span> ` : ''}${d.date ? `<span class="badge">${esc(formatDate(d.date))}</span> ` : ''}<span class="badge">Licence: CC0 1.0</span></p>
${d.dataNotice ? `<p class="notice" role="note">${esc(d.dataNotice)}</p>` : ''}
${period ? `<p>${period.trim()}</p>` : ''}
<ul class="facts" aria-label="The dataset in numbers">
${facts.map(([n, label]) => `<li><strong>${esc(n)}</strong><span>${esc(label)}</span></li>`).join('\n')}
</ul>
<p class="cta">${json ? `<a class="button" href="${esc(json.url)}">Download ${esc(json.name)} (${esc(formatBytes(json.size))})</a>` : ''}
<a class="button secondary" href="#download">All downloads</a> <a class="button secondary" href="#browse">Browse the questions</a> <a class="button secondary" href="dictionary.html">What each column means</a></p>
</section>`;
}

function download(d: IndexPageData): string {
  const releases = d.releases;
  const body = releases.length
    ? releases
        .map((r, i) => {
          const table = `${releaseNote(r)}${assetTable(r)}`;
          const heading = `Version ${esc(r.version)}${r.date ? `, ${esc(formatDate(r.date))}` : ''}${i === 0 ? ' (latest)' : ''}`;
          return i === 0
            ? `<h3 id="release-${esc(r.version)}">${heading}</h3>\n${table}`
            : `<details id="release-${esc(r.version)}"><summary>${heading}</summary>\n${table}</details>`;
        })
        .join('\n')
    : '<p>No release has been published yet. Build one with <code>npm start</code>; the release appears here with its files and checksums.</p>';
  return `<section id="download" aria-labelledby="download-h">
<h2 id="download-h">Download</h2>
<p>Every release is immutable and reproducible: the same documents and code give byte-identical files. Check a download with <code>sha256sum -c SHA256SUMS</code>.
The JSON holds one record per document; the CSV tables hold one row per document, asker, question, answer, footnote and reference, joined by <code>document_id</code>.</p>
${body}
</section>`;
}

/** "12 documents added, 3 changed · release notes": what a reader wants to know before downloading. */
function releaseNote(r: ReleaseInfo): string {
  const parts: string[] = [];
  const c = r.changes;
  if (c) {
    // "2 documents added, 1 changed.": the noun once, with the first count.
    const bits = (
      [
        [c.added, 'added'],
        [c.changed, 'changed'],
        [c.removed, 'removed'],
      ] as const
    )
      .filter(([n]) => n > 0)
      .map(([n, what], i) =>
        i === 0
          ? `${formatNumber(n)} ${plural(n, 'document', 'documents')} ${what}`
          : `${formatNumber(n)} ${what}`,
      );
    if (bits.length) parts.push(`${bits.join(', ')}.`);
  }
  const notes = r.assets.find((a) => a.name === 'RELEASE_NOTES.md');
  if (notes) parts.push(`<a href="${esc(notes.url)}">Release notes</a> list every document by id.`);
  return parts.length ? `<p>${parts.join(' ')}</p>\n` : '';
}

function assetTable(r: ReleaseInfo): string {
  const rows = [...r.assets]
    .sort((a, b) => compareText(a.name, b.name))
    .map(
      (a) =>
        `<tr><td><a href="${esc(a.url)}">${esc(a.name)}</a></td><td class="num">${esc(formatBytes(a.size))}</td><td class="hash">${esc(a.sha256 ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<div class="scroll"><table>
<caption class="visually-hidden">Files of version ${esc(r.version)}</caption>
<thead><tr><th scope="col">File</th><th scope="col" class="num">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

function cite(d: IndexPageData): string {
  const c = d.citation;
  return `<section id="cite" aria-labelledby="cite-h">
<h2 id="cite-h">Cite this version</h2>
<p>Cite the version you used${c.version ? ` (here: version ${esc(c.version)})` : ''}, so others can download exactly the same data.</p>
<div class="cite-block">
<h3 id="apa-h">APA</h3>
<p class="citation" id="citation-apa">${esc(c.apa)}</p>
<p><button type="button" data-copy="citation-apa" data-status="copy-status-apa" hidden>Copy citation</button> <span class="status" id="copy-status-apa" role="status" aria-live="polite"></span></p>
<h3 id="bibtex-h">BibTeX</h3>
<pre id="citation-bibtex">${esc(c.bibtex)}</pre>
<p><button type="button" class="secondary" data-copy="citation-bibtex" data-status="copy-status-bibtex" hidden>Copy BibTeX</button> <span class="status" id="copy-status-bibtex" role="status" aria-live="polite"></span></p>
</div>
</section>`;
}

function about(d: IndexPageData): string {
  const repo = d.repositoryUrl
    ? ` The code and the source documents are at <a href="${esc(d.repositoryUrl)}">${esc(d.repositoryUrl.replace(/^https:\/\//, ''))}</a>.`
    : '';
  return `<section id="about" aria-labelledby="about-h">
<h2 id="about-h">About the data</h2>
<p>The source is the <i>Aanhangsel van de Handelingen</i>, the appendix to the parliamentary record where questions and answers are officially published, and the <i>Kamervragen zonder antwoord</i>. Each document is parsed into one record; anything the parser could not read with certainty is listed in the record's <code>warnings</code> rather than guessed. Unknown values are empty (<code>null</code>).${repo}</p>
<p><strong>Licence.</strong> Our work on the data is dedicated to the public domain under <a href="https://creativecommons.org/publicdomain/zero/1.0/">CC0 1.0</a>: use it for anything, no permission needed. The texts are publications of the Dutch government and parliament.</p>
<h3>Open it in a few lines</h3>
<pre><code>import pandas as pd
questions = pd.read_csv("questions.csv")   # one row per question, with its answer
documents = pd.read_csv("documents.csv")   # one row per document</code></pre>
<pre><code>duckdb -c "SELECT answerer_portfolio, median(response_days) FROM 'documents.csv' GROUP BY 1 ORDER BY 2 DESC"</code></pre>
<p>Every table and column is explained in the <a href="dictionary.html">data dictionary</a>.</p>
</section>`;
}
