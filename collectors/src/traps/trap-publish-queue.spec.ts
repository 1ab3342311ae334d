import { TrapPublishQueue } from './trap-publish-queue';

describe('TrapPublishQueue', () => {
  it('publishes everything in order, in batches no larger than batchMax', async () => {
    const batches: number[][] = [];
    const q = new TrapPublishQueue<number>((b) => {
      batches.push(b);
      return Promise.resolve();
    }, { capacity: 1000, lingerMs: 1, batchMax: 7 });
    for (let i = 0; i < 50; i++) q.offer(i);
    await q.drained();
    expect(batches.flat()).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(7);
    expect(q.counters).toMatchObject({ accepted: 50, published: 50, dropped: 0 });
  });

  it('retries a failed batch until it is accepted: nothing lost, nothing reordered', async () => {
    const seen: number[] = [];
    let failures = 3;
    const errors: number[] = [];
    const q = new TrapPublishQueue<number>(
      (b) => {
        if (failures > 0) {
          failures -= 1;
          return Promise.reject(new Error('broker not available'));
        }
        seen.push(...b);
        return Promise.resolve();
      },
      { capacity: 100, lingerMs: 0, batchMax: 4, initialBackoffMs: 1, maxBackoffMs: 2 },
      { onSendError: (_e, attempt) => errors.push(attempt) },
    );
    for (let i = 0; i < 10; i++) q.offer(i);
    await q.drained();
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(errors).toEqual([1, 2, 3]);
  });

  it('drops and counts only what exceeds the bound', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const dropped: number[] = [];
    const q = new TrapPublishQueue<number>(() => gate, { capacity: 5, lingerMs: 0, batchMax: 100 }, { onDrop: (item) => dropped.push(item) });
    for (let i = 0; i < 8; i++) q.offer(i);
    expect(dropped).toEqual([5, 6, 7]);
    expect(q.counters.dropped).toBe(3);
    release();
    await q.drained();
    expect(q.counters.published).toBe(5);
  });
});
