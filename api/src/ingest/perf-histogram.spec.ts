import fc from 'fast-check';

import {
  HISTOGRAM_RATIO,
  binBounds,
  binKey,
  binOf,
  binValue,
  mergeHistograms,
  percentileFromHistogram,
} from './perf-histogram';

function exactPercentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

function histogramOf(values: number[]): Record<string, number> {
  const hist: Record<string, number> = {};
  for (const v of values) hist[binKey(binOf(v))] = (hist[binKey(binOf(v))] ?? 0) + 1;
  return hist;
}

describe('perf histogram', () => {
  it('puts values below 1 bit/s, zero and NaN into bin 0', () => {
    expect(binOf(0)).toBe(0);
    expect(binOf(0.99)).toBe(0);
    expect(binOf(-5)).toBe(0);
    expect(binOf(Number.NaN)).toBe(0);
    expect(binValue(0)).toBe(0);
  });

  it('bins are [R^(k-1), R^k) and contain their values', () => {
    expect(binOf(1)).toBe(1);
    expect(binOf(1.04)).toBe(1);
    expect(binOf(1.06)).toBe(2);
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e12, noNaN: true }), (v) => {
        const { low, high } = binBounds(binOf(v));
        expect(v).toBeGreaterThanOrEqual(low * (1 - 1e-9));
        expect(v).toBeLessThan(high * (1 + 1e-9));
      }),
    );
  });

  it('needs under 600 bins for 400 Gbit/s', () => {
    expect(binOf(400e9)).toBeLessThan(600);
  });

  it('returns null for an empty histogram and ignores foreign keys', () => {
    expect(percentileFromHistogram({}, 0.95)).toBeNull();
    expect(percentileFromHistogram({ x: 3, b: 2 }, 0.95)).toBeNull();
  });

  it('p95 is within 2.5 % of the exact nearest-rank p95 on random data', () => {
    const maxError = Math.sqrt(HISTOGRAM_RATIO) - 1 + 1e-9;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e11, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (values, q) => {
          const exact = exactPercentile(values, q);
          const estimate = percentileFromHistogram(histogramOf(values), q)!;
          expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(maxError);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('p95 over merged histograms equals p95 over all values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e10, noNaN: true }), { minLength: 1, maxLength: 100 }),
        fc.array(fc.double({ min: 1, max: 1e10, noNaN: true }), { minLength: 1, maxLength: 100 }),
        (a, b) => {
          const merged = mergeHistograms(histogramOf(a), histogramOf(b));
          expect(percentileFromHistogram(merged, 0.95)).toBe(
            percentileFromHistogram(histogramOf([...a, ...b]), 0.95),
          );
        },
      ),
    );
  });

  it('a realistic traffic day: p95 close to the exact value', () => {
    const values = Array.from(
      { length: 288 },
      (_, i) => 50e6 + 40e6 * Math.sin((i / 288) * 2 * Math.PI) + (i % 17) * 1e5,
    );
    const exact = exactPercentile(values, 0.95);
    const estimate = percentileFromHistogram(histogramOf(values), 0.95)!;
    expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.05);
  });
});
