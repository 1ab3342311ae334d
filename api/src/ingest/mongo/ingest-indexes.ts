import { type Db, type IndexSpecification, MongoServerError } from 'mongodb';
import type { Logger } from 'pino';

import { COLLECTIONS } from '../../database/collections';

interface IndexNeed {
  collection: string;
  key: IndexSpecification;
  unique?: boolean;
}

/** Indexes the ingestion relies on (FerretDB 1.x: plain and unique only; no TTL, partial or sparse). */
export const INGEST_INDEXES: readonly IndexNeed[] = [
  // One raised alarm per reductionKey: correctness depends on it (see AlarmDocument.activeKey).
  { collection: COLLECTIONS.alarms, key: { activeKey: 1 }, unique: true },
  { collection: COLLECTIONS.alarms, key: { reductionKey: 1 } },
  { collection: COLLECTIONS.alarms, key: { correlationKeys: 1 } },
  { collection: COLLECTIONS.elements, key: { mgmtIp: 1 } },
  { collection: COLLECTIONS.circuits, key: { routeLinkIds: 1 } },
  { collection: COLLECTIONS.circuits, key: { routeDeviceIds: 1 } },
  { collection: COLLECTIONS.perfRaw, key: { t: 1 } },
  { collection: COLLECTIONS.perfBuckets, key: { granularity: 1, start: 1 } },
  { collection: COLLECTIONS.ingestRejects, key: { rejectedAt: 1 } },
  { collection: COLLECTIONS.ingestedTraps, key: { ingestedAt: 1 } },
];

/** Every collection the ingestion writes: created up front, never implicitly under load. */
export const INGEST_COLLECTIONS: readonly string[] = [
  COLLECTIONS.alarms,
  COLLECTIONS.circuits,
  COLLECTIONS.counterStates,
  COLLECTIONS.perfRaw,
  COLLECTIONS.perfBuckets,
  COLLECTIONS.ingestRejects,
  COLLECTIONS.ingestedTraps,
];

/** NamespaceExists: created meanwhile by someone else. */
const NAMESPACE_EXISTS = 48;

/** IndexOptionsConflict / IndexKeySpecsConflict: an equivalent index exists under other options or name. */
const CONFLICT_CODES = new Set([85, 86]);

/**
 * Creates the ingestion's collections and indexes, idempotently. The HTTP side creates its own at
 * start-up too; when it already made one on the same keys (another name or
 * uniqueness), that one is kept and we only check the one uniqueness we rely on.
 */
export async function ensureIngestIndexes(db: Db, logger: Logger): Promise<void> {
  // Created here rather than implicitly by the first writes of concurrent partitions:
  // schema changes under load are where FerretDB 1.x is weakest.
  const existing = new Set(
    (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name),
  );
  for (const name of INGEST_COLLECTIONS) {
    if (existing.has(name)) continue;
    try {
      await db.createCollection(name);
    } catch (err) {
      if (!(err instanceof MongoServerError && err.code === NAMESPACE_EXISTS)) throw err;
    }
  }
  for (const need of INGEST_INDEXES) {
    const collection = db.collection(need.collection);
    try {
      await collection.createIndex(need.key, need.unique ? { unique: true } : {});
    } catch (err) {
      if (!(
        err instanceof MongoServerError &&
        typeof err.code === 'number' &&
        CONFLICT_CODES.has(err.code)
      ))
        throw err;
      logger.info(
        { collection: need.collection, key: need.key },
        'an equivalent index already exists; kept',
      );
      if (need.unique) {
        const indexes = (await collection.listIndexes().toArray()) as Array<{
          key: object;
          unique?: boolean;
        }>;
        const wanted = JSON.stringify(need.key);
        if (!indexes.some((i) => JSON.stringify(i.key) === wanted && i.unique === true)) {
          throw new Error(
            `${need.collection} needs a unique index on ${wanted}; a non-unique one exists`,
          );
        }
      }
    }
  }
}
