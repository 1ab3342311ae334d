import type { DirectionStats, Granularity } from '../database/documents';
import {
  mergeHistograms,
  percentileFromHistogram,
  type RateHistogram,
} from '../ingest/perf-histogram';

/** What a bucket contributes to a period's figures (a PerfBucketDocument's statistics). */
export interface BucketStats {
  count: number;
  in: DirectionStats;
  out: DirectionStats;
  errorsSum?: number;
  discardsSum?: number;
  granularity?: Granularity;
}

export interface UtilisationFigures {
  /** Poll samples counted (the buckets' counts). */
  samples: number;
  inMeanBps: number | null;
  outMeanBps: number | null;
  /** Nearest-rank p95 of the samples, from the merged histograms (within ±2.5 %). */
  inP95Bps: number | null;
  outP95Bps: number | null;
  inMaxBps: number | null;
  outMaxBps: number | null;
  /** max(in, out) p95 / contracted bandwidth (1 = 100 %); null without samples. */
  p95Util: number | null;
  maxUtil: number | null;
  meanUtil: number | null;
}

/** Figures of one interface over a period from the buckets that cover it exactly once. */
export function utilisationOf(
  buckets: readonly BucketStats[],
  bandwidthBps: number,
): UtilisationFigures {
  let samples = 0;
  let inSum = 0;
  let outSum = 0;
  let inMax = -Infinity;
  let outMax = -Infinity;
  const inHist: RateHistogram = {};
  const outHist: RateHistogram = {};
  for (const b of buckets) {
    if (!(b.count > 0)) continue;
    samples += b.count;
    inSum += b.in.sumBps;
    outSum += b.out.sumBps;
    inMax = Math.max(inMax, b.in.maxBps);
    outMax = Math.max(outMax, b.out.maxBps);
    mergeHistograms(inHist, b.in.hist);
    mergeHistograms(outHist, b.out.hist);
  }
  if (samples === 0) {
    return {
      samples,
      inMeanBps: null,
      outMeanBps: null,
      inP95Bps: null,
      outP95Bps: null,
      inMaxBps: null,
      outMaxBps: null,
      p95Util: null,
      maxUtil: null,
      meanUtil: null,
    };
  }
  const inP95 = percentileFromHistogram(inHist, 0.95);
  const outP95 = percentileFromHistogram(outHist, 0.95);
  const share = (bps: number): number | null => (bandwidthBps > 0 ? bps / bandwidthBps : null);
  return {
    samples,
    inMeanBps: inSum / samples,
    outMeanBps: outSum / samples,
    inP95Bps: inP95,
    outP95Bps: outP95,
    inMaxBps: inMax,
    outMaxBps: outMax,
    p95Util: share(Math.max(inP95 ?? 0, outP95 ?? 0)),
    maxUtil: share(Math.max(inMax, outMax)),
    meanUtil: share(Math.max(inSum, outSum) / samples),
  };
}

/** Bandwidths the operator sells, bit/s. */
export const BANDWIDTH_STEPS: readonly number[] = [
  2e6, 4e6, 10e6, 20e6, 50e6, 100e6, 200e6, 500e6, 1e9, 2e9, 5e9, 10e9, 20e9, 40e9, 100e9,
];

export interface UpgradeRecommendation {
  /** The smallest step under which the period's p95 would sit at or below `targetUtil`. */
  suggestedBps: number;
  p95Util: number;
  threshold: number;
}

/**
 * An upgrade is recommended when the p95 utilisation of the period is at or above the
 * threshold: for 5 % of the period or more, the link ran hotter than that. The suggestion
 * is the smallest sold bandwidth that would carry the same p95 at `targetUtil` or less.
 */
export function upgradeRecommendation(
  figures: UtilisationFigures,
  bandwidthBps: number,
  threshold: number,
  targetUtil = 0.6,
): UpgradeRecommendation | null {
  if (figures.p95Util === null || figures.p95Util < threshold || bandwidthBps <= 0) return null;
  const p95Bps = figures.p95Util * bandwidthBps;
  const needed = p95Bps / targetUtil;
  const suggestedBps =
    BANDWIDTH_STEPS.find((s) => s >= needed && s > bandwidthBps) ??
    Math.max(bandwidthBps * 2, Math.ceil(needed / 1e9) * 1e9);
  return { suggestedBps, p95Util: figures.p95Util, threshold };
}
