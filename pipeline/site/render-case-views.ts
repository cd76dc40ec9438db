// The cases page (cases.html) and the CSV file behind each of its charts (data/*.csv): what the
// cases table makes possible, each view with its numbers in a table and a download link.
import { csvLine } from '../export/to-csv.ts';
import { NORM_DAYS } from '../cases/build-cases.ts';
import type { CaseInput } from '../cases/build-cases.ts';
import { barChart, columnChart } from './charts.ts';
import { caseViews, type CaseViews, type ViewTable } from './case-views.ts';
import { esc, formatDate, formatNumber } from './html.ts';
import { page } from './layout.ts';

export interface CaseViewFile {
  path: string;
  content: string;
}

/** Files of the cases page, in a fixed order: the page, then one CSV per view. */
export const CASE_VIEW_FILES = 5;

export function caseViewFiles(
  inputs: readonly CaseInput[],
  releaseDate: string | null,
): CaseViewFile[] {
  const views = caseViews(inputs, releaseDate);
  const tables = [views.byMinistry, views.byYear, views.openPastNorm, views.partyByYear];
  return [
    {
      path: 'cases.html',
      content: page({
        title: 'Response times and open questions · Kamervragen open data',
        description:
          'Response time by ministry and by year, the share answered within three weeks, the open questions past the norm, and questions per party.',
        root: '',
        body: renderBody(views),
      }),
    },
    ...tables.map((t) => ({ path: `data/${t.file}`, content: tableCsv(t) })),
  ];
}

function tableCsv(table: ViewTable): string {
  return csvLine(table.columns) + table.rows.map((r) => csvLine(r)).join('');
}

function htmlTable(table: ViewTable, caption: string, limit = 50): string {
  const head = table.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('');
  const body = table.rows
    .slice(0, limit)
    .map(
      (r) =>
        `<tr>${r.map((c) => `<td>${typeof c === 'number' ? formatNumber(c) : esc(c ?? '')}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const more =
    table.rows.length > limit
      ? `<p>First ${limit} of ${formatNumber(table.rows.length)} rows; the download has them all.</p>`
      : '';
  return `<table><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>${more}
<p><a href="data/${esc(table.file)}" download>Download the table (CSV)</a></p>`;
}

const num = (c: unknown): number => (typeof c === 'number' ? c : 0);

function renderBody(v: CaseViews): string {
  const asOf = v.releaseDate === null ? 'the release date' : formatDate(v.releaseDate);
  const ministry = barChart({
    id: 'chart-case-ministry',
    title: 'Median days to answer, by ministry',
    description: `Median calendar days from submission to answer per answering portfolio; the norm is ${NORM_DAYS} days.`,
    bars: v.byMinistry.rows.slice(0, 20).map((r) => ({
      label: String(r[1] ?? r[0]),
      value: num(r[3]),
    })),
    unit: 'median days to answer',
  });
  const year = columnChart({
    id: 'chart-case-year',
    title: `Share answered within ${NORM_DAYS} days, by year`,
    description: `Percentage of answered cases answered within ${NORM_DAYS} days, by year of submission.`,
    columns: v.byYear.rows.map((r) => ({
      label: String(r[0]),
      value: num(r[3]),
      tick: String(r[0]),
      tooltip: `${String(r[0])}: ${num(r[3])}% within ${NORM_DAYS} days (median ${num(r[2])} days)`,
    })),
    unit: `percent within ${NORM_DAYS} days, by year submitted`,
  });
  const openCounts = new Map<string, number>();
  for (const r of v.openPastNorm.rows) {
    const key = String(r[3] ?? 'unmapped');
    openCounts.set(key, (openCounts.get(key) ?? 0) + 1);
  }
  const open = barChart({
    id: 'chart-case-open',
    title: 'Open questions past the norm, by ministry',
    description: `Cases without an answer on ${asOf} submitted more than ${NORM_DAYS} days before it.`,
    bars: [...openCounts]
      .map(([label, value]) => ({ label, value }))
      .sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : 1))
      .slice(0, 20),
    unit: 'open cases past the norm',
  });
  const totals = new Map<string, number>();
  for (const r of v.partyByYear.rows)
    totals.set(String(r[0]), (totals.get(String(r[0])) ?? 0) + num(r[2]));
  const party = barChart({
    id: 'chart-case-party',
    title: 'Questions per party',
    description:
      'Cases with at least one asker of the party, all years; the table has them per year.',
    bars: [...totals]
      .map(([label, value]) => ({ label, value }))
      .sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : 1))
      .slice(0, 20),
    unit: 'cases',
  });
  return `<h1>Response times and open questions</h1>
<p>From the cases table (<code>cases.csv</code>): ${formatNumber(v.cases)} cases, one per case number,
linking questions, postponement notices and answers. Open questions are counted on ${esc(asOf)}, the date of this release.
The definitions are in the <a href="dictionary.html">data dictionary</a>.</p>
<section id="by-ministry"><h2>Response time by ministry</h2>
${ministry}
${htmlTable(v.byMinistry, 'Answered cases per answering portfolio')}</section>
<section id="by-year"><h2>Response time by year, and the share within three weeks</h2>
${year}
${htmlTable(v.byYear, 'Answered cases per year of submission', 200)}</section>
<section id="open"><h2>Open questions past the norm</h2>
${open}
${htmlTable(v.openPastNorm, `Cases open on ${asOf}, longest open first`)}</section>
<section id="parties"><h2>Questions per party over time</h2>
${party}
${htmlTable(v.partyByYear, 'Cases per party key and year of submission', 200)}</section>`;
}
