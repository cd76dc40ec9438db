import { barChart, columnChart } from './charts.ts';
import type { DocMeta } from './doc-meta.ts';
import { esc, formatNumber, monthName } from './html.ts';
import { RESPONSE_NORM_DAYS, UNKNOWN, type Summary } from './summarize.ts';

// The landing page's charts, each a view of its own: a view gets the summary and the metadata
// of every record and returns one <figure>. A new chart is one more entry in CHART_VIEWS.

export interface ChartData {
  summary: Summary;
  /** Every record's metadata (no texts), sorted by id. */
  metas: readonly DocMeta[];
}

export interface ChartView {
  id: string;
  render(data: ChartData): string;
}

export const CHART_VIEWS: readonly ChartView[] = [
  { id: 'per-month', render: (d) => perMonthFigure(d.summary) },
  { id: 'time-to-answer', render: (d) => responseFigure(d.summary) },
  { id: 'per-party', render: (d) => partyFigure(d.summary) },
  { id: 'per-portfolio', render: (d) => portfolioFigure(d.summary) },
];

export function renderCharts(data: ChartData): string {
  return `<section id="charts" aria-labelledby="charts-h">
<h2 id="charts-h">The data at a glance</h2>
<div class="charts">
${CHART_VIEWS.map((v) => v.render(data)).join('\n')}
</div>
</section>`;
}

/** "unknown" portfolio of an answered document: the answer names none. */
const portfolioLabel = (label: string) => (label === UNKNOWN ? 'not stated' : label);

function perMonthFigure(s: Summary): string {
  const months = s.questionsPerMonth;
  const everyYear = months.length > 24;
  const firstYear = Number(months[0]?.label.slice(0, 4) ?? 0);
  // At most about eight year labels, so they never overlap.
  const yearStep = Math.max(1, Math.ceil(months.length / 12 / 8));
  const svg = columnChart({
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
  return figure(
    'Questions per month',
    'Individual questions by month they were submitted.',
    svg,
    months.map((m) => [m.label, m.value]),
  );
}

function responseFigure(s: Summary): string {
  const svg = columnChart({
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
  const within =
    s.withinNorm === null
      ? ''
      : ` ${Math.round(s.withinNorm * 100)}% of the ${formatNumber(s.withResponseDays)} answered documents with both dates were answered within ${RESPONSE_NORM_DAYS} days.`;
  return figure(
    'Time to answer',
    `Days from submission to answer.${within}`,
    svg,
    s.responseHistogram.map((b) => [
      b.to === null ? `${b.from}+ days` : `${b.from}–${b.to} days`,
      b.value,
    ]),
  );
}

function partyFigure(s: Summary): string {
  const svg = barChart({
    id: 'chart-party',
    title: 'Documents per party',
    description:
      'Number of documents with at least one asker from the party, largest first (top 15).',
    bars: s.perParty.slice(0, 15),
    unit: 'documents',
  });
  return figure(
    'Per party',
    'Documents with an asker from the party.',
    svg,
    s.perParty.map((c) => [c.label, c.value]),
  );
}

function portfolioFigure(s: Summary): string {
  const svg = barChart({
    id: 'chart-ministry',
    title: 'Documents per answering portfolio',
    description:
      'Number of documents answered by each ministerial portfolio, largest first (top 15); documents without an answer yet are counted apart.',
    bars: s.perMinistry.slice(0, 15).map((b) => ({ ...b, label: portfolioLabel(b.label) })),
    unit: 'documents',
  });
  return figure(
    'Per portfolio',
    'Documents answered, by the portfolio of the answering minister.',
    svg,
    s.perMinistry.map((c) => [portfolioLabel(c.label), c.value]),
  );
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
