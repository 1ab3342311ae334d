/**
 * Interval arithmetic on half-open time intervals [start, end) in epoch milliseconds.
 * Pure functions: availability is built from them, so they carry the exactness claim
 * ("to the second") and are tested with properties, not only examples.
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** Sorted, disjoint, non-adjacent, non-empty intervals: the canonical form of a set of instants. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((i) => Number.isFinite(i.start) && Number.isFinite(i.end) && i.end > i.start)
    .map((i) => ({ start: i.start, end: i.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    // Touching intervals ([a,b) and [b,c)) are one outage, not two.
    if (last && next.start <= last.end) {
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, next.end) };
    } else {
      out.push(next);
    }
  }
  return out;
}

/** The parts of the intervals that fall inside `period`, merged. */
export function clip(intervals: readonly Interval[], period: Interval): Interval[] {
  return merge(
    intervals.map((i) => ({
      start: Math.max(i.start, period.start),
      end: Math.min(i.end, period.end),
    })),
  );
}

/** The instants of `from` that are in none of `remove`, merged. */
export function subtract(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const cuts = merge(remove);
  const out: Interval[] = [];
  for (const interval of merge(from)) {
    let cursor = interval.start;
    for (const cut of cuts) {
      if (cut.end <= cursor) continue;
      if (cut.start >= interval.end) break;
      if (cut.start > cursor) out.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
      if (cursor >= interval.end) break;
    }
    if (cursor < interval.end) out.push({ start: cursor, end: interval.end });
  }
  return out;
}

/** The instants common to both sets, merged. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  return subtract(a, subtract(a, b));
}

/** Total length of the union, in milliseconds (overlaps counted once). */
export function measure(intervals: readonly Interval[]): number {
  return merge(intervals).reduce((sum, i) => sum + (i.end - i.start), 0);
}
