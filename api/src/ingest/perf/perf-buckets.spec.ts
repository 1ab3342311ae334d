import type { InterfaceRates } from './counter-rates';
import {
  bucketId,
  bucketStart,
  bucketUpsert,
  isOperDown,
  rawDocument,
  rawId,
} from './perf-buckets';

const rates: InterfaceRates = {
  intervalSec: 60,
  inBps: 1000,
  outBps: 0.5,
  inUtil: 0.01,
  outUtil: 0,
  inErrorsPerSec: 0.5,
  outErrorsPerSec: 0,
  inDiscardsPerSec: 0,
  outDiscardsPerSec: 0.25,
  errors: 30,
  discards: 15,
  operStatus: 1,
  speedBps: 100000,
};

describe('perf buckets', () => {
  const t = new Date('2026-11-22T13:47:31.250Z');

  it('aligns 5m, 1h and 1d buckets on UTC', () => {
    expect(bucketStart(t, '5m').toISOString()).toBe('2026-11-22T13:45:00.000Z');
    expect(bucketStart(t, '1h').toISOString()).toBe('2026-11-22T13:00:00.000Z');
    expect(bucketStart(t, '1d').toISOString()).toBe('2026-11-22T00:00:00.000Z');
    const edge = new Date('2026-11-22T14:00:00.000Z');
    expect(bucketStart(edge, '5m')).toEqual(edge);
    expect(bucketStart(edge, '1h')).toEqual(edge);
  });

  it('builds stable ids', () => {
    expect(bucketId('pe-1', 3, '1h', bucketStart(t, '1h'))).toBe(
      'pe-1:3|1h|2026-11-22T13:00:00.000Z',
    );
    expect(rawId('pe-1', 3, t)).toBe('pe-1:3|2026-11-22T13:47:31.250Z');
  });

  it('raw document carries the rates', () => {
    const doc = rawDocument({ deviceId: 'pe-1', ifIndex: 3, t, rates });
    expect(doc).toMatchObject({
      _id: 'pe-1:3|2026-11-22T13:47:31.250Z',
      inBps: 1000,
      speedBps: 100000,
      t,
    });
  });

  it('bucket upsert is guarded by lastSampleAt and folds sum, count, max and histogram', () => {
    const op = bucketUpsert({ deviceId: 'pe-1', ifIndex: 3, t, rates }, '5m');
    expect(op.filter).toEqual({
      _id: 'pe-1:3|5m|2026-11-22T13:45:00.000Z',
      lastSampleAt: { $lt: t },
    });
    expect(op.update.$inc).toEqual({
      count: 1,
      'in.sumBps': 1000,
      'out.sumBps': 0.5,
      errorsSum: 30,
      discardsSum: 15,
      downSamples: 0,
      downSeconds: 0,
      'in.hist.b142': 1,
      'out.hist.b0': 1,
    });
    expect(op.update.$max).toEqual({ 'in.maxBps': 1000, 'out.maxBps': 0.5 });
    expect(op.update.$set).toEqual({ lastSampleAt: t, speedBps: 100000 });
    expect(op.update.$setOnInsert).toEqual({
      deviceId: 'pe-1',
      ifIndex: 3,
      granularity: '5m',
      start: new Date('2026-11-22T13:45:00.000Z'),
    });
  });

  it('counts down samples and seconds', () => {
    const op = bucketUpsert(
      { deviceId: 'pe-1', ifIndex: 3, t, rates: { ...rates, operStatus: 2 } },
      '1d',
    );
    expect(op.update.$inc).toMatchObject({ downSamples: 1, downSeconds: 60 });
    expect(isOperDown(7)).toBe(true);
    expect(isOperDown(5)).toBe(false);
  });
});
