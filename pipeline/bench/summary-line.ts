// The benchmark's last line, one machine-readable summary of medians:
// docs=N wall_s=… docs_per_s=… peak_rss_mb=… floor_s=… ratio_to_floor=… incremental_s=…
// A figure that could not be measured (no build yet, a failed run) is "na", never a guess.

export interface BenchFigures {
  docs: number;
  wallS: number | null;
  peakRssMb: number | null;
  floorS: number | null;
  incrementalS: number | null;
  /** Documents the build left out (quarantined); null when unknown. */
  quarantined: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const fixed = (value: number | null, digits: number): string =>
  value === null || !Number.isFinite(value) ? 'na' : value.toFixed(digits);

export function formatSummary(f: BenchFigures): string {
  const perSecond = f.wallS ? f.docs / f.wallS : null;
  const ratio = f.wallS !== null && f.floorS ? f.wallS / f.floorS : null;
  return [
    `docs=${f.docs}`,
    `wall_s=${fixed(f.wallS, 2)}`,
    `docs_per_s=${fixed(perSecond, 0)}`,
    `peak_rss_mb=${fixed(f.peakRssMb, 0)}`,
    `floor_s=${fixed(f.floorS, 3)}`,
    `ratio_to_floor=${fixed(ratio, 1)}`,
    `incremental_s=${fixed(f.incrementalS, 2)}`,
    `quarantined=${f.quarantined ?? 'na'}`,
  ].join(' ');
}

/** The summary line's pattern, for consumers and tests. */
export const SUMMARY_PATTERN =
  /^docs=(\d+) wall_s=(na|\d+\.\d{2}) docs_per_s=(na|\d+) peak_rss_mb=(na|\d+) floor_s=(na|\d+\.\d{3}) ratio_to_floor=(na|\d+\.\d) incremental_s=(na|\d+\.\d{2}) quarantined=(na|\d+)$/;
