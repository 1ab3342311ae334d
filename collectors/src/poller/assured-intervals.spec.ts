import { assuredIntervals } from './mongo-inventory-target.source';

describe('assuredIntervals', () => {
  const now = new Date(Date.UTC(2026, 11, 31, 12));
  const h = (n: number): Date => new Date(now.getTime() + n * 3600_000);

  it('takes the shortest interval of the overrides in force, per device', () => {
    const m = assuredIntervals(
      [
        { deviceId: 'cpe-1', pollIntervalSec: 10, from: h(-1), until: h(1) },
        { deviceId: 'cpe-1', pollIntervalSec: 5, from: h(-2), until: h(2) },
        { deviceId: 'cpe-2', pollIntervalSec: 10, from: h(1), until: h(2) },
        { deviceId: 'cpe-3', pollIntervalSec: 10, from: h(-2), until: now },
      ],
      now,
    );
    expect([...m]).toEqual([['cpe-1', 5]]);
  });
});
