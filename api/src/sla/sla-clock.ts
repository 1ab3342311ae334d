/**
 * SLA clock arithmetic, pure: a clock runs from its start except during pauses
 * (pending on the customer, resolved-then-reopened) and approved maintenance on the
 * ticket's circuits. Intervals may overlap; they are merged first.
 */
export interface Interval {
  from: Date;
  /** null: still open (the clock is paused now). */
  to: Date | null;
}

interface Span {
  from: number;
  to: number;
}

function merged(intervals: readonly Interval[], after: number): Span[] {
  const spans = intervals
    .map((i) => ({ from: Math.max(i.from.getTime(), after), to: i.to ? i.to.getTime() : Infinity }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/** Milliseconds the clock ran between `start` and `until`. */
export function runningMs(start: Date, until: Date, pauses: readonly Interval[]): number {
  const s = start.getTime();
  const u = until.getTime();
  if (u <= s) return 0;
  let paused = 0;
  for (const span of merged(pauses, s)) {
    if (span.from >= u) break;
    paused += Math.min(span.to, u) - span.from;
  }
  return u - s - paused;
}

/**
 * The instant at which the clock will have run `budgetMs`, given the pauses known now
 * (past ones and planned maintenance ahead); null while an open pause holds it.
 */
export function instantAfterRunning(
  start: Date,
  budgetMs: number,
  pauses: readonly Interval[],
): Date | null {
  let t = start.getTime();
  let left = budgetMs;
  for (const span of merged(pauses, t)) {
    if (span.from >= t + left) break;
    left -= Math.max(0, span.from - t);
    if (span.to === Infinity) return null;
    t = Math.max(t, span.to);
  }
  return new Date(t + left);
}
