import type { Granularity } from '../database/documents';

/** Where a series comes from: raw points, or buckets of one granularity. */
export type SeriesSource = 'raw' | Granularity;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Longest range a request may cover. */
export const MAX_RANGE_MS = 400 * DAY_MS;

/**
 * The finest source that keeps a series at about a thousand points or fewer:
 * raw up to 6 h, 5-min buckets up to 3 days, hourly up to 60 days, daily beyond.
 */
export function chooseSource(fromMs: number, toMs: number): SeriesSource {
  const span = toMs - fromMs;
  if (span <= 6 * HOUR_MS) return 'raw';
  if (span <= 3 * DAY_MS) return '5m';
  if (span <= 60 * DAY_MS) return '1h';
  return '1d';
}
