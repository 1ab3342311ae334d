import {
  COUNTER64_MODULUS,
  type CounterReading,
  computeRates,
  counter32Delta,
  counter64Delta,
  effectiveSpeedBps,
} from './counter-rates';

const T0 = Date.UTC(2026, 10, 22, 4, 0, 0);

function reading(overrides: Partial<CounterReading> = {}): CounterReading {
  return {
    polledAtMs: T0,
    sysUpTime: 1_000_000,
    inOctets: 1_000n,
    outOctets: 2_000n,
    inErrors: 0,
    outErrors: 0,
    inDiscards: 0,
    outDiscards: 0,
    operStatus: 1,
    ...overrides,
  };
}

/** The next reading, `sec` seconds later on both clocks. */
function after(
  prev: CounterReading,
  sec: number,
  overrides: Partial<CounterReading> = {},
): CounterReading {
  return {
    ...prev,
    polledAtMs: prev.polledAtMs + sec * 1000,
    sysUpTime: prev.sysUpTime + sec * 100,
    ...overrides,
  };
}

const options = { speedBps: 100e6, expectedIntervalSec: 60 };

describe('counter deltas', () => {
  it('64-bit: plain, wrap at 2^64, and a reset that is not a wrap', () => {
    expect(counter64Delta(5n, 15n)).toBe(10n);
    expect(counter64Delta(COUNTER64_MODULUS - 10n, 5n)).toBe(15n);
    expect(counter64Delta(1n << 40n, 0n)).toBeNull();
  });

  it('32-bit: plain, wrap at 2^32, and a reset that is not a wrap', () => {
    expect(counter32Delta(5, 15)).toBe(10);
    expect(counter32Delta(4294967290, 4)).toBe(10);
    expect(counter32Delta(1000, 0)).toBeNull();
  });

  it('64-bit deltas stay exact beyond 2^53', () => {
    const prev = (1n << 60n) + 1n;
    expect(counter64Delta(prev, prev + 7n)).toBe(7n);
  });
});

describe('computeRates', () => {
  it('first sample: baseline only', () => {
    expect(computeRates(null, reading(), options)).toEqual({ kind: 'baseline', reason: 'first' });
  });

  it('computes bps, utilisation, error and discard rates', () => {
    const prev = reading();
    const next = after(prev, 60, {
      inOctets: prev.inOctets + 750_000_000n, // 100 Mbit/s over 60 s
      outOctets: prev.outOctets + 75_000_000n,
      inErrors: 120,
      outErrors: 60,
      inDiscards: 6,
      outDiscards: 0,
      operStatus: 2,
    });
    const outcome = computeRates(prev, next, options);
    expect(outcome.kind).toBe('rate');
    if (outcome.kind !== 'rate') return;
    expect(outcome.rates).toEqual({
      intervalSec: 60,
      inBps: 100e6,
      outBps: 10e6,
      inUtil: 1,
      outUtil: 0.1,
      inErrorsPerSec: 2,
      outErrorsPerSec: 1,
      inDiscardsPerSec: 0.1,
      outDiscardsPerSec: 0,
      errors: 180,
      discards: 6,
      operStatus: 2,
      speedBps: 100e6,
    });
  });

  it('handles a 64-bit wrap when sysUpTime shows no restart', () => {
    const prev = reading({ inOctets: COUNTER64_MODULUS - 1000n });
    const next = after(prev, 60, { inOctets: 6500n });
    const outcome = computeRates(prev, next, options);
    expect(outcome.kind === 'rate' && outcome.rates.inBps).toBe((7500 * 8) / 60);
  });

  it('handles a 32-bit wrap of the error counters', () => {
    const prev = reading({ inErrors: 4294967295 - 29 });
    const next = after(prev, 60, { inErrors: 30 });
    const outcome = computeRates(prev, next, options);
    expect(outcome.kind === 'rate' && outcome.rates.errors).toBe(60);
  });

  it('sysUpTime decrease: restart, baseline, no spike', () => {
    const prev = reading({ inOctets: 10n ** 15n });
    const next = after(prev, 60, { sysUpTime: 3000, inOctets: 1000n });
    expect(computeRates(prev, next, options)).toEqual({ kind: 'baseline', reason: 'restart' });
  });

  it('sysUpTime that advanced much less than the wall clock: restart in between', () => {
    const prev = reading({ sysUpTime: 100 });
    // 60 s later the device reports only 2 s more uptime: it rebooted and counted past the old value.
    const next = after(prev, 60, { sysUpTime: 300, inOctets: prev.inOctets + 10n });
    expect(computeRates(prev, next, options)).toEqual({ kind: 'baseline', reason: 'restart' });
  });

  it('tolerates poller jitter between the two clocks', () => {
    const prev = reading();
    const next = after(prev, 60, {
      sysUpTime: prev.sysUpTime + 5700,
      inOctets: prev.inOctets + 8n,
    });
    expect(computeRates(prev, next, options).kind).toBe('rate');
  });

  it('a counter going backwards without a restart is a discontinuity, not a wrap', () => {
    const prev = reading({ inOctets: 1n << 40n });
    const next = after(prev, 60, { inOctets: 500n });
    expect(computeRates(prev, next, options)).toEqual({ kind: 'baseline', reason: 'counterReset' });
    const prev32 = reading({ outDiscards: 5000 });
    expect(computeRates(prev32, after(prev32, 60, { outDiscards: 0 }), options)).toEqual({
      kind: 'baseline',
      reason: 'counterReset',
    });
  });

  it('non-positive interval: baseline', () => {
    const prev = reading();
    expect(computeRates(prev, { ...prev }, options)).toEqual({
      kind: 'baseline',
      reason: 'nonPositiveInterval',
    });
    expect(computeRates(prev, { ...prev, polledAtMs: prev.polledAtMs - 1000 }, options)).toEqual({
      kind: 'baseline',
      reason: 'nonPositiveInterval',
    });
  });

  it('interval above 3× the expected one: baseline; at 3× still a rate', () => {
    const prev = reading();
    expect(computeRates(prev, after(prev, 181), options)).toEqual({
      kind: 'baseline',
      reason: 'gapTooLong',
    });
    expect(computeRates(prev, after(prev, 180), options).kind).toBe('rate');
    expect(
      computeRates(prev, after(prev, 600), { ...options, expectedIntervalSec: 300 }).kind,
    ).toBe('rate');
  });

  it('unknown speed: utilisation 0, never a division by zero', () => {
    const prev = reading();
    const outcome = computeRates(prev, after(prev, 10, { inOctets: prev.inOctets + 100n }), {
      ...options,
      speedBps: 0,
    });
    expect(outcome.kind === 'rate' && outcome.rates.inUtil).toBe(0);
  });

  it('speed: inventory first, ifHighSpeed otherwise', () => {
    expect(effectiveSpeedBps(2e9, 1000)).toBe(2e9);
    expect(effectiveSpeedBps(null, 1000)).toBe(1e9);
    expect(effectiveSpeedBps(0, 100)).toBe(100e6);
    expect(effectiveSpeedBps(undefined, 0)).toBe(0);
  });
});
