import { clip, type Interval, measure, merge, subtract } from './intervals';

/** A stretch of time during which something says the circuit was down. */
export type DownEvidence =
  | {
      source: 'alarm';
      id: string;
      description: string;
      interval: Interval;
      ongoing: boolean;
    }
  | {
      source: 'oper-status';
      /** `${deviceId}:${ifIndex}`. */
      id: string;
      description: string;
      interval: Interval;
      ongoing: false;
    };

/** An approved (or completed) maintenance window covering the circuit. */
export interface PlannedEvidence {
  source: 'maintenance';
  id: string;
  description: string;
  interval: Interval;
  ongoing: false;
}

export type Evidence = DownEvidence | PlannedEvidence;

export interface AvailabilityFigures {
  period: Interval;
  periodMs: number;
  /** All down time (union of the evidence), planned or not. */
  downMs: number;
  /** Down time inside approved maintenance: excused. */
  plannedDownMs: number;
  unplannedDownMs: number;
  /** 1 − unplanned / period; 1 for an empty period. */
  availability: number;
  target: number;
  /** Unplanned down time the target allows over this period. */
  allowedDownMs: number;
  /** What is left of it (0 once breached). */
  remainingDownMs: number;
  slaMet: boolean;
  unplannedIntervals: Interval[];
  /** The evidence, clipped to the period (evidence entirely outside it dropped), by start. */
  evidence: Evidence[];
}

/**
 * Availability over `period` = 1 − unplanned down / period, where unplanned down is the
 * union of the down evidence minus the union of the maintenance windows, both clipped
 * to the period. Exact to the millisecond of the stored timestamps.
 */
export function availabilityOf(
  period: Interval,
  target: number,
  down: readonly DownEvidence[],
  planned: readonly PlannedEvidence[],
): AvailabilityFigures {
  const periodMs = Math.max(0, period.end - period.start);
  const downSet = clip(
    down.map((d) => d.interval),
    period,
  );
  const plannedSet = clip(
    planned.map((p) => p.interval),
    period,
  );
  const unplanned = subtract(downSet, plannedSet);
  const downMs = measure(downSet);
  const unplannedDownMs = measure(unplanned);
  const allowedDownMs = (1 - target) * periodMs;
  const evidence: Evidence[] = [...down, ...planned]
    .map((e) => {
      const [part] = clip([e.interval], period);
      return part ? { ...e, interval: part } : null;
    })
    .filter((e): e is Evidence => e !== null)
    .sort((a, b) => a.interval.start - b.interval.start || a.id.localeCompare(b.id));
  return {
    period,
    periodMs,
    downMs,
    plannedDownMs: downMs - unplannedDownMs,
    unplannedDownMs,
    availability: periodMs > 0 ? 1 - unplannedDownMs / periodMs : 1,
    target,
    allowedDownMs,
    remainingDownMs: Math.max(0, allowedDownMs - unplannedDownMs),
    slaMet: unplannedDownMs <= allowedDownMs,
    unplannedIntervals: unplanned,
    evidence,
  };
}

/** A down sample of one interface: polled at `t`, `intervalSec` after the previous poll. */
export interface DownSample {
  t: number;
  intervalSec: number;
}

/** Polls are matched to their predecessor within this tolerance (float seconds in storage). */
const PREDECESSOR_TOLERANCE_MS = 1000;

/**
 * Runs of an interface's oper-down polls as intervals. A poll only tells the state at
 * its own instant, so a stretch counts as down from one down poll to the next down poll
 * that directly follows it (its predecessor, `t − intervalSec`, was itself down); the
 * unobserved edges before the first and after the last down poll are not counted. The
 * alarms give those edges to the second; this evidence only fills what alarms miss.
 */
export function operDownRuns(samples: readonly DownSample[]): Interval[] {
  const sorted = [...samples].sort((a, b) => a.t - b.t);
  const runs: Interval[] = [];
  for (let k = 1; k < sorted.length; k += 1) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    const expectedPrev = cur.t - cur.intervalSec * 1000;
    if (Math.abs(expectedPrev - prev.t) <= PREDECESSOR_TOLERANCE_MS) {
      runs.push({ start: prev.t, end: cur.t });
    }
  }
  return merge(runs);
}
