/**
 * Log-scale histogram of bit rates, stored inside perf buckets so that p95 can be
 * read from pre-aggregated data (FerretDB has no percentile accumulators).
 *
 * Bin 0 holds rates below 1 bit/s; bin k ≥ 1 holds [R^(k-1), R^k) with R = 1.05.
 * A bin's representative value is the geometric middle of its bounds, so any value
 * read back is within √R − 1 ≈ 2.5 % of every value that fell into the bin.
 * A 400 Gbit/s interface needs ~550 bins; a bucket stores only the bins it saw.
 */
export const HISTOGRAM_RATIO = 1.05;
const LOG_RATIO = Math.log(HISTOGRAM_RATIO);

/** Stored form: `b<bin>` → count (MongoDB field names must not be bare numbers in some tools). */
export type RateHistogram = Record<string, number>;

export function binOf(bps: number): number {
  if (!(bps >= 1)) return 0; // also catches NaN and negatives
  // The epsilon keeps exact powers of R (and float noise just below them) in the upper bin consistently.
  return 1 + Math.floor(Math.log(bps) / LOG_RATIO + 1e-9);
}

export function binKey(bin: number): string {
  return `b${bin}`;
}

/** Lower and upper bound of a bin in bit/s. */
export function binBounds(bin: number): { low: number; high: number } {
  if (bin <= 0) return { low: 0, high: 1 };
  return { low: Math.pow(HISTOGRAM_RATIO, bin - 1), high: Math.pow(HISTOGRAM_RATIO, bin) };
}

/** The value a bin stands for: 0 for bin 0, the geometric middle otherwise. */
export function binValue(bin: number): number {
  if (bin <= 0) return 0;
  return Math.pow(HISTOGRAM_RATIO, bin - 0.5);
}

function parseBinKey(key: string): number | null {
  if (!/^b\d+$/.test(key)) return null;
  return Number(key.slice(1));
}

/** Adds `other` into `into` (for merging buckets when a range spans several). */
export function mergeHistograms(into: RateHistogram, other: RateHistogram): RateHistogram {
  for (const [key, count] of Object.entries(other)) into[key] = (into[key] ?? 0) + count;
  return into;
}

/**
 * Nearest-rank percentile (q in (0, 1]) of the values folded into the histogram:
 * the representative of the bin holding the ⌈q·N⌉-th smallest value. Null when empty.
 */
export function percentileFromHistogram(hist: RateHistogram, q: number): number | null {
  const bins: Array<[number, number]> = [];
  let total = 0;
  for (const [key, count] of Object.entries(hist)) {
    const bin = parseBinKey(key);
    if (bin === null || !(count > 0)) continue;
    bins.push([bin, count]);
    total += count;
  }
  if (total === 0) return null;
  bins.sort((a, b) => a[0] - b[0]);
  const rank = Math.max(1, Math.ceil(Math.min(Math.max(q, 0), 1) * total));
  let seen = 0;
  for (const [bin, count] of bins) {
    seen += count;
    if (seen >= rank) return binValue(bin);
  }
  const last = bins[bins.length - 1];
  return last ? binValue(last[0]) : null;
}
