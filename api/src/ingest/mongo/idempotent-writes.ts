import {
  type AnyBulkWriteOperation,
  type Collection,
  type Document,
  MongoBulkWriteError,
  MongoServerError,
  type Filter,
  type OptionalUnlessRequiredId,
  type WithId,
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
  /** bulkWrite round trips (one per command, plus one per duplicate met). */
  roundTrips: number;
}

/**
 * Statements per write command. FerretDB 1.24's PostgreSQL handler keeps one pool
 * connection per update statement that matches a document until the whole command
 * ends (msg_update.go: `defer` inside the statement loop); its pool holds 50, and a
 * command past that waits for itself for ever — and so does every other client.
 * Small commands × the partitions processed at once stay far below the pool.
 */
export const MAX_STATEMENTS_PER_COMMAND = 8;
/** Inserts do not hold connections that way: they go in larger commands. */
export const MAX_INSERTS_PER_COMMAND = 256;

/**
 * bulkWrite in which E11000 means "already applied" and every other error fails,
 * sent as commands of at most MAX_STATEMENTS_PER_COMMAND statements.
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
      const end = Math.min(operations.length, start + commandSize(operations, start));
      await collection.bulkWrite(operations.slice(start, end), { ordered: true });
      start = end;
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

/** Statements for the next command from `start`: a run of inserts together, else a few updates. */
function commandSize<T extends Document>(
  operations: AnyBulkWriteOperation<T>[],
  start: number,
): number {
  let inserts = 0;
  while (
    inserts < MAX_INSERTS_PER_COMMAND &&
    start + inserts < operations.length &&
    'insertOne' in operations[start + inserts]!
  )
    inserts += 1;
  return inserts > 0 ? inserts : MAX_STATEMENTS_PER_COMMAND;
}

/**
 * Inserts documents in order and returns the indexes of those whose _id existed
 * already. Lets a ledger answer "seen before?" by its unique _id instead of a look-up
 * by `$in`, which FerretDB 1.x cannot push down to PostgreSQL (it decodes the whole
 * collection for it, at every call).
 */
export async function insertReportingDuplicates<T extends Document>(
  collection: Collection<T>,
  documents: OptionalUnlessRequiredId<T>[],
): Promise<number[]> {
  const duplicates: number[] = [];
  let start = 0;
  while (start < documents.length) {
    const end = Math.min(documents.length, start + MAX_INSERTS_PER_COMMAND);
    try {
      await collection.insertMany(documents.slice(start, end), { ordered: true });
      start = end;
    } catch (err) {
      if (!(err instanceof MongoBulkWriteError)) throw err;
      const writeErrors = err.writeErrors as WriteError | WriteError[];
      const first = (Array.isArray(writeErrors) ? writeErrors : [writeErrors])[0];
      if (first === undefined || first.code !== 11000) throw err;
      duplicates.push(start + first.index);
      start += first.index + 1;
    }
  }
  return duplicates;
}

/** Below this many ids, look-ups go one by one (pushed down) instead of one `$in`. */
export const ID_LOOKUPS_ONE_BY_ONE = 24;

/**
 * Documents by _id. FerretDB 1.x pushes an equality on _id down to PostgreSQL but not
 * `$in`, for which it reads and decodes the whole collection; so a few ids are fetched
 * one by one, in parallel, and only many ids take the single `$in` scan. Same result
 * on MongoDB, where both use the _id index.
 */
export async function findByIds<T extends Document & { _id: string }>(
  collection: Collection<T>,
  ids: readonly string[],
  projection?: Document,
): Promise<WithId<T>[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const options = projection ? { projection } : {};
  if (unique.length > ID_LOOKUPS_ONE_BY_ONE) {
    return collection.find({ _id: { $in: unique } } as Filter<T>, options).toArray();
  }
  const found: (WithId<T> | null)[] = await Promise.all(
    unique.map((id) => collection.findOne({ _id: id } as Filter<T>, options)),
  );
  return found.filter((d): d is WithId<T> => d !== null);
}
