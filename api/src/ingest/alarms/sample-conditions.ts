import type { InterfaceRates } from '../perf/counter-rates';
import { isOperDown } from '../perf/perf-buckets';

/**
 * Alarm conditions derived from polled samples, with hysteresis so that a value
 * hovering at a threshold does not flap. Pure: the flags live in the interface's
 * counter state and only transitions produce alarm events.
 */
export interface ConditionFlags {
  /** linkDown raised by polling (a lost trap is caught by the next poll). */
  operDown: boolean;
  congestion: boolean;
  highErrorRate: boolean;
}

export const NO_CONDITIONS: ConditionFlags = {
  operDown: false,
  congestion: false,
  highErrorRate: false,
};

export const THRESHOLDS = {
  /** Utilisation (fraction) at or above which congestion is raised … */
  congestionRaise: 0.9,
  /** … and below which it clears. */
  congestionClear: 0.8,
  /** Errors per second above which highErrorRate is raised; cleared below half. */
  errorsPerSecRaise: 1,
  /** Error share of the estimated packets above which highErrorRate is raised; cleared below half. */
  errorRatioRaise: 0.001,
  /** At least this many errors in the interval before the ratio rule may fire (idle links). */
  errorRatioMinErrors: 10,
  /** Average packet size used to estimate packets from octets (no packet counters in the sample). */
  assumedPacketBytes: 500,
} as const;

/** The thresholds a sample is judged against (an assurance window tightens some of them). */
export interface ConditionThresholds {
  congestionRaise: number;
  congestionClear: number;
  errorsPerSecRaise: number;
  errorRatioRaise: number;
  errorRatioMinErrors: number;
  assumedPacketBytes: number;
}

export type ConditionName = keyof ConditionFlags;

export interface ConditionTransition {
  condition: ConditionName;
  raise: boolean;
}

export interface ConditionInput {
  operStatus: number;
  /** Whether the interface carries circuits (poll linkDown is raised only then). */
  carriesCircuits: boolean;
  /** Null for a baseline sample: rate conditions keep their state. */
  rates: InterfaceRates | null;
}

function errorRatio(rates: InterfaceRates, t: ConditionThresholds): number {
  const packetsPerSec = (rates.inBps + rates.outBps) / 8 / t.assumedPacketBytes;
  const errorsPerSec = rates.inErrorsPerSec + rates.outErrorsPerSec;
  return errorsPerSec / Math.max(packetsPerSec, 1);
}

export function evaluateConditions(
  prev: ConditionFlags,
  input: ConditionInput,
  t: ConditionThresholds = THRESHOLDS,
): { next: ConditionFlags; transitions: ConditionTransition[] } {
  const next: ConditionFlags = { ...prev };

  const down = isOperDown(input.operStatus);
  if (down && input.carriesCircuits && !prev.operDown) next.operDown = true;
  else if (!down && prev.operDown) next.operDown = false;

  const rates = input.rates;
  if (rates !== null) {
    if (rates.speedBps > 0) {
      const util = Math.max(rates.inUtil, rates.outUtil);
      if (!prev.congestion && util >= t.congestionRaise) next.congestion = true;
      else if (prev.congestion && util < t.congestionClear) next.congestion = false;
    }
    const errorsPerSec = rates.inErrorsPerSec + rates.outErrorsPerSec;
    const ratio = errorRatio(rates, t);
    if (!prev.highErrorRate) {
      const byRate = errorsPerSec > t.errorsPerSecRaise;
      const byRatio = rates.errors >= t.errorRatioMinErrors && ratio > t.errorRatioRaise;
      if (byRate || byRatio) next.highErrorRate = true;
    } else {
      const rateLow = errorsPerSec < t.errorsPerSecRaise / 2;
      const ratioLow = ratio < t.errorRatioRaise / 2 || rates.errors < t.errorRatioMinErrors;
      if (rateLow && ratioLow) next.highErrorRate = false;
    }
  }

  const transitions: ConditionTransition[] = [];
  for (const condition of ['operDown', 'congestion', 'highErrorRate'] as const) {
    if (next[condition] !== prev[condition])
      transitions.push({ condition, raise: next[condition] });
  }
  return { next, transitions };
}
