import fc from 'fast-check';

import {
  availabilityOf,
  type DownEvidence,
  operDownRuns,
  type PlannedEvidence,
} from './availability-calculation';

const T0 = Date.parse('2026-11-01T00:00:00Z');
const s = (sec: number): number => T0 + sec * 1000;
const DAY = { start: s(0), end: s(86_400) };

const alarm = (id: string, from: number, to: number): DownEvidence => ({
  source: 'alarm',
  id,
  description: 'linkDown',
  interval: { start: s(from), end: s(to) },
  ongoing: false,
});
const window = (id: string, from: number, to: number): PlannedEvidence => ({
  source: 'maintenance',
  id,
  description: 'upgrade',
  interval: { start: s(from), end: s(to) },
  ongoing: false,
});

describe('availabilityOf', () => {
  it('counts overlapping alarms once and excuses approved maintenance', () => {
    // Down 01:00:00–01:30:00 and 01:20:00–02:00:00 (one hour), maintenance 01:45–03:00.
    const f = availabilityOf(
      DAY,
      0.999,
      [alarm('a1', 3600, 5400), alarm('a2', 4800, 7200)],
      [window('mw1', 6300, 10_800)],
    );
    expect(f.downMs).toBe(3600_000);
    expect(f.plannedDownMs).toBe(900_000);
    expect(f.unplannedDownMs).toBe(2700_000);
    expect(f.availability).toBeCloseTo(1 - 2700 / 86_400, 12);
    expect(f.allowedDownMs).toBeCloseTo(86_400, 6);
    expect(f.slaMet).toBe(false);
    expect(f.remainingDownMs).toBe(0);
    expect(f.unplannedIntervals).toEqual([{ start: s(3600), end: s(6300) }]);
    expect(f.evidence.map((e) => e.id)).toEqual(['a1', 'a2', 'mw1']);
  });

  it('clips evidence to the period and drops what lies outside it', () => {
    const f = availabilityOf(
      DAY,
      0.99,
      [alarm('before', -100, 10), alarm('after', 90_000, 90_001)],
      [],
    );
    expect(f.unplannedDownMs).toBe(10_000);
    expect(f.evidence).toHaveLength(1);
    expect(f.evidence[0]!.interval).toEqual({ start: s(0), end: s(10) });
    expect(f.slaMet).toBe(true);
    expect(f.remainingDownMs).toBeCloseTo(864_000 - 10_000, 6);
  });

  it('is 1 without evidence and for an empty period', () => {
    expect(availabilityOf(DAY, 0.9999, [], []).availability).toBe(1);
    expect(
      availabilityOf({ start: s(5), end: s(5) }, 0.9999, [alarm('a', 0, 10)], []).availability,
    ).toBe(1);
  });

  it('stays within [0, 1] and planned + unplanned = down, whatever the evidence', () => {
    const span = fc
      .tuple(fc.integer({ min: -1000, max: 90_000 }), fc.integer({ min: 0, max: 20_000 }))
      .map(([a, len]) => [a, a + len] as const);
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 8 }),
        fc.array(span, { maxLength: 4 }),
        (downs, plans) => {
          const f = availabilityOf(
            DAY,
            0.9995,
            downs.map(([a, b], i) => alarm(`a${i}`, a, b)),
            plans.map(([a, b], i) => window(`m${i}`, a, b)),
          );
          expect(f.availability).toBeGreaterThanOrEqual(0);
          expect(f.availability).toBeLessThanOrEqual(1);
          expect(f.unplannedDownMs).toBeLessThanOrEqual(f.periodMs);
          expect(f.plannedDownMs + f.unplannedDownMs).toBe(f.downMs);
          // met ⇔ the availability reaches the target (up to float rounding)
          if (f.slaMet) expect(f.availability).toBeGreaterThanOrEqual(0.9995 - 1e-12);
          else expect(f.availability).toBeLessThan(0.9995 + 1e-12);
        },
      ),
    );
  });
});

describe('operDownRuns', () => {
  it('counts from one down poll to the next down poll that directly follows it', () => {
    // Polls every 60 s; down at 120, 180, 240; up at 300; down again at 600 alone.
    const runs = operDownRuns([
      { t: s(180), intervalSec: 60 },
      { t: s(120), intervalSec: 60 },
      { t: s(240), intervalSec: 60 },
      { t: s(600), intervalSec: 60 },
    ]);
    expect(runs).toEqual([{ start: s(120), end: s(240) }]);
  });

  it('does not bridge a gap where an up poll (or no poll) came between', () => {
    expect(
      operDownRuns([
        { t: s(60), intervalSec: 60 },
        { t: s(180), intervalSec: 60 },
      ]),
    ).toEqual([]);
  });
});
