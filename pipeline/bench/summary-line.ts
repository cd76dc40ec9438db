// The benchmark's last line, one machine-readable summary of medians. The headline is the
// command users and the workflows run, `kamervragen release` to a folder; the build alone follows.
// docs=N release_s=… release_peak_rss_mb=… unchanged_s=… incremental_s=… incremental_peak_rss_mb=…
//   build_s=… build_peak_rss_mb=… build_incremental_s=… floor_s=… ratio_to_floor=… quarantined=…
// A figure that could not be measured (a failed run, a step left out) is "na", never a guess.

export interface BenchFigures {
  docs: number;
  /** Cold release: wall seconds and peak RSS (MB) of the whole process. */
  releaseS: number | null;
  releasePeakRssMb: number | null;
  /** The same release again, nothing changed. */
  unchangedS: number | null;
  /** A release after one new document. */
  incrementalS: number | null;
  incrementalPeakRssMb: number | null;
  /** `kamervragen build` alone, cold and after one new document. */
  buildS: number | null;
  buildPeakRssMb: number | null;
  buildIncrementalS: number | null;
  floorS: number | null;
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
  const ratio = f.releaseS !== null && f.floorS ? f.releaseS / f.floorS : null;
  return [
    `docs=${f.docs}`,
    `release_s=${fixed(f.releaseS, 2)}`,
    `release_peak_rss_mb=${fixed(f.releasePeakRssMb, 0)}`,
    `unchanged_s=${fixed(f.unchangedS, 2)}`,
    `incremental_s=${fixed(f.incrementalS, 2)}`,
    `incremental_peak_rss_mb=${fixed(f.incrementalPeakRssMb, 0)}`,
    `build_s=${fixed(f.buildS, 2)}`,
    `build_peak_rss_mb=${fixed(f.buildPeakRssMb, 0)}`,
    `build_incremental_s=${fixed(f.buildIncrementalS, 2)}`,
    `floor_s=${fixed(f.floorS, 3)}`,
    `ratio_to_floor=${fixed(ratio, 1)}`,
    `quarantined=${f.quarantined ?? 'na'}`,
  ].join(' ');
}

const S = '(na|\\d+\\.\\d{2})';
const MB = '(na|\\d+)';
/** The summary line's pattern, for consumers and tests. */
export const SUMMARY_PATTERN = new RegExp(
  `^docs=(\\d+) release_s=${S} release_peak_rss_mb=${MB} unchanged_s=${S} incremental_s=${S} ` +
    `incremental_peak_rss_mb=${MB} build_s=${S} build_peak_rss_mb=${MB} build_incremental_s=${S} ` +
    `floor_s=(na|\\d+\\.\\d{3}) ratio_to_floor=(na|\\d+\\.\\d) quarantined=(na|\\d+)$`,
);
