import { ConcurrencyLimiter } from './concurrency-limiter';
import { newDeviceState, type DeviceState } from './device-poller';
import { nextDueAt } from './poll-schedule';
import type { PollTarget } from './poll-target.model';

interface Entry {
  target: PollTarget;
  state: DeviceState;
  timer: NodeJS.Timeout | null;
  /** Due and waiting for a slot, or being polled. */
  busy: boolean;
  removed: boolean;
}

export type PollTask = (target: PollTarget, state: DeviceState) => Promise<void>;

/**
 * One timer per target at its hash phase within its interval; a shared concurrency
 * limit. A slow or silent device holds one slot for at most its timeouts and never
 * delays the timers of the others. A target still busy when it comes due again skips
 * that cycle (counted) rather than piling up.
 */
export class PollScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly limiter: ConcurrencyLimiter;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private overruns = 0;

  constructor(
    concurrency: number,
    private readonly task: PollTask,
    private readonly now: () => number = Date.now,
  ) {
    this.limiter = new ConcurrencyLimiter(concurrency);
  }

  /** Adopts a new target set: new ones are scheduled, gone ones dropped, changed ones rescheduled. */
  setTargets(targets: readonly PollTarget[]): void {
    if (this.stopped) return;
    const next = new Map(targets.map((t) => [t.deviceId, t]));
    for (const [id, entry] of this.entries) {
      const t = next.get(id);
      if (!t || t.mgmtIp !== entry.target.mgmtIp || t.intervalSec !== entry.target.intervalSec) this.drop(id, entry);
    }
    for (const [id, t] of next) {
      if (this.entries.has(id)) {
        const entry = this.entries.get(id);
        if (entry) entry.target = t;
        continue;
      }
      const entry: Entry = { target: t, state: newDeviceState(), timer: null, busy: false, removed: false };
      this.entries.set(id, entry);
      this.schedule(entry);
    }
  }

  targetIds(): string[] {
    return [...this.entries.keys()].sort();
  }

  stats(): { targets: number; running: number; queued: number; overruns: number } {
    return { targets: this.entries.size, running: this.limiter.running, queued: this.limiter.queued, overruns: this.overruns };
  }

  /** Stops scheduling and waits for the polls in flight (and their publishes). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const [id, entry] of this.entries) this.drop(id, entry);
    await Promise.allSettled([...this.inFlight]);
  }

  private drop(id: string, entry: Entry): void {
    entry.removed = true;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    this.entries.delete(id);
  }

  private schedule(entry: Entry): void {
    if (entry.removed || this.stopped) return;
    const intervalMs = entry.target.intervalSec * 1000;
    const now = this.now();
    entry.timer = setTimeout(() => this.due(entry), nextDueAt(entry.target.deviceId, intervalMs, now) - now);
  }

  private due(entry: Entry): void {
    entry.timer = null;
    if (entry.removed || this.stopped) return;
    if (entry.busy) {
      this.overruns += 1;
      this.schedule(entry);
      return;
    }
    entry.busy = true;
    this.schedule(entry);
    const run = this.limiter
      .run(async () => {
        if (entry.removed || this.stopped) return;
        await this.task(entry.target, entry.state);
      })
      .catch(() => undefined)
      .finally(() => {
        entry.busy = false;
        this.inFlight.delete(run);
      });
    this.inFlight.add(run);
  }
}
