import { Accumulator } from './counter.util';
import { random01 } from './seeded-random.util';

/**
 * How an interface's traffic moves: base load × daily curve × bursts, integrated over
 * time into counters. Rates are piecewise constant over BUCKET_MS buckets so that the
 * integral is exact and the same whoever asks and when (only faults, which change the
 * condition, make history matter).
 */

export const BUCKET_MS = 10_000;
/** Average packet size used to turn octets into packets for error/discard counts. */
export const AVERAGE_PACKET_OCTETS = 600;
/** Share of the speed an uncongested interface never exceeds. */
export const NORMAL_MAX_UTILISATION = 0.92;
/** Banks' clocks: China Standard Time, UTC+8, no daylight saving. */
const LOCAL_OFFSET_MS = 8 * 3_600_000;

export type TrafficProfile = 'bank' | 'operator';

/** Hourly shape (local time) of a bank's traffic on a weekday: business hours, lunch dip, quiet night. */
const BANK_WEEKDAY = [
  0.1, 0.08, 0.07, 0.06, 0.06, 0.07, 0.12, 0.3, 0.7, 0.95, 1.0, 0.95, 0.7, 0.75, 0.95, 1.0, 0.95,
  0.8, 0.5, 0.35, 0.28, 0.22, 0.16, 0.12,
];
/** Hourly shape of the rest of the operator's traffic (consumers): evening peak. */
const EVENING = [
  0.35, 0.25, 0.18, 0.14, 0.12, 0.12, 0.18, 0.3, 0.45, 0.55, 0.6, 0.62, 0.65, 0.62, 0.6, 0.62, 0.65,
  0.7, 0.8, 0.9, 1.0, 1.0, 0.85, 0.6,
];
const BANK_WEEKEND_FACTOR = 0.35;

function interpolate(curve: readonly number[], hour: number): number {
  const h = Math.floor(hour) % 24;
  const frac = hour - Math.floor(hour);
  const a = curve[h] ?? 0;
  const b = curve[(h + 1) % 24] ?? 0;
  return a + (b - a) * frac;
}

/** The daily factor (0..1] of a profile at an instant: 1 at the busiest hour of a weekday. */
export function dailyFactor(tMs: number, profile: TrafficProfile): number {
  const local = tMs + LOCAL_OFFSET_MS;
  const hour = (local % 86_400_000) / 3_600_000;
  // 1970-01-01 was a Thursday: day 0 → Thursday, so Saturday is 2 and Sunday 3 (mod 7).
  const weekday = Math.floor(local / 86_400_000) % 7;
  const weekend = weekday === 2 || weekday === 3;
  const bank = interpolate(BANK_WEEKDAY, hour) * (weekend ? BANK_WEEKEND_FACTOR : 1);
  if (profile === 'bank') return bank;
  return 0.6 * bank + 0.4 * interpolate(EVENING, hour);
}

/** Burst multiplier of a bucket: mostly ±15 % noise, now and then a minute at 1.4–3×. */
export function burstFactor(seed: number, key: string, tMs: number): number {
  const minute = Math.floor(tMs / 60_000);
  const bucket = Math.floor(tMs / BUCKET_MS);
  const noise = 0.85 + 0.3 * random01(seed, key, 'noise', bucket);
  const burst =
    random01(seed, key, 'burst', minute) < 0.03
      ? 1.4 + 1.6 * random01(seed, key, 'burst-size', minute)
      : 1;
  return noise * burst;
}

/** What an interface is asked to carry at the busiest hour, in bit/s. */
export interface InterfaceLoad {
  /** Stable key for the seeded randomness (the interface id). */
  key: string;
  speedBps: number;
  inBps: number;
  outBps: number;
  profile: TrafficProfile;
}

/** What faults and the element's state make of an interface right now. */
export interface InterfaceCondition {
  /** Oper up on a live element: traffic flows. */
  carrying: boolean;
  /** Congestion degradation: utilisation pushed to 95–100 % of the speed. */
  congested: boolean;
  /** Error degradation: error and discard rates raised. */
  errored: boolean;
}

export const NORMAL_CONDITION: InterfaceCondition = {
  carrying: true,
  congested: false,
  errored: false,
};

export interface Rates {
  inBps: number;
  outBps: number;
}

