import { stableHash32 } from './stable-hash';

/** The coordination-topic partition a device belongs to: stableHash32(deviceId) mod count. */
export function partitionOfTarget(deviceId: string, partitionCount: number): number {
  if (!Number.isInteger(partitionCount) || partitionCount < 1) throw new RangeError(`bad partition count ${partitionCount}`);
  return stableHash32(deviceId) % partitionCount;
}

/** The targets a poller owning `partitions` polls. */
export function ownedTargets<T extends { deviceId: string }>(
  targets: readonly T[],
  partitions: readonly number[],
  partitionCount: number,
): T[] {
  if (partitions.length === 0) return [];
  const owned = new Set(partitions);
  return targets.filter((t) => owned.has(partitionOfTarget(t.deviceId, partitionCount)));
}
