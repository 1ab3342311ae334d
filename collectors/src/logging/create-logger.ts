import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/** Structured JSON logs on stdout; one logger per process, children per component. */
export function createLogger(name: string, level: string, instanceId: string): Logger {
  return pino({ name, level, base: { instance: instanceId } });
}

/**
 * Logs at most one line per key and period, then says how many were suppressed, so
 * that 400 dead devices or a flood of garbage packets cannot flood the log.
 */
export class RateLimitedLog {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly periodMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns the number of suppressed lines to report, or null if this one must be skipped. */
  admit(key: string): number | null {
    const t = this.now();
    const entry = this.last.get(key);
    if (entry && t - entry.at < this.periodMs) {
      entry.suppressed += 1;
      return null;
    }
    const suppressed = entry?.suppressed ?? 0;
    this.last.set(key, { at: t, suppressed: 0 });
    // Forget stale keys now and then so a churn of sources cannot grow the map forever.
    if (this.last.size > 10000) {
      for (const [k, v] of this.last) if (t - v.at >= this.periodMs) this.last.delete(k);
    }
    return suppressed;
  }
}
