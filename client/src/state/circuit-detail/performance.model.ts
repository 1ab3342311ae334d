import type { PerformancePointDto } from '../../generated/models/performance-point-dto';

/**
 * Nearest-rank 95th percentile (the billing convention: sort the samples, take the one at
 * rank ⌈0.95·n⌉). Null without samples. Non-finite values are skipped.
 */
export function p95(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const rank = Math.ceil(0.95 * sorted.length);
  return sorted[rank - 1] ?? null;
}

export interface PerformanceSummary {
  inP95: number | null;
  outP95: number | null;
  inMax: number | null;
  outMax: number | null;
  /** Utilisation at the p95 of the busier direction (fraction of the circuit's bandwidth). */
  peakUtilP95: number | null;
}

/** The figures beside the chart, over the points shown. */
export function summarise(
  points: readonly PerformancePointDto[],
  bandwidthBps: number,
): PerformanceSummary {
  const inP95 = p95(points.map((p) => p.inBps));
  const outP95 = p95(points.map((p) => p.outBps));
  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : null);
  const busier = Math.max(inP95 ?? 0, outP95 ?? 0);
  return {
    inP95,
    outP95,
    inMax: max(points.map((p) => p.inBpsMax)),
    outMax: max(points.map((p) => p.outBpsMax)),
    peakUtilP95: points.length && bandwidthBps > 0 ? busier / bandwidthBps : null,
  };
}
