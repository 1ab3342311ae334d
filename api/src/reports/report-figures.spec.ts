import { binKey, binOf, binValue } from '../ingest/perf-histogram';
import { coverPeriod } from './bucket-cover';
import { monthPeriod, periodLabel, previousMonth, previousPeriods } from './report-period';
import { type TicketFact, ticketFigures } from './ticket-figures';
import { type BucketStats, upgradeRecommendation, utilisationOf } from './utilisation-figures';

const H = 3_600_000;
const D = 24 * H;
const M5 = 300_000;

describe('report periods (UTC+8)', () => {
  it('a month starts and ends at 16:00 UTC the day before', () => {
    const nov = monthPeriod(2026, 11);
    expect(nov.from.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(nov.to.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(periodLabel(nov)).toBe('2026-11');
    // 2026-12-01 03:00 in China is still Nov 30 19:00Z: the previous month is November.
    expect(previousMonth(new Date('2026-11-30T19:00:00Z'))).toEqual(nov);
    expect(previousMonth(new Date('2027-01-01T10:00:00Z'))).toEqual(monthPeriod(2026, 12));
  });

  it('previous periods of a month are calendar months, of anything else the same length', () => {
    const [oct, sep] = previousPeriods(monthPeriod(2026, 11), 2);
    expect(oct).toEqual(monthPeriod(2026, 10));
    expect(sep).toEqual(monthPeriod(2026, 9));
    expect(previousPeriods(monthPeriod(2026, 1), 1)[0]).toEqual(monthPeriod(2025, 12));
    const week = { from: new Date(10 * D), to: new Date(17 * D) };
    expect(previousPeriods(week, 2)).toEqual([
      { from: new Date(3 * D), to: new Date(10 * D) },
      { from: new Date(-4 * D), to: new Date(3 * D) },
    ]);
  });
});

describe('coverPeriod', () => {
  it('covers a China-time month with hour buckets at the edges and day buckets between', () => {
    const nov = monthPeriod(2026, 11);
    const segments = coverPeriod(nov.from.getTime(), nov.to.getTime());
    expect(
      segments.map((s) => [
        s.granularity,
        new Date(s.from).toISOString(),
        new Date(s.to).toISOString(),
      ]),
    ).toEqual([
      ['1h', '2026-10-31T16:00:00.000Z', '2026-11-01T00:00:00.000Z'],
      ['1d', '2026-11-01T00:00:00.000Z', '2026-11-30T00:00:00.000Z'],
      ['1h', '2026-11-30T00:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ]);
  });

  it('uses 5-minute buckets for the ragged ends and covers each instant once', () => {
    const from = Date.UTC(2026, 10, 3, 22, 35);
    const to = Date.UTC(2026, 10, 5, 1, 10);
    const segments = coverPeriod(from, to);
    expect(segments.map((s) => s.granularity)).toEqual(['5m', '1h', '1d', '1h', '5m']);
    for (let k = 1; k < segments.length; k += 1)
      expect(segments[k]!.from).toBe(segments[k - 1]!.to);
    expect(segments[0]!.from).toBe(from);
    expect(segments.at(-1)!.to).toBe(to);
    // Rounded outwards to the 5-minute grid.
    expect(coverPeriod(from + 60_000, to - 60_000)[0]!.from).toBe(from);
    expect(coverPeriod(from, from)).toEqual([]);
    expect(coverPeriod(0, M5)).toEqual([{ granularity: '5m', from: 0, to: M5 }]);
  });
});

function bucket(samples: readonly number[]): BucketStats {
  const hist: Record<string, number> = {};
  for (const s of samples) hist[binKey(binOf(s))] = (hist[binKey(binOf(s))] ?? 0) + 1;
  const stats = { sumBps: samples.reduce((a, b) => a + b, 0), maxBps: Math.max(...samples), hist };
  return {
    count: samples.length,
    in: stats,
    out: { sumBps: 0, maxBps: 0, hist: { b0: samples.length } },
  };
}

describe('utilisationOf', () => {
  it('p95 is the nearest-rank sample of the whole period, read from the merged histograms', () => {
    // 40 samples on a 10 Mbit/s circuit: 1..40 Mbit/s / 4, i.e. 0.25 … 10 Mbit/s.
    // Nearest rank of p95 = ceil(0.95 × 40) = 38 → the 38th smallest: 38 / 4 = 9.5 Mbit/s.
    const values = Array.from({ length: 40 }, (_, i) => ((i + 1) * 1e6) / 4);
    const f = utilisationOf(
      [bucket(values.slice(0, 12)), bucket(values.slice(12, 30)), bucket(values.slice(30))],
      10e6,
    );
    expect(f.samples).toBe(40);
    expect(f.inP95Bps).toBe(binValue(binOf(9.5e6)));
    expect(Math.abs(f.inP95Bps! / 9.5e6 - 1)).toBeLessThan(0.025);
    expect(f.inMaxBps).toBe(10e6);
    expect(f.inMeanBps).toBeCloseTo((41 * 20 * 1e6) / 4 / 40, 6); // mean of 1..40 is 20.5
    expect(f.p95Util).toBeCloseTo(binValue(binOf(9.5e6)) / 10e6, 12);
    expect(f.maxUtil).toBe(1);
  });

  it('is empty without samples and recommends no upgrade then', () => {
    const f = utilisationOf([], 10e6);
    expect(f.p95Util).toBeNull();
    expect(upgradeRecommendation(f, 10e6, 0.8)).toBeNull();
  });

  it('recommends the smallest sold bandwidth that carries the p95 at 60 %', () => {
    const hot = utilisationOf([bucket(Array.from({ length: 100 }, () => 8.5e6))], 10e6);
    const r = upgradeRecommendation(hot, 10e6, 0.8);
    expect(r).not.toBeNull();
    // p95 ≈ 8.5 Mbit/s → needs ≥ 14.2 Mbit/s → 20 Mbit/s.
    expect(r!.suggestedBps).toBe(20e6);
    const cool = utilisationOf([bucket(Array.from({ length: 100 }, () => 5e6))], 10e6);
    expect(upgradeRecommendation(cool, 10e6, 0.8)).toBeNull();
  });
});

describe('ticketFigures', () => {
  const t0 = new Date('2026-11-02T00:00:00Z');
  const ticket = (id: string, extra: Partial<TicketFact>): TicketFact => ({
    id,
    ticketType: 'fault',
    status: 'closed',
    name: id,
    priority: 'P2',
    severity: 'major',
    impact: 'down',
    circuitIds: ['c1'],
    creationDate: t0,
    resolutionDate: null,
    mttrMinutes: null,
    restoreMinutes: null,
    responseMet: null,
    restoreMet: null,
    causeCode: null,
    rootCauseAlarmId: null,
    mergedInto: null,
    ...extra,
  });

  it('MTTR is the mean repair time of the resolved incidents; compliance their share within SLA', () => {
    const f = ticketFigures([
      ticket('t1', {
        mttrMinutes: 90,
        restoreMet: true,
        responseMet: true,
        causeCode: 'fibre-cut',
      }),
      ticket('t2', { mttrMinutes: 30, restoreMet: true, responseMet: false, causeCode: 'power' }),
      ticket('t3', {
        mttrMinutes: 360,
        restoreMet: false,
        responseMet: true,
        causeCode: 'fibre-cut',
      }),
      ticket('t4', { status: 'inProgress', responseMet: true }),
      ticket('t5', { status: 'cancelled', mttrMinutes: 1 }),
      ticket('t6', { mergedInto: 't1', mttrMinutes: 1 }),
      ticket('t7', { ticketType: 'provisioning', status: 'closed', mttrMinutes: 5000 }),
    ]);
    expect(f.tickets).toBe(5);
    expect(f.incidents).toBe(4);
    expect(f.resolved).toBe(3);
    expect(f.mttrMinutes).toBe(160); // (90 + 30 + 360) / 3
    expect(f.restoreCompliance).toBeCloseTo(2 / 3, 12);
    expect(f.responseCompliance).toBe(0.75);
    expect(f.byCause).toEqual({ 'fibre-cut': 2, power: 1, unknown: 1 });
    expect(f.byType).toEqual({ fault: 4, provisioning: 1 });
  });

  it('has no MTTR without resolved incidents', () => {
    const f = ticketFigures([]);
    expect(f.mttrMinutes).toBeNull();
    expect(f.restoreCompliance).toBeNull();
    expect(f.incidents).toBe(0);
  });
});
