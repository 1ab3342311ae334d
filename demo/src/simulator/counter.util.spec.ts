import {
  Accumulator,
  TWO_POW_64,
  counter64Octets,
  counterDelta,
  fromCounter64Octets,
  toCounter32,
  toCounter64,
  toGauge32,
} from './counter.util';

describe('counter arithmetic', () => {
  it('accumulates fractions exactly enough and never goes back', () => {
    const acc = new Accumulator(10n);
    for (let i = 0; i < 10; i++) acc.add(0.25);
    expect(acc.value).toBe(12n);
    acc.add(-5);
    acc.add(Number.NaN);
    expect(acc.value).toBe(12n);
    acc.add(0.5);
    expect(acc.value).toBe(13n);
  });

  it('keeps totals above 2^53 exact', () => {
    const acc = new Accumulator(2n ** 53n);
    acc.add(1);
    acc.add(1);
    expect(acc.value).toBe(2n ** 53n + 2n);
  });

  it('wraps Counter32 at 2^32 and Counter64 at 2^64', () => {
    expect(toCounter32(0xffffffffn)).toBe(0xffffffff);
    expect(toCounter32(0x100000000n)).toBe(0);
    expect(toCounter32(0x100000005n)).toBe(5);
    expect(toCounter64(TWO_POW_64 - 1n)).toBe(TWO_POW_64 - 1n);
    expect(toCounter64(TWO_POW_64 + 7n)).toBe(7n);
  });

  it('saturates Gauge32 instead of wrapping', () => {
    expect(toGauge32(100_000_000_000)).toBe(4294967295);
    expect(toGauge32(1_000_000_000)).toBe(1_000_000_000);
    expect(toGauge32(-1)).toBe(0);
  });

  it('encodes Counter64 as minimal unsigned BER content octets', () => {
    expect([...counter64Octets(0n)]).toEqual([0]);
    expect([...counter64Octets(127n)]).toEqual([127]);
    expect([...counter64Octets(128n)]).toEqual([0, 128]);
    expect([...counter64Octets(2n ** 63n)]).toEqual([0, 0x80, 0, 0, 0, 0, 0, 0, 0]);
    expect(counter64Octets(TWO_POW_64 - 1n)).toHaveLength(9);
    expect([...counter64Octets(TWO_POW_64 + 1n)]).toEqual([1]);
    for (const v of [1n, 2n ** 53n + 1n, 2n ** 63n - 1n, 2n ** 64n - 2n])
      expect(fromCounter64Octets(counter64Octets(v))).toBe(v);
  });

  it('computes deltas across one wrap', () => {
    expect(counterDelta(10n, 15n, TWO_POW_64)).toBe(5n);
    expect(counterDelta(TWO_POW_64 - 3n, 2n, TWO_POW_64)).toBe(5n);
    expect(counterDelta(0xfffffff0n, 0x10n, 0x100000000n)).toBe(0x20n);
  });
});
