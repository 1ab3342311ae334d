import type { Granularity, PerfRawDocument } from '../../database/documents';
import { binKey, binOf } from '../perf-histogram';
import type { InterfaceRates } from './counter-rates';

/**
 * Bucket arithmetic and the idempotent write specifications of one rate point. Pure:
 * the repository hands these to MongoDB's bulkWrite.
 */
export const GRANULARITY_MS: Readonly<Record<Granularity, number>> = {
  '5m': 5 * 60_000,
  '1h': 60 * 60_000,
  '1d': 24 * 60 * 60_000,
};

export const GRANULARITIES: readonly Granularity[] = ['5m', '1h', '1d'];

/** Start of the UTC-aligned bucket holding `t` (epoch days start at UTC midnight). */
export function bucketStart(t: Date, granularity: Granularity): Date {
  const size = GRANULARITY_MS[granularity];
  return new Date(Math.floor(t.getTime() / size) * size);
}

export function interfaceKey(deviceId: string, ifIndex: number): string {
  return `${deviceId}:${ifIndex}`;
}

export function bucketId(
  deviceId: string,
  ifIndex: number,
  granularity: Granularity,
  start: Date,
): string {
  return `${interfaceKey(deviceId, ifIndex)}|${granularity}|${start.toISOString()}`;
}

export function rawId(deviceId: string, ifIndex: number, t: Date): string {
  return `${interfaceKey(deviceId, ifIndex)}|${t.toISOString()}`;
}

/** ifOperStatus values that mean "not passing traffic" (down, lowerLayerDown, notPresent). */
export function isOperDown(operStatus: number): boolean {
  return operStatus === 2 || operStatus === 6 || operStatus === 7;
}

export interface RatePoint {
  deviceId: string;
  ifIndex: number;
  t: Date;
  rates: InterfaceRates;
}

export function rawDocument(point: RatePoint): PerfRawDocument {
  const { deviceId, ifIndex, t, rates } = point;
  return {
    _id: rawId(deviceId, ifIndex, t),
    deviceId,
    ifIndex,
    t,
    intervalSec: rates.intervalSec,
    inBps: rates.inBps,
    outBps: rates.outBps,
    inUtil: rates.inUtil,
    outUtil: rates.outUtil,
    inErrorsPerSec: rates.inErrorsPerSec,
    outErrorsPerSec: rates.outErrorsPerSec,
    inDiscardsPerSec: rates.inDiscardsPerSec,
    outDiscardsPerSec: rates.outDiscardsPerSec,
    operStatus: rates.operStatus,
    speedBps: rates.speedBps,
  };
}

export interface GuardedUpsert {
  filter: Record<string, unknown>;
  update: Record<string, Record<string, unknown>>;
}

/**
 * One atomic upsert per bucket. The guard `lastSampleAt < t` makes it idempotent:
 * a sample already folded in matches nothing, the upsert then tries to insert the
 * existing _id and fails with E11000, which the caller reads as "already applied".
 * Samples of one interface arrive in order (Kafka key = deviceId), so the guard
 * never rejects a sample that was not applied.
 */
export function bucketUpsert(point: RatePoint, granularity: Granularity): GuardedUpsert {
  const { deviceId, ifIndex, t, rates } = point;
  const start = bucketStart(t, granularity);
  const inc: Record<string, number> = {
    count: 1,
    'in.sumBps': rates.inBps,
    'out.sumBps': rates.outBps,
    errorsSum: rates.errors,
    discardsSum: rates.discards,
    downSamples: isOperDown(rates.operStatus) ? 1 : 0,
    downSeconds: isOperDown(rates.operStatus) ? rates.intervalSec : 0,
  };
  const inBin = binKey(binOf(rates.inBps));
  const outBin = binKey(binOf(rates.outBps));
  inc[`in.hist.${inBin}`] = 1;
  inc[`out.hist.${outBin}`] = 1;
  return {
    filter: { _id: bucketId(deviceId, ifIndex, granularity, start), lastSampleAt: { $lt: t } },
    update: {
      $inc: inc,
      $max: { 'in.maxBps': rates.inBps, 'out.maxBps': rates.outBps },
      $set: { lastSampleAt: t, speedBps: rates.speedBps },
      $setOnInsert: { deviceId, ifIndex, granularity, start },
    },
  };
}
