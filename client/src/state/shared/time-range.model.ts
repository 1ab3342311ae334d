/** A period `[from, to)` as ISO date-times, the shape every API range parameter takes. */
export interface TimeRange {
  from: string;
  to: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** From the start of the current month (local time) until now. */
export function monthToDate(now: Date = new Date()): TimeRange {
  const start = new Date(now.getFullYear(), now.getMonth(), 1);
  return { from: start.toISOString(), to: now.toISOString() };
}

/** The previous calendar month (local time). */
export function previousMonth(now: Date = new Date()): TimeRange {
  const start = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const end = new Date(now.getFullYear(), now.getMonth(), 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** The last `hours` hours up to now. */
export function lastHours(hours: number, now: Date = new Date()): TimeRange {
  return { from: new Date(now.getTime() - hours * HOUR).toISOString(), to: now.toISOString() };
}

export function lastDays(days: number, now: Date = new Date()): TimeRange {
  return { from: new Date(now.getTime() - days * DAY).toISOString(), to: now.toISOString() };
}

export function rangeMs(range: TimeRange): number {
  return Date.parse(range.to) - Date.parse(range.from);
}

/**
 * The granularity the performance API answers for a range (docs/api.md, Performance):
 * raw ≤ 6 h, 5-minute buckets ≤ 3 days, hourly ≤ 60 days, else daily.
 */
export function granularityFor(range: TimeRange): 'raw' | '5m' | '1h' | '1d' {
  const ms = rangeMs(range);
  if (ms <= 6 * HOUR) return 'raw';
  if (ms <= 3 * DAY) return '5m';
  if (ms <= 60 * DAY) return '1h';
  return '1d';
}
