import fc from 'fast-check';

import {
  BUCKET_MS,
  type InterfaceCondition,
  InterfaceCounters,
  type InterfaceLoad,
  NORMAL_CONDITION,
  burstFactor,
  dailyFactor,
  ratesAt,
} from './traffic.model';

/** 2026-11-18 is a Wednesday; hours below are China Standard Time (UTC+8). */
const wednesdayCst = (hour: number) => Date.UTC(2026, 10, 18, hour - 8, 0, 0);
const saturdayCst = (hour: number) => Date.UTC(2026, 10, 21, hour - 8, 0, 0);

const load: InterfaceLoad = {
  key: 'cpe-1:1',
  speedBps: 100_000_000,
  inBps: 30_000_000,
  outBps: 15_000_000,
  profile: 'bank',
};
const offsets = { inOctets: 2n ** 53n + 11n, outOctets: 5n, errors: 3n, discards: 4n };

describe('daily curve', () => {
  it('peaks in bank business hours and is low at night', () => {
    expect(dailyFactor(wednesdayCst(10), 'bank')).toBeCloseTo(1, 5);
    expect(dailyFactor(wednesdayCst(3), 'bank')).toBeLessThan(0.1);
    expect(dailyFactor(wednesdayCst(12.5), 'bank')).toBeLessThan(
      dailyFactor(wednesdayCst(15), 'bank'),
    );
  });

  it('is lower on weekends for banks', () => {
    expect(dailyFactor(saturdayCst(10), 'bank')).toBeLessThan(
      0.5 * dailyFactor(wednesdayCst(10), 'bank'),
    );
  });

  it('has an evening share for operator gear', () => {
    expect(dailyFactor(wednesdayCst(21), 'operator')).toBeGreaterThan(
      dailyFactor(wednesdayCst(21), 'bank'),
    );
  });
});

describe('rates', () => {
  it('are deterministic from seed, key and time', () => {
    expect(burstFactor(1, 'a', 123_456_789)).toBe(burstFactor(1, 'a', 123_456_789));
    expect(burstFactor(1, 'a', 123_456_789)).not.toBe(burstFactor(2, 'a', 123_456_789));
  });

  it('stop when the interface does not carry and fill the link when congested', () => {
    expect(ratesAt(1, load, { ...NORMAL_CONDITION, carrying: false }, wednesdayCst(10))).toEqual({
      inBps: 0,
      outBps: 0,
    });
    const congested = ratesAt(1, load, { ...NORMAL_CONDITION, congested: true }, wednesdayCst(3));
    expect(congested.inBps / load.speedBps).toBeGreaterThanOrEqual(0.95);
    expect(congested.outBps / load.speedBps).toBeLessThanOrEqual(1);
  });

  it('stay below the speed without congestion', () => {
    const heavy = { ...load, inBps: 500_000_000 };
    for (let h = 0; h < 24; h++)
      expect(ratesAt(1, heavy, NORMAL_CONDITION, wednesdayCst(h)).inBps).toBeLessThanOrEqual(
        load.speedBps,
      );
  });
});

describe('interface counters', () => {
  it('are monotonic whatever the order and spacing of reads', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 * 3_600_000 }), { minLength: 1, maxLength: 20 }),
        (deltas) => {
          const c = new InterfaceCounters(7, load, wednesdayCst(0), offsets);
          let t = wednesdayCst(0);
          let prev = c.totals(t);
          for (const d of deltas) {
            t += d % 2 === 0 ? d : -d; // reads may also arrive "from the past": ignored
            const now = c.totals(t);
            for (const k of Object.keys(now) as (keyof typeof now)[])
              expect(now[k] >= prev[k]).toBe(true);
            prev = now;
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('do not depend on when they were read in between', () => {
    const start = wednesdayCst(8);
    const end = start + 3_600_000 + 1234;
    const once = new InterfaceCounters(7, load, start, offsets).totals(end);
    const often = new InterfaceCounters(7, load, start, offsets);
    for (let t = start; t < end; t += 7_777) often.totals(t);
    const b = often.totals(end);
    expect(Number(b.inOctets - once.inOctets)).toBeLessThanOrEqual(1);
    expect(Number(once.inOctets - b.inOctets)).toBeLessThanOrEqual(1);
  });

  it('follow the daily curve: a business hour carries far more than a night hour', () => {
    const octetsDuring = (from: number) => {
      const c = new InterfaceCounters(7, load, from, offsets);
      return c.totals(from + 3_600_000).inOctets - offsets.inOctets;
    };
    expect(octetsDuring(wednesdayCst(10))).toBeGreaterThan(5n * octetsDuring(wednesdayCst(3)));
  });

  it('integrate the model: an hour at the peak is about base rate × 3600 s', () => {
    const from = wednesdayCst(10);
    const c = new InterfaceCounters(7, load, from, offsets);
    const octets = Number(c.totals(from + 3_600_000).inOctets - offsets.inOctets);
    const expected = (load.inBps / 8) * 3600;
    expect(octets).toBeGreaterThan(0.8 * expected);
    expect(octets).toBeLessThan(1.3 * expected);
  });

  it('stop while the interface is down and keep small error counts', () => {
    const from = wednesdayCst(10);
    const c = new InterfaceCounters(7, load, from, offsets);
    const down: InterfaceCondition = { carrying: false, congested: false, errored: false };
    c.setCondition(from + BUCKET_MS, down);
    const atDown = c.totals(from + BUCKET_MS);
    expect(c.totals(from + 600_000)).toEqual(atDown);
    c.setCondition(from + 600_000, NORMAL_CONDITION);
    const after = c.totals(from + 3_600_000);
    expect(after.inOctets > atDown.inOctets).toBe(true);
    expect(Number(after.inErrors - offsets.errors)).toBeLessThan(100);
  });

  it('raise errors when degraded and discards when congested', () => {
    const from = wednesdayCst(10);
    const normal = new InterfaceCounters(7, load, from, offsets);
    const errored = new InterfaceCounters(7, load, from, offsets);
    errored.setCondition(from, { ...NORMAL_CONDITION, errored: true });
    const congested = new InterfaceCounters(7, load, from, offsets);
    congested.setCondition(from, { ...NORMAL_CONDITION, congested: true });
    const t = from + 600_000;
    expect(errored.totals(t).inErrors).toBeGreaterThan(normal.totals(t).inErrors + 1000n);
    expect(congested.totals(t).outDiscards).toBeGreaterThan(normal.totals(t).outDiscards + 1000n);
  });

  it('restart from zero on reset', () => {
    const from = wednesdayCst(10);
    const c = new InterfaceCounters(7, load, from, offsets);
    c.reset(from + 60_000);
    expect(c.totals(from + 60_000)).toEqual({
      inOctets: 0n,
      outOctets: 0n,
      inErrors: 0n,
      outErrors: 0n,
      inDiscards: 0n,
      outDiscards: 0n,
    });
    expect(c.totals(from + 120_000).inOctets > 0n).toBe(true);
  });
});
