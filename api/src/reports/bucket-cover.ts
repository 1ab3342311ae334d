import type { Granularity } from '../database/documents';
import { GRANULARITY_MS } from '../ingest/perf/perf-buckets';

/** A stretch of a period read from buckets of one granularity: [from, to), aligned to it. */
export interface CoverSegment {
  granularity: Granularity;
  from: number;
  to: number;
}

const FIVE_MIN = GRANULARITY_MS['5m'];

/**
 * Splits [from, to) into the coarsest UTC-aligned buckets that lie wholly inside it, so
 * that every poll sample of the period is counted exactly once: day buckets for the whole
 * UTC days, hour buckets for the whole hours around them, 5-minute buckets for the rest.
 * The period is first rounded outwards to the 5-minute grid (the finest bucket kept for
 * a month); the rounding is at most 5 minutes at each end and is reported.
 */
export function coverPeriod(fromMs: number, toMs: number): CoverSegment[] {
  const from = Math.floor(fromMs / FIVE_MIN) * FIVE_MIN;
  const to = Math.ceil(toMs / FIVE_MIN) * FIVE_MIN;
  if (to <= from) return [];
  return cover(from, to, ['1d', '1h', '5m']);
}

function cover(from: number, to: number, levels: readonly Granularity[]): CoverSegment[] {
  const [level, ...finer] = levels;
  if (!level) return [];
  const size = GRANULARITY_MS[level];
  const start = Math.ceil(from / size) * size;
  const end = Math.floor(to / size) * size;
  if (end <= start) return cover(from, to, finer);
  return [
    ...(from < start ? cover(from, start, finer) : []),
    { granularity: level, from: start, to: end },
    ...(end < to ? cover(end, to, finer) : []),
  ];
}

/** The rounded period actually covered. */
export function coveredPeriod(fromMs: number, toMs: number): { from: number; to: number } {
  return {
    from: Math.floor(fromMs / FIVE_MIN) * FIVE_MIN,
    to: Math.ceil(toMs / FIVE_MIN) * FIVE_MIN,
  };
}
