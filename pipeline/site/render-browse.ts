import type { DocMeta } from './doc-meta.ts';
import { compareText, esc } from './html.ts';
import { RESPONSE_NORM_DAYS, ministryOf, partiesOf, yearOf } from './summarize.ts';

// The search section of the landing page. The form works without the data; assets/search.js
// loads only the index files a query needs (search/manifest.js names them) and fills the table.

export function renderBrowse(metas: readonly DocMeta[]): string {
  const options = (values: string[], all: string) =>
    [
      `<option value="">${esc(all)}</option>`,
      ...values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`),
    ].join('');
  const parties = [...new Set(metas.flatMap(partiesOf))].sort(compareText);
  const ministries = [
    ...new Set(metas.map(ministryOf).filter((m): m is string => m !== null)),
  ].sort(compareText);
  const years = [...new Set(metas.map(yearOf).filter((y): y is number => y !== null))]
    .sort((a, b) => b - a)
    .map(String);
  return `<section id="browse" aria-labelledby="browse-h">
<h2 id="browse-h">Search the questions and answers</h2>
<noscript><p>Searching needs JavaScript. Every document is also in the downloads above.</p></noscript>
<form id="filters" class="filters" role="search" hidden data-manifest="search/manifest.js">
<label class="search">Search subjects, questions, answers, names, ids<input type="search" id="q" name="q" placeholder="e.g. emotieherkenning, Sjoerdsma, 2019Z15244" autocomplete="off" lang="nl"></label>
<label>Party<select id="party" name="party">${options(parties, 'All parties')}</select></label>
<label>Portfolio<select id="ministry" name="ministry">${options(ministries, 'All portfolios')}</select></label>
<label>Year<select id="year" name="year">${options(years, 'All years')}</select></label>
<label class="check"><input type="checkbox" id="late" name="late" value="1"> Answered late (over ${RESPONSE_NORM_DAYS} days)</label>
<button type="reset" class="secondary">Clear</button>
</form>
<p id="result-count" role="status" aria-live="polite"></p>
<table id="documents" class="cards" hidden>
<caption class="visually-hidden">Documents matching the search, newest session year first</caption>
<thead><tr>
<th scope="col">Subject</th>
<th scope="col">Asked by</th>
<th scope="col">Answered by</th>
<th scope="col" class="num">Submitted</th>
<th scope="col" class="num">Answered</th>
<th scope="col" class="num">Days</th>
</tr></thead>
<tbody></tbody>
</table>
<p><button type="button" id="more" class="secondary" hidden>Show more</button></p>
</section>`;
}
