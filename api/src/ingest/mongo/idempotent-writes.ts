import {
  type AnyBulkWriteOperation,
  type Collection,
  type Document,
  MongoBulkWriteError,
  MongoServerError,
  type WriteError,
} from 'mongodb';

/** E11000: in ingestion, always "this write was already applied". */
export function isDuplicateKey(err: unknown): boolean {
  return (
    (err instanceof MongoServerError || err instanceof MongoBulkWriteError) && err.code === 11000
  );
}

export interface TolerantResult {
  /** Operations that hit E11000: already applied before (redelivery). */
  duplicates: number;
  /** bulkWrite round trips (1 unless duplicates were met). */
  roundTrips: number;
}

/**
 * bulkWrite in which E11000 means "already applied" and every other error fails.
 *
 * Ordered on purpose: FerretDB 1.24's update command stops at the first write error
 * even with ordered: false (and reports only that one), so "unordered, classify each
 * error" silently drops the operations after a duplicate there. Ordered behaves the
 * same on both engines: it stops at the first error, we skip that operation and
 * resume after it. Duplicates only occur on redelivery, so the extra round trips are
 * rare.
 */
export async function bulkWriteTolerant<T extends Document>(
  collection: Collection<T>,
  operations: AnyBulkWriteOperation<T>[],
): Promise<TolerantResult> {
  let start = 0;
  let duplicates = 0;
  let roundTrips = 0;
  while (start < operations.length) {
    roundTrips += 1;
    try {
      await collection.bulkWrite(operations.slice(start), { ordered: true });
      return { duplicates, roundTrips };
    } catch (err) {
      if (!(err instanceof MongoBulkWriteError)) throw err;
      const writeErrors = err.writeErrors as WriteError | WriteError[];
      const errors: WriteError[] = Array.isArray(writeErrors) ? writeErrors : [writeErrors];
      const first = errors[0];
      if (first === undefined || first.code !== 11000) throw err;
      duplicates += 1;
      start += first.index + 1;
    }
  }
  return { duplicates, roundTrips };
}
