import { nextDueAt, phaseOffsetMs } from './poll-schedule';

const ids = Array.from({ length: 400 }, (_, i) => `ne-${String(i).padStart(4, '0')}`);

describe('poll phase', () => {
  it('is deterministic and inside the interval', () => {
    for (const id of ids) {
      const p = phaseOffsetMs(id, 60000);
      expect(p).toBe(phaseOffsetMs(id, 60000));
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(60000);
    }
  });

  it('spreads 400 targets over the minute: no second holds more than a few of them', () => {
    const perSecond = new Array<number>(60).fill(0);
    for (const id of ids) perSecond[Math.floor(phaseOffsetMs(id, 60000) / 1000)]! += 1;
    // Uniform would be 6.7 per second; a burst of all 400 would be one bucket.
    expect(Math.max(...perSecond)).toBeLessThanOrEqual(20);
    expect(perSecond.filter((n) => n === 0).length).toBeLessThanOrEqual(3);
  });

  it('gives the next due time strictly after now, at the phase, one interval apart', () => {
    const interval = 30000;
    for (const id of ids.slice(0, 50)) {
      const now = 1_800_000_123_456;
      const due = nextDueAt(id, interval, now);
      expect(due).toBeGreaterThan(now);
      expect(due - now).toBeLessThanOrEqual(interval);
      expect(((due % interval) + interval) % interval).toBe(phaseOffsetMs(id, interval));
      expect(nextDueAt(id, interval, due)).toBe(due + interval);
    }
  });
});
