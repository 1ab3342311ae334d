import type { Db } from 'mongodb';
import type { Logger } from 'pino';

import { COLLECTIONS } from '../../database/collections';

export interface RetentionPeriods {
  rawRetentionDays: number;
  bucket5mRetentionDays: number;
  bucket1hRetentionDays: number;
  rejectRetentionDays: number;
  retentionIntervalSec: number;
}

const DAY_MS = 86_400_000;

/**
 * Retention by a scheduled job, since FerretDB 1.x has no TTL indexes. Each run is a
 * few indexed deleteMany calls: idempotent, and harmless when several replicas run
 * it at once (no leader election needed). Day buckets are kept.
 */
export class PerfRetentionService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly periods: RetentionPeriods,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.periods.retentionIntervalSec * 1000);
    this.timer.unref();
    void this.runOnce();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; overlapping calls share the pass in flight. Never throws (logged). */
  runOnce(now: Date = new Date()): Promise<void> {
    if (this.running) return this.running;
    this.running = this.purge(now)
      .catch((err: unknown) =>
        this.logger.error({ err }, 'retention pass failed; next pass retries'),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async purge(now: Date): Promise<void> {
    const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const raw = await this.db
      .collection(COLLECTIONS.perfRaw)
      .deleteMany({ t: { $lt: before(this.periods.rawRetentionDays) } });
    const b5m = await this.db.collection(COLLECTIONS.perfBuckets).deleteMany({
      granularity: '5m',
      start: { $lt: before(this.periods.bucket5mRetentionDays) },
    });
    const b1h = await this.db.collection(COLLECTIONS.perfBuckets).deleteMany({
      granularity: '1h',
      start: { $lt: before(this.periods.bucket1hRetentionDays) },
    });
    const ledger = await this.db
      .collection(COLLECTIONS.ingestedTraps)
      .deleteMany({ ingestedAt: { $lt: before(this.periods.rawRetentionDays) } });
    const rejects = await this.db
      .collection(COLLECTIONS.ingestRejects)
      .deleteMany({ rejectedAt: { $lt: before(this.periods.rejectRetentionDays) } });
    this.logger.info(
      {
        raw: raw.deletedCount,
        buckets5m: b5m.deletedCount,
        buckets1h: b1h.deletedCount,
        trapLedger: ledger.deletedCount,
        rejects: rejects.deletedCount,
      },
      'retention pass done',
    );
  }
}