/** Rates of an interface during the bucket that holds tMs. */
export function ratesAt(
  seed: number,
  load: InterfaceLoad,
  condition: InterfaceCondition,
  tMs: number,
): Rates {
  if (!condition.carrying || load.speedBps <= 0) return { inBps: 0, outBps: 0 };
  const bucketStart = Math.floor(tMs / BUCKET_MS) * BUCKET_MS;
  if (condition.congested) {
    const fill = (dir: string) =>
      load.speedBps * (0.95 + 0.05 * random01(seed, load.key, dir, bucketStart));
    return { inBps: fill('congested-in'), outBps: fill('congested-out') };
  }
  const factor = dailyFactor(bucketStart, load.profile) * burstFactor(seed, load.key, bucketStart);
  const cap = load.speedBps * NORMAL_MAX_UTILISATION;
  return { inBps: Math.min(load.inBps * factor, cap), outBps: Math.min(load.outBps * factor, cap) };
}

/** Errors and discards per packet, by condition. */
export interface ErrorRatios {
  errors: number;
  discards: number;
}

export function errorRatios(condition: InterfaceCondition): ErrorRatios {
  const errors = condition.errored ? 2e-3 : 2e-7;
  const discards = condition.congested ? 1e-2 : condition.errored ? 5e-4 : 1e-6;
  return { errors, discards };
}

/** Exact totals of an interface's counters since their last reset (plus the initial offsets). */
export interface CounterTotals {
  inOctets: bigint;
  outOctets: bigint;
  inErrors: bigint;
  outErrors: bigint;
  inDiscards: bigint;
  outDiscards: bigint;
}

export interface CounterOffsets {
  inOctets: bigint;
  outOctets: bigint;
  errors: bigint;
  discards: bigint;
}

/**
 * The counters of one interface. They are integrated lazily up to the instant asked
 * (no timer per counter) from a checkpoint; a condition change first integrates up to
 * its instant with the old condition, so counters never go back.
 */
export class InterfaceCounters {
  private checkpointMs: number;
  private condition: InterfaceCondition = NORMAL_CONDITION;
  private readonly inOctets: Accumulator;
  private readonly outOctets: Accumulator;
  private readonly inErrors: Accumulator;
  private readonly outErrors: Accumulator;
  private readonly inDiscards: Accumulator;
  private readonly outDiscards: Accumulator;

  constructor(
    private readonly seed: number,
    readonly load: InterfaceLoad,
    startMs: number,
    offsets: CounterOffsets,
  ) {
    this.checkpointMs = startMs;
    this.inOctets = new Accumulator(offsets.inOctets);
    this.outOctets = new Accumulator(offsets.outOctets);
    this.inErrors = new Accumulator(offsets.errors);
    this.outErrors = new Accumulator(offsets.errors / 2n);
    this.inDiscards = new Accumulator(offsets.discards);
    this.outDiscards = new Accumulator(offsets.discards * 2n);
  }

  get currentCondition(): InterfaceCondition {
    return this.condition;
  }

  /** Integrates from the checkpoint up to tMs (earlier instants are ignored: time never goes back). */
  advance(tMs: number): void {
    let t = this.checkpointMs;
    if (!(tMs > t)) return;
    const ratios = errorRatios(this.condition);
    while (t < tMs) {
      const end = Math.min(tMs, (Math.floor(t / BUCKET_MS) + 1) * BUCKET_MS);
      const seconds = (end - t) / 1000;
      const rates = ratesAt(this.seed, this.load, this.condition, t);
      const inOctets = (rates.inBps / 8) * seconds;
      const outOctets = (rates.outBps / 8) * seconds;
      this.inOctets.add(inOctets);
      this.outOctets.add(outOctets);
      const inPackets = inOctets / AVERAGE_PACKET_OCTETS;
      const outPackets = outOctets / AVERAGE_PACKET_OCTETS;
      this.inErrors.add(inPackets * ratios.errors);
      this.outErrors.add(outPackets * ratios.errors * 0.5);
      this.inDiscards.add(inPackets * ratios.discards * 0.5);
      this.outDiscards.add(outPackets * ratios.discards);
      t = end;
    }
    this.checkpointMs = tMs;
  }

  /** Changes the condition from tMs on. */
  setCondition(tMs: number, condition: InterfaceCondition): void {
    this.advance(tMs);
    this.condition = condition;
  }

  /** A reboot: every counter restarts from zero at tMs. */
  reset(tMs: number): void {
    this.advance(tMs);
    for (const acc of [
      this.inOctets,
      this.outOctets,
      this.inErrors,
      this.outErrors,
      this.inDiscards,
      this.outDiscards,
    ]) {
      acc.reset(0n);
    }
  }

  totals(tMs: number): CounterTotals {
    this.advance(tMs);
    return {
      inOctets: this.inOctets.value,
      outOctets: this.outOctets.value,
      inErrors: this.inErrors.value,
      outErrors: this.outErrors.value,
      inDiscards: this.inDiscards.value,
      outDiscards: this.outDiscards.value,
    };
  }
}
