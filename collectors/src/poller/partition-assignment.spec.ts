import { ownedTargets, partitionOfTarget } from './partition-assignment';

const targets = Array.from({ length: 600 }, (_, i) => ({ deviceId: `ne-${i}` }));

describe('partition assignment of targets', () => {
  it('is stable: the same device always lands in the same partition', () => {
    expect(partitionOfTarget('ne-bank-a-cpe-0001', 12)).toBe(partitionOfTarget('ne-bank-a-cpe-0001', 12));
    for (const t of targets) {
      const p = partitionOfTarget(t.deviceId, 12);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(12);
    }
  });

  it('spreads devices over all partitions', () => {
    const counts = new Array<number>(12).fill(0);
    for (const t of targets) counts[partitionOfTarget(t.deviceId, 12)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(20);
    expect(Math.max(...counts)).toBeLessThan(90);
  });

  it('splits the targets of disjoint partition sets disjointly, and a full cover covers all', () => {
    const a = ownedTargets(targets, [0, 2, 4, 6, 8, 10], 12);
    const b = ownedTargets(targets, [1, 3, 5, 7, 9, 11], 12);
    const idsA = new Set(a.map((t) => t.deviceId));
    expect(b.filter((t) => idsA.has(t.deviceId))).toEqual([]);
    expect(a.length + b.length).toBe(targets.length);
  });

  it('owns nothing while no partition is assigned (during a rebalance)', () => {
    expect(ownedTargets(targets, [], 12)).toEqual([]);
  });

  it('rejects a bad partition count', () => {
    expect(() => partitionOfTarget('x', 0)).toThrow(RangeError);
  });
});
