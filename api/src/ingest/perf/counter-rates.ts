/**
 * Turns two successive counter readings of one interface into rates. Pure.
 *
 * The rules, in order (see docs/ingestion.md):
 * - no previous reading → baseline;
 * - sysUpTime went down, or advanced clearly less than the wall clock → the device
 *   restarted in between: counters restarted from zero → baseline (no false spike);
 * - wall interval ≤ 0 or > maxGapFactor × the expected poll interval → baseline
 *   (an average over a long gap hides everything and mixes restarts in);
 * - a counter lower than before is a wrap when the wrapped delta is under half the
 *   counter's range (2^64 for HC octets, 2^32 for errors/discards); otherwise the
 *   counter was reset without a restart ("clear counters") → baseline.
 */
export interface CounterReading {
  /** Poll time in epoch milliseconds. */
  polledAtMs: number;
  /** sysUpTime in hundredths of a second. */
  sysUpTime: number;
  inOctets: bigint;
  outOctets: bigint;
  inErrors: number;
  outErrors: number;
  inDiscards: number;
  outDiscards: number;
  operStatus: number;
}

export interface InterfaceRates {
  intervalSec: number;
  inBps: number;
  outBps: number;
  /** bps / speedBps as a fraction (1 = 100 %); 0 when the speed is unknown. */
  inUtil: number;
  outUtil: number;
  inErrorsPerSec: number;
  outErrorsPerSec: number;
  inDiscardsPerSec: number;
  outDiscardsPerSec: number;
  /** Counts over the interval (for bucket sums). */
  errors: number;
  discards: number;
  operStatus: number;
  speedBps: number;
}

export type BaselineReason =
  'first' | 'restart' | 'counterReset' | 'nonPositiveInterval' | 'gapTooLong';

export type RateOutcome =
  { kind: 'rate'; rates: InterfaceRates } | { kind: 'baseline'; reason: BaselineReason };

export interface RateOptions {
  /** Interface speed in bit/s (inventory first, else ifHighSpeed × 10^6). */
  speedBps: number;
  /** The element's configured poll interval in seconds. */
  expectedIntervalSec: number;
  /** Gaps longer than this many expected intervals give a baseline only. Default 3. */
  maxGapFactor?: number;
}

export const COUNTER64_MODULUS = 1n << 64n;
export const COUNTER32_MODULUS = 4294967296;

/** Delta of a 64-bit counter, or null when it went backwards by more than a plausible wrap. */
export function counter64Delta(prev: bigint, next: bigint): bigint | null {
  if (next >= prev) return next - prev;
  const wrapped = COUNTER64_MODULUS - prev + next;
  return wrapped <= COUNTER64_MODULUS / 2n ? wrapped : null;
}

/** Delta of a 32-bit counter, or null when it went backwards by more than a plausible wrap. */
export function counter32Delta(prev: number, next: number): number | null {
  if (next >= prev) return next - prev;
  const wrapped = COUNTER32_MODULUS - prev + next;
  return wrapped <= COUNTER32_MODULUS / 2 ? wrapped : null;
}

/**
 * True when sysUpTime shows a restart between the readings: it decreased, or it
 * advanced less than the wall clock by more than the tolerance (the device came back
 * up and counted past the old value). sysUpTime's own 2^32 wrap (497 days) also reads
 * as a restart: one lost rate in 16 months, never a spike.
 */
export function restartedBetween(prev: CounterReading, next: CounterReading): boolean {
  if (next.sysUpTime < prev.sysUpTime) return true;
  const upSec = (next.sysUpTime - prev.sysUpTime) / 100;
  const wallSec = (next.polledAtMs - prev.polledAtMs) / 1000;
  const tolerance = Math.max(5, wallSec * 0.2);
  return upSec + tolerance < wallSec;
}

function perSecond(delta: number, intervalSec: number): number {
  return delta / intervalSec;
}

export function computeRates(
  prev: CounterReading | null,
  next: CounterReading,
  options: RateOptions,
): RateOutcome {
  if (prev === null) return { kind: 'baseline', reason: 'first' };
  const intervalSec = (next.polledAtMs - prev.polledAtMs) / 1000;
  if (!(intervalSec > 0)) return { kind: 'baseline', reason: 'nonPositiveInterval' };
  if (restartedBetween(prev, next)) return { kind: 'baseline', reason: 'restart' };
  const maxGap = (options.maxGapFactor ?? 3) * options.expectedIntervalSec;
  if (intervalSec > maxGap) return { kind: 'baseline', reason: 'gapTooLong' };

  const inOctets = counter64Delta(prev.inOctets, next.inOctets);
  const outOctets = counter64Delta(prev.outOctets, next.outOctets);
  const inErrors = counter32Delta(prev.inErrors, next.inErrors);
  const outErrors = counter32Delta(prev.outErrors, next.outErrors);
  const inDiscards = counter32Delta(prev.inDiscards, next.inDiscards);
  const outDiscards = counter32Delta(prev.outDiscards, next.outDiscards);
  if (
    inOctets === null ||
    outOctets === null ||
    inErrors === null ||
    outErrors === null ||
    inDiscards === null ||
    outDiscards === null
  ) {
    return { kind: 'baseline', reason: 'counterReset' };
  }

  // Octet deltas over an interval fit a double exactly up to 2^53 (≈ 9 PB): ample.
  const inBps = (Number(inOctets) * 8) / intervalSec;
  const outBps = (Number(outOctets) * 8) / intervalSec;
  const speedBps = options.speedBps > 0 ? options.speedBps : 0;
  return {
    kind: 'rate',
    rates: {
      intervalSec,
      inBps,
      outBps,
      inUtil: speedBps > 0 ? inBps / speedBps : 0,
      outUtil: speedBps > 0 ? outBps / speedBps : 0,
      inErrorsPerSec: perSecond(inErrors, intervalSec),
      outErrorsPerSec: perSecond(outErrors, intervalSec),
      inDiscardsPerSec: perSecond(inDiscards, intervalSec),
      outDiscardsPerSec: perSecond(outDiscards, intervalSec),
      errors: inErrors + outErrors,
      discards: inDiscards + outDiscards,
      operStatus: next.operStatus,
      speedBps,
    },
  };
}

/** Inventory speed wins; ifHighSpeed (Mbit/s) from the device otherwise. */
export function effectiveSpeedBps(
  inventorySpeedBps: number | null | undefined,
  highSpeedMbps: number,
): number {
  if (inventorySpeedBps !== null && inventorySpeedBps !== undefined && inventorySpeedBps > 0)
    return inventorySpeedBps;
  return highSpeedMbps * 1e6;
}
