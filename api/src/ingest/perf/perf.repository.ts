import { type AnyBulkWriteOperation, type Db, Double } from 'mongodb';

import { COLLECTIONS } from '../../database/collections';
import type {
  CounterStateDocument,
  PerfBucketDocument,
  PerfRawDocument,
} from '../../database/documents';
import { bulkWriteTolerant, findByIds } from '../mongo/idempotent-writes';
import { GRANULARITIES, type RatePoint, bucketUpsert, rawDocument } from './perf-buckets';

/**
 * $inc operands as BSON doubles. The driver sends integral numbers as int32, and
 * FerretDB 1.24 wraps an int32 field around on overflow where MongoDB promotes it to
 * int64: an hour bucket of a 40 Mbit/s link passes 2^31 in sumBps within the hour.
 */
function asDoubles(inc: Record<string, unknown>): Record<string, Double> {
  return Object.fromEntries(Object.entries(inc).map(([k, v]) => [k, new Double(Number(v))]));
}

/** Writes of the performance pipeline; every one of them is idempotent. */
export class PerfRepository {
  constructor(private readonly db: Db) {}

  private get raw() {
    return this.db.collection<PerfRawDocument>(COLLECTIONS.perfRaw);
  }

  private get buckets() {
    return this.db.collection<PerfBucketDocument>(COLLECTIONS.perfBuckets);
  }

  private get states() {
    return this.db.collection<CounterStateDocument>(COLLECTIONS.counterStates);
  }

  async loadStates(keys: readonly string[]): Promise<Map<string, CounterStateDocument>> {
    if (keys.length === 0) return new Map();
    const docs = await findByIds(this.states, keys);
    return new Map(docs.map((d) => [d._id, d]));
  }

  /**
   * Raw points (insert: a duplicate _id is a redelivery) and the 5m/1h/1d bucket
   * upserts guarded by lastSampleAt. At most one point per interface per call.
   * Returns the number of writes found already applied.
   */
  async writePoints(points: readonly RatePoint[]): Promise<number> {
    if (points.length === 0) return 0;
    const raw = await bulkWriteTolerant(
      this.raw,
      points.map((p): AnyBulkWriteOperation<PerfRawDocument> => ({
        insertOne: { document: rawDocument(p) },
      })),
    );
    const bucketOps: AnyBulkWriteOperation<PerfBucketDocument>[] = [];
    for (const point of points) {
      for (const granularity of GRANULARITIES) {
        const { filter, update } = bucketUpsert(point, granularity);
        bucketOps.push({
          updateOne: {
            filter,
            update: { ...update, $inc: asDoubles(update.$inc ?? {}) },
            upsert: true,
          },
        });
      }
    }
    const buckets = await bulkWriteTolerant(this.buckets, bucketOps);
    return raw.duplicates + buckets.duplicates;
  }

  /** Counter states, last: the mark that a sample is fully applied. Guarded by polledAt. */
  async writeStates(states: readonly CounterStateDocument[]): Promise<number> {
    if (states.length === 0) return 0;
    const ops = states.map((s): AnyBulkWriteOperation<CounterStateDocument> => {
      const { _id, ...fields } = s;
      return {
        updateOne: {
          filter: { _id, polledAt: { $lt: s.polledAt } },
          update: { $set: fields },
          upsert: true,
        },
      };
    });
    return (await bulkWriteTolerant(this.states, ops)).duplicates;
  }
}
