import type { Collection, CreateIndexesOptions, Document, IndexSpecification } from 'mongodb';

export interface IndexDefinition {
  key: IndexSpecification;
  options?: CreateIndexesOptions;
}

/**
 * Creates indexes one `createIndex` at a time, idempotently, with default names (so an
 * identical definition made elsewhere, e.g. by the ingestion, is the same index).
 * Not one `createIndexes` batch: FerretDB 1.24 drops the connection (a server panic,
 * "slice bounds out of range") when a multi-index `createIndexes` finds every index
 * already present, which is every restart after the first.
 */
export async function ensureIndexes<T extends Document>(
  collection: Collection<T>,
  definitions: readonly IndexDefinition[],
): Promise<void> {
  for (const { key, options } of definitions) {
    await collection.createIndex(key, options ?? {});
  }
}
