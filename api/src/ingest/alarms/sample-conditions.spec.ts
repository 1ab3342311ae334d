import type { InterfaceRates } from '../perf/counter-rates';
import { type ConditionFlags, NO_CONDITIONS, evaluateConditions } from './sample-conditions';

function rates(overrides: Partial<InterfaceRates> = {}): InterfaceRates {
  return {
    intervalSec: 60,
    inBps: 10e6,
    outBps: 10e6,
    inUtil: 0.1,
    outUtil: 0.1,
    inErrorsPerSec: 0,
    outErrorsPerSec: 0,
    inDiscardsPerSec: 0,
    outDiscardsPerSec: 0,
    errors: 0,
    discards: 0,
    operStatus: 1,
    speedBps: 100e6,
    ...overrides,
  };
}

const up = { operStatus: 1, carriesCircuits: true };

describe('evaluateConditions', () => {
  it('oper down on an interface carrying circuits raises, up clears', () => {
    const down = evaluateConditions(NO_CONDITIONS, { ...up, operStatus: 2, rates: null });
    expect(down.transitions).toEqual([{ condition: 'operDown', raise: true }]);
    expect(
      evaluateConditions(down.next, { ...up, operStatus: 2, rates: null }).transitions,
    ).toEqual([]);
    expect(evaluateConditions(down.next, { ...up, rates: null }).transitions).toEqual([
      { condition: 'operDown', raise: false },
    ]);
  });

  it('oper down on an interface without circuits raises nothing', () => {
    expect(
      evaluateConditions(NO_CONDITIONS, { operStatus: 2, carriesCircuits: false, rates: null })
        .transitions,
    ).toEqual([]);
  });

  it('congestion with hysteresis: raise at 90 %, hold above 80 %, clear below', () => {
    let flags: ConditionFlags = NO_CONDITIONS;
    const step = (util: number) => {
      const r = evaluateConditions(flags, { ...up, rates: rates({ outUtil: util }) });
      flags = r.next;
      return r.transitions;
    };
    expect(step(0.89)).toEqual([]);
    expect(step(0.9)).toEqual([{ condition: 'congestion', raise: true }]);
    expect(step(0.85)).toEqual([]);
    expect(step(0.8)).toEqual([]);
    expect(step(0.79)).toEqual([{ condition: 'congestion', raise: false }]);
  });

  it('no congestion without a known speed', () => {
    expect(
      evaluateConditions(NO_CONDITIONS, {
        ...up,
        rates: rates({ inUtil: 0, speedBps: 0, inBps: 1e12 }),
      }).transitions,
    ).toEqual([]);
  });

  it('high error rate by errors per second and by share of packets; clears below half', () => {
    const byRate = evaluateConditions(NO_CONDITIONS, {
      ...up,
      rates: rates({ inErrorsPerSec: 1.5, errors: 90 }),
    });
    expect(byRate.transitions).toEqual([{ condition: 'highErrorRate', raise: true }]);
    const small = rates({ inBps: 100e3, outBps: 0, inErrorsPerSec: 0.5, errors: 30 }); // 25 pps, 2 % errors
    expect(evaluateConditions(NO_CONDITIONS, { ...up, rates: small }).transitions).toEqual([
      { condition: 'highErrorRate', raise: true },
    ]);
    const idle = rates({ inBps: 0, outBps: 0, inErrorsPerSec: 0.1, errors: 6 }); // too few errors for the ratio rule
    expect(evaluateConditions(NO_CONDITIONS, { ...up, rates: idle }).transitions).toEqual([]);
    const raised = byRate.next;
    expect(
      evaluateConditions(raised, { ...up, rates: rates({ inErrorsPerSec: 0.7, errors: 42 }) })
        .transitions,
    ).toEqual([]);
    expect(
      evaluateConditions(raised, { ...up, rates: rates({ inErrorsPerSec: 0.1, errors: 6 }) })
        .transitions,
    ).toEqual([{ condition: 'highErrorRate', raise: false }]);
  });

  it('a baseline sample keeps the rate conditions as they were', () => {
    const flags = { operDown: false, congestion: true, highErrorRate: true };
    expect(evaluateConditions(flags, { ...up, rates: null })).toEqual({
      next: flags,
      transitions: [],
    });
  });
});
