import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection, Db } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import { withCircuitScope } from '../circuits/circuit-scope.filter';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type {
  CircuitDocument,
  Granularity,
  PerfBucketDocument,
  PerfRawDocument,
} from '../database/documents';
import type { SeriesSource } from './granularity-choice';

export type CircuitSeries =
  | {
      circuit: Pick<CircuitDocument, '_id' | 'aEnd' | 'bandwidthBps' | 'customerId'>;
      source: 'raw';
      raw: PerfRawDocument[];
    }
  | {
      circuit: Pick<CircuitDocument, '_id' | 'aEnd' | 'bandwidthBps' | 'customerId'>;
      source: Granularity;
      buckets: PerfBucketDocument[];
    };

/**
 * Performance series of a circuit. The only entry point takes the caller's scope and
 * the circuit id: perf documents carry no tenant, so the circuit read is the guard.
 */
@Injectable()
export class PerformanceRepository implements OnModuleInit {
  private readonly circuits: Collection<CircuitDocument>;
  private readonly raw: Collection<PerfRawDocument>;
  private readonly buckets: Collection<PerfBucketDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.circuits = db.collection<CircuitDocument>(COLLECTIONS.circuits);
    this.raw = db.collection<PerfRawDocument>(COLLECTIONS.perfRaw);
    this.buckets = db.collection<PerfBucketDocument>(COLLECTIONS.perfBuckets);
  }

  async onModuleInit(): Promise<void> {
    await this.ensureIndexes();
  }

  /** Idempotent; range reads of one interface are the only access pattern. */
  async ensureIndexes(): Promise<void> {
    await this.raw.createIndex({ deviceId: 1, ifIndex: 1, t: 1 });
    await this.buckets.createIndex({ deviceId: 1, ifIndex: 1, granularity: 1, start: 1 });
  }

  /** Null when the circuit does not exist or lies outside the scope. */
  async seriesForCircuit(
    scope: AccessScope,
    circuitId: string,
    source: SeriesSource,
    from: Date,
    to: Date,
  ): Promise<CircuitSeries | null> {
    const circuit = await this.circuits.findOne(withCircuitScope(scope, { _id: circuitId }), {
      projection: { aEnd: 1, bandwidthBps: 1, customerId: 1 },
    });
    if (!circuit) {
      return null;
    }
    const { deviceId, ifIndex } = circuit.aEnd;
    if (source === 'raw') {
      const raw = await this.raw
        .find({ deviceId, ifIndex, t: { $gte: from, $lt: to } })
        .sort({ t: 1 })
        .toArray();
      return { circuit, source, raw };
    }
    const buckets = await this.buckets
      .find({ deviceId, ifIndex, granularity: source, start: { $gte: from, $lt: to } })
      .sort({ start: 1 })
      .toArray();
    return { circuit, source, buckets };
  }
}
