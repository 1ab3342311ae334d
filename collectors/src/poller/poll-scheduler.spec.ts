import { PollScheduler } from './poll-scheduler';
import type { PollTarget } from './poll-target.model';

const target = (i: number, intervalSec = 10): PollTarget => ({ deviceId: `ne-${i}`, name: `ne-${i}`, mgmtIp: `127.1.0.${i}`, intervalSec });

describe('PollScheduler', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-22T05:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('polls every target once per interval, spread over it', async () => {
    const fired: { id: string; at: number }[] = [];
    const scheduler = new PollScheduler(8, (t) => {
      fired.push({ id: t.deviceId, at: Date.now() });
      return Promise.resolve();
    });
    scheduler.setTargets(Array.from({ length: 40 }, (_, i) => target(i)));
    await jest.advanceTimersByTimeAsync(10000);
    expect(new Set(fired.map((f) => f.id)).size).toBe(40);
    expect(fired).toHaveLength(40);
    // Spread: not all in the same second.
    expect(new Set(fired.map((f) => Math.floor(f.at / 1000))).size).toBeGreaterThan(5);
    await scheduler.stop();
  });

  it('never runs more than the concurrency limit, and a hung device does not hold up the others', async () => {
    let running = 0;
    let peak = 0;
    const done: string[] = [];
    const scheduler = new PollScheduler(2, async (t) => {
      running += 1;
      peak = Math.max(peak, running);
      // ne-0 hangs for a minute (its timeouts); the others answer in 50 ms.
      await new Promise((r) => setTimeout(r, t.deviceId === 'ne-0' ? 60000 : 50));
      running -= 1;
      done.push(t.deviceId);
    });
    scheduler.setTargets(Array.from({ length: 10 }, (_, i) => target(i, 10)));
    await jest.advanceTimersByTimeAsync(11000);
    expect(peak).toBeLessThanOrEqual(2);
    expect(new Set(done)).toEqual(new Set(Array.from({ length: 9 }, (_, i) => `ne-${i + 1}`)));
    // ne-0 was still busy when it came due again: that cycle is skipped, not queued.
    await jest.advanceTimersByTimeAsync(60000);
    expect(scheduler.stats().overruns).toBeGreaterThan(0);
    // stop() waits for the poll in flight (ne-0 hangs again): let its time pass.
    const stopped = scheduler.stop();
    await jest.advanceTimersByTimeAsync(60000);
    await stopped;
  });

  it('stops polling targets that are removed and starts new ones', async () => {
    const fired: string[] = [];
    const scheduler = new PollScheduler(4, (t) => {
      fired.push(t.deviceId);
      return Promise.resolve();
    });
    scheduler.setTargets([target(1), target(2)]);
    scheduler.setTargets([target(2), target(3)]);
    expect(scheduler.targetIds()).toEqual(['ne-2', 'ne-3']);
    await jest.advanceTimersByTimeAsync(20000);
    expect(fired).not.toContain('ne-1');
    expect(fired.filter((id) => id === 'ne-3')).toHaveLength(2);
    await scheduler.stop();
    fired.length = 0;
    await jest.advanceTimersByTimeAsync(20000);
    expect(fired).toEqual([]);
  });
});
