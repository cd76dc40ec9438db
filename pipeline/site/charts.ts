import { esc, formatNumber } from './html.ts';
import type { Count } from './summarize.ts';

// Inline SVG charts, drawn at build time: no script, no CDN, readable offline and by screen
// readers (role="img" with a title and description, plus the numbers in a table beside it).

const BAR = '#24579b';
const NORM = '#b3261e';
const GRID = '#d9dde3';
const INK = '#1c2430';
/** Longest bar label drawn in full: beyond it the label is cut with an ellipsis. */
const LABEL_CHARS = 34;

export interface ColumnChartSpec {
  id: string;
  title: string;
  description: string;
  columns: { label: string; value: number; tick?: string; tooltip: string }[];
  /** A vertical marker drawn between two columns: after column `afterIndex`. */
  marker?: { afterIndex: number; label: string };
  unit: string;
}

export function columnChart(spec: ColumnChartSpec): string {
  const width = 600;
  const height = 260;
  const left = 44;
  const right = 12;
  const top = 24;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...spec.columns.map((c) => c.value)));
  const step = plotW / Math.max(1, spec.columns.length);
  const gap = step > 6 ? Math.min(4, step * 0.2) : 0;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  for (const t of ticks(max)) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${fx(y(t))}" y2="${fx(y(t))}" stroke="${GRID}"/>`,
    );
    parts.push(
      `<text x="${left - 6}" y="${fx(y(t) + 4)}" text-anchor="end">${formatNumber(t)}</text>`,
    );
  }
  spec.columns.forEach((c, i) => {
    const x = left + i * step + gap / 2;
    const h = top + plotH - y(c.value);
    parts.push(
      `<rect class="bar" x="${fx(x)}" y="${fx(y(c.value))}" width="${fx(Math.max(1, step - gap))}" height="${fx(h)}" fill="${BAR}" data-label="${esc(c.label)}" data-value="${c.value}"><title>${esc(c.tooltip)}</title></rect>`,
    );
    if (c.tick) {
      parts.push(
        `<text x="${fx(x + (step - gap) / 2)}" y="${height - bottom + 16}" text-anchor="middle">${esc(c.tick)}</text>`,
      );
    }
  });
  parts.push(
    `<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="${INK}"/>`,
  );
  if (spec.marker) {
    const x = left + (spec.marker.afterIndex + 1) * step;
    parts.push(
      `<line class="norm" x1="${fx(x)}" x2="${fx(x)}" y1="${top - 8}" y2="${top + plotH}" stroke="${NORM}" stroke-width="2" stroke-dasharray="6 4"/>`,
      `<text x="${fx(x + 6)}" y="${top + 4}" fill="${NORM}" font-weight="600">${esc(spec.marker.label)}</text>`,
    );
  }
  parts.push(
    `<text x="${left + plotW / 2}" y="${height - 6}" text-anchor="middle" class="axis-label">${esc(spec.unit)}</text>`,
  );
  return svg(spec.id, spec.title, spec.description, width, height, parts);
}

export interface BarChartSpec {
  id: string;
  title: string;
  description: string;
  bars: Count[];
  unit: string;
}

/** Horizontal bars with the label on the left: long names (ministries) stay readable. */
export function barChart(spec: BarChartSpec): string {
  const width = 600;
  const rowH = 24;
  // Room for the longest label at about 7 units a character (font-size 12); longer labels are
  // cut to what that room holds, so none runs off the left edge.
  const longest = Math.max(4, ...spec.bars.map((b) => Math.min(LABEL_CHARS, b.label.length)));
  const left = 16 + longest * 7;
  const right = 56;
  const top = 8;
  const height = top + spec.bars.length * rowH + 28;
  const max = niceMax(Math.max(0, ...spec.bars.map((b) => b.value)));
  const plotW = width - left - right;
  const parts: string[] = [];
  spec.bars.forEach((b, i) => {
    const yTop = top + i * rowH;
    const w = (b.value / max) * plotW;
    parts.push(
      `<text x="${left - 8}" y="${yTop + 16}" text-anchor="end">${esc(truncate(b.label, LABEL_CHARS))}</text>`,
      `<rect class="bar" x="${left}" y="${yTop + 4}" width="${fx(Math.max(1, w))}" height="${rowH - 8}" fill="${BAR}" data-label="${esc(b.label)}" data-value="${b.value}"><title>${esc(`${b.label}: ${formatNumber(b.value)}`)}</title></rect>`,
      `<text x="${fx(left + w + 6)}" y="${yTop + 16}">${formatNumber(b.value)}</text>`,
    );
  });
  parts.push(
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${top + spec.bars.length * rowH}" stroke="${INK}"/>`,
  );
  parts.push(
    `<text x="${left + plotW / 2}" y="${height - 6}" text-anchor="middle" class="axis-label">${esc(spec.unit)}</text>`,
  );
  return svg(spec.id, spec.title, spec.description, width, height, parts);
}

function svg(
  id: string,
  title: string,
  description: string,
  width: number,
  height: number,
  parts: string[],
): string {
  return `<svg id="${esc(id)}" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(id)}-t ${esc(id)}-d" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12" fill="${INK}">
<title id="${esc(id)}-t">${esc(title)}</title><desc id="${esc(id)}-d">${esc(description)}</desc>
${parts.join('\n')}
</svg>`;
}

/** A round upper bound for the axis: 1, 2, 5 × 10^k. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * power >= value) return m * power;
  return 10 * power;
}

function ticks(max: number): number[] {
  if (max < 4) return [0, max];
  const step = max / 4;
  return Number.isInteger(step) ? [0, step, 2 * step, 3 * step, max] : [0, max / 2, max];
}

function fx(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
