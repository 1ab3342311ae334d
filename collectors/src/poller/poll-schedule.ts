import { stableHash32 } from './stable-hash';

/**
 * Where in its interval a target is polled: a fixed offset from a hash of its id, so
 * that 400 targets with a 60 s interval spread over the minute instead of firing
 * together, and so that any poller that takes the target over keeps the same rhythm.
 */
export function phaseOffsetMs(deviceId: string, intervalMs: number): number {
  return stableHash32(`phase:${deviceId}`) % intervalMs;
}

/** The first instant strictly after `now` that is `phase` past a multiple of the interval. */
export function nextDueAt(deviceId: string, intervalMs: number, now: number): number {
  const phase = phaseOffsetMs(deviceId, intervalMs);
  const due = phase + Math.floor((now - phase) / intervalMs) * intervalMs;
  return due > now ? due : due + intervalMs;
}
