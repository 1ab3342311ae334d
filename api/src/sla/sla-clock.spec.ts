import { instantAfterRunning, runningMs } from './sla-clock';

const t0 = new Date(Date.now() - 3_600_000);
const at = (min: number): Date => new Date(t0.getTime() + min * 60_000);

describe('SLA clock', () => {
  it('runs straight without pauses', () => {
    expect(runningMs(t0, at(30), [])).toBe(30 * 60_000);
    expect(instantAfterRunning(t0, 30 * 60_000, [])).toEqual(at(30));
  });

  it('deducts overlapping pauses once', () => {
    const pauses = [
      { from: at(10), to: at(20) },
      { from: at(15), to: at(25) },
    ];
    expect(runningMs(t0, at(30), pauses)).toBe(15 * 60_000);
    expect(instantAfterRunning(t0, 30 * 60_000, pauses)).toEqual(at(45));
  });

  it('ignores pauses after the budget and before the start', () => {
    const pauses = [
      { from: at(-30), to: at(5) },
      { from: at(100), to: at(200) },
    ];
    expect(instantAfterRunning(t0, 30 * 60_000, pauses)).toEqual(at(35));
    expect(runningMs(t0, at(60), pauses)).toBe(55 * 60_000);
  });

  it('has no due instant while an open pause holds the clock', () => {
    expect(instantAfterRunning(t0, 30 * 60_000, [{ from: at(10), to: null }])).toBeNull();
    expect(runningMs(t0, at(60), [{ from: at(10), to: null }])).toBe(10 * 60_000);
  });
});
