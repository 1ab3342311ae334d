import fc from 'fast-check';

import { clip, type Interval, intersect, measure, merge, subtract } from './intervals';

const iv = (start: number, end: number): Interval => ({ start, end });

/** Intervals on a small integer grid, so overlaps and touching edges are frequent. */
const interval = fc
  .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 200 }))
  .map(([start, length]) => iv(start, start + length));
const intervals = fc.array(interval, { maxLength: 12 });

/** Membership of one instant, the ground truth the functions must agree with. */
const covers = (set: readonly Interval[], t: number): boolean =>
  set.some((i) => i.start <= t && t < i.end);

const isCanonical = (set: readonly Interval[]): boolean =>
  set.every((i, k) => i.end > i.start && (k === 0 || set[k - 1]!.end < i.start));

describe('interval arithmetic', () => {
  it('merges overlapping and touching intervals, drops empty ones', () => {
    expect(merge([iv(10, 20), iv(0, 5), iv(5, 8), iv(15, 30), iv(40, 40), iv(50, 45)])).toEqual([
      iv(0, 8),
      iv(10, 30),
    ]);
  });

  it('clips to the period', () => {
    expect(clip([iv(-5, 5), iv(8, 12), iv(20, 30)], iv(0, 10))).toEqual([iv(0, 5), iv(8, 10)]);
  });

  it('subtracts maintenance from outages', () => {
    expect(subtract([iv(0, 100)], [iv(10, 20), iv(15, 30), iv(90, 200)])).toEqual([
      iv(0, 10),
      iv(30, 90),
    ]);
    expect(subtract([iv(0, 10)], [iv(0, 10)])).toEqual([]);
    expect(subtract([iv(0, 10), iv(20, 30)], [])).toEqual([iv(0, 10), iv(20, 30)]);
  });

  it('measures a union once', () => {
    expect(measure([iv(0, 10), iv(5, 15), iv(100, 101)])).toBe(16);
    expect(measure([])).toBe(0);
  });

  it('merge: canonical, and covers exactly the same instants', () => {
    fc.assert(
      fc.property(intervals, fc.integer({ min: -10, max: 1300 }), (set, t) => {
        const merged = merge(set);
        expect(isCanonical(merged)).toBe(true);
        expect(covers(merged, t)).toBe(covers(set, t));
      }),
    );
  });

  it('merge and measure do not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        intervals.chain((set) =>
          fc.tuple(
            fc.constant(set),
            fc.shuffledSubarray(set, { minLength: set.length, maxLength: set.length }),
          ),
        ),
        ([set, shuffled]) => {
          expect(merge(shuffled)).toEqual(merge(set));
          expect(measure(shuffled)).toBe(measure(set));
        },
      ),
    );
  });

  it('a clipped measure never exceeds the period, nor the unclipped measure', () => {
    fc.assert(
      fc.property(intervals, interval, (set, period) => {
        const m = measure(clip(set, period));
        expect(m).toBeLessThanOrEqual(period.end - period.start);
        expect(m).toBeLessThanOrEqual(measure(set));
      }),
    );
  });

  it('subtract: an instant survives iff it is in the first set and not the second', () => {
    fc.assert(
      fc.property(intervals, intervals, fc.integer({ min: -10, max: 1300 }), (a, b, t) => {
        const d = subtract(a, b);
        expect(isCanonical(d)).toBe(true);
        expect(covers(d, t)).toBe(covers(a, t) && !covers(b, t));
      }),
    );
  });

  it('subtracting then adding back the overlap gives the original measure', () => {
    fc.assert(
      fc.property(intervals, intervals, (a, b) => {
        expect(measure(subtract(a, b)) + measure(intersect(a, b))).toBe(measure(a));
        expect(merge([...subtract(a, b), ...intersect(a, b)])).toEqual(merge(a));
      }),
    );
  });

  it('subtraction is order-independent in what it removes', () => {
    fc.assert(
      fc.property(intervals, intervals, intervals, (a, b, c) => {
        expect(subtract(subtract(a, b), c)).toEqual(subtract(subtract(a, c), b));
        expect(subtract(a, [...b, ...c])).toEqual(subtract(subtract(a, b), c));
      }),
    );
  });
});
