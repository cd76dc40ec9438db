import { barChart, columnChart } from './charts.ts';
import type { Citation } from './citation.ts';
import { esc, formatBytes, formatDate, formatNumber, compareText, monthName } from './html.ts';
import type { ReleaseInfo } from './site-inputs.ts';
import { RESPONSE_NORM_DAYS, UNKNOWN, type Summary } from './summarize.ts';
import type { BrowseRow } from './browse-index.ts';

export interface IndexPageData {
  summary: Summary;
  version: string | null;
  date: string | null;
  citation: Citation;
  /** Newest first. */
  releases: ReleaseInfo[];
  rows: BrowseRow[];
  repositoryUrl: string | null;
}

export function renderIndexBody(d: IndexPageData): string {
  return [intro(d), download(d), cite(d), charts(d.summary), browse(d.rows), about(d)].join('\n');
}

function intro(d: IndexPageData): string {
  const s = d.summary;
  const pct = s.withinNorm === null ? null : Math.round(s.withinNorm * 100);
  const facts: [string, string][] = [
    [formatNumber(s.documents), 'documents'],
    [formatNumber(s.questions), 'questions'],
    [formatNumber(s.answers), 'answers'],
    [formatNumber(s.askers), 'members asking'],
    [formatNumber(s.parties), 'parties'],
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
    const bits = [
      c.added ? `${formatNumber(c.added)} added` : '',
      c.changed ? `${formatNumber(c.changed)} changed` : '',
      c.removed ? `${formatNumber(c.removed)} removed` : '',
    ].filter(Boolean);
    if (bits.length) parts.push(`Documents ${bits.join(', ')}.`);
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

function charts(s: Summary): string {
  const months = s.questionsPerMonth;
  const everyYear = months.length > 24;
  const firstYear = Number(months[0]?.label.slice(0, 4) ?? 0);
  // At most about eight year labels, so they never overlap.
  const yearStep = Math.max(1, Math.ceil(months.length / 12 / 8));
  const perMonth = columnChart({
    id: 'chart-month',
    title: 'Questions submitted per month',
    description: `Number of individual questions by month of submission (ingezonden), ${months[0]?.label ?? ''} to ${months[months.length - 1]?.label ?? ''}.`,
    columns: months.map((m, i) => {
      const [y, mm] = m.label.split('-');
      const tick = everyYear
        ? (mm === '01' || i === 0) && (Number(y) - firstYear) % yearStep === 0
          ? y
          : undefined
        : i % Math.ceil(months.length / 8) === 0
          ? `${monthName(Number(mm)).slice(0, 3)} ${y}`
          : undefined;
      return {
        label: m.label,
        value: m.value,
        tooltip: `${monthName(Number(mm))} ${y}: ${formatNumber(m.value)} questions`,
        ...(tick ? { tick } : {}),
      };
    }),
    unit: 'month of submission',
  });
  const histogram = columnChart({
    id: 'chart-response',
    title: 'Time to answer',
    description: `Documents by days from submission to answer, in weeks. The dashed line marks the norm of ${RESPONSE_NORM_DAYS} days.`,
    columns: s.responseHistogram.map((b) => {
      const label = b.to === null ? `${b.from}+` : `${b.from}–${b.to}`;
      return {
        label,
        value: b.value,
        tick: b.to === null ? `${b.from}+` : String(b.to),
        tooltip: `${label} days: ${formatNumber(b.value)} documents`,
      };
    }),
    marker: { afterIndex: Math.ceil(RESPONSE_NORM_DAYS / 7) - 1, label: '3-week norm' },
    unit: 'days to answer (bins end at the day shown)',
  });
  const party = barChart({
    id: 'chart-party',
    title: 'Documents per party',
    description:
      'Number of documents with at least one asker from the party, largest first (top 15).',
    bars: s.perParty.slice(0, 15),
    unit: 'documents',
  });
  const ministry = barChart({
    id: 'chart-ministry',
    title: 'Documents per answering portfolio',
    description:
      'Number of documents answered by each ministerial portfolio, largest first (top 15).',
    bars: s.perMinistry
      .slice(0, 15)
      .map((b) => (b.label === UNKNOWN ? { ...b, label: 'not stated' } : b)),
    unit: 'documents',
  });
  const within =
    s.withinNorm === null
      ? ''
      : ` ${Math.round(s.withinNorm * 100)}% of the ${formatNumber(s.withResponseDays)} answered documents with both dates were answered within ${RESPONSE_NORM_DAYS} days.`;
  return `<section id="charts" aria-labelledby="charts-h">
<h2 id="charts-h">The data at a glance</h2>
<div class="charts">
${figure(
  'Questions per month',
  'Individual questions by month they were submitted.',
  perMonth,
  months.map((m) => [m.label, m.value]),
)}
${figure(
  'Time to answer',
  `Days from submission to answer.${within}`,
  histogram,
  s.responseHistogram.map((b) => [
    b.to === null ? `${b.from}+ days` : `${b.from}–${b.to} days`,
    b.value,
  ]),
)}
${figure(
  'Per party',
  'Documents with an asker from the party.',
  party,
  s.perParty.map((c) => [c.label, c.value]),
)}
${figure(
  'Per portfolio',
  'Documents answered, by the portfolio of the answering minister.',
  ministry,
  s.perMinistry.map((c) => [c.label === UNKNOWN ? 'not stated' : c.label, c.value]),
)}
</div>
</section>`;
}

function figure(caption: string, note: string, svg: string, table: [string, number][]): string {
  const rows = table
    .map(([k, v]) => `<tr><td>${esc(k)}</td><td class="num">${formatNumber(v)}</td></tr>`)
    .join('');
  return `<figure>
<figcaption>${esc(caption)}<small>${esc(note)}</small></figcaption>
${svg}
<details><summary>Show the numbers</summary><div class="scroll"><table><tbody>${rows}</tbody></table></div></details>
</figure>`;
}

function browse(rows: BrowseRow[]): string {
  const options = (values: string[], all: string) =>
    [
      `<option value="">${esc(all)}</option>`,
      ...values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`),
    ].join('');
  const parties = [...new Set(rows.flatMap((r) => r.p))].sort(compareText);
  const ministries = [...new Set(rows.map((r) => r.m).filter((m): m is string => m !== null))].sort(
    compareText,
  );
  const years = [...new Set(rows.map((r) => r.y).filter((y): y is number => y !== null))]
    .sort((a, b) => b - a)
    .map(String);
  return `<section id="browse" aria-labelledby="browse-h">
<h2 id="browse-h">Browse and search</h2>
<noscript><p>Searching needs JavaScript. Every document is also in the downloads above.</p></noscript>
<form id="filters" class="filters" role="search" hidden>
<label class="search">Search titles, askers, ministers, ids<input type="search" id="q" name="q" placeholder="e.g. emotieherkenning, Sjoerdsma, 2019Z15244" autocomplete="off"></label>
<label>Party<select id="party" name="party">${options(parties, 'All parties')}</select></label>
<label>Portfolio<select id="ministry" name="ministry">${options(ministries, 'All portfolios')}</select></label>
<label>Year<select id="year" name="year">${options(years, 'All years')}</select></label>
<button type="reset" class="secondary">Clear</button>
</form>
<p id="result-count" role="status" aria-live="polite"></p>
<div class="scroll">
<table id="documents" data-index="assets/index-data.js" hidden>
<caption class="visually-hidden">Documents matching the search</caption>
<thead><tr>
<th scope="col" data-key="t"><button type="button" class="sort">Subject</button></th>
<th scope="col" data-key="a"><button type="button" class="sort">Asked by</button></th>
<th scope="col" data-key="b"><button type="button" class="sort">Answered by</button></th>
<th scope="col" class="num" data-key="s" aria-sort="descending"><button type="button" class="sort">Submitted</button></th>
<th scope="col" class="num" data-key="r"><button type="button" class="sort">Answered</button></th>
<th scope="col" class="num" data-key="d"><button type="button" class="sort">Days</button></th>
</tr></thead>
<tbody></tbody>
</table>
</div>
<p><button type="button" id="more" class="secondary" hidden>Show more</button></p>
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
