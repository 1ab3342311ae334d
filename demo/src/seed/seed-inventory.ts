import { isDeepStrictEqual } from 'node:util';

import { type AnyBulkWriteOperation, type Db, type Document } from 'mongodb';

import { type NetworkInventory } from '@circuitcare/topology';

import { INVENTORY_COLLECTIONS } from './inventory-collections';

export interface CollectionSeedResult {
  collection: string;
  documents: number;
  inserted: number;
  replaced: number;
  unchanged: number;
  deleted: number;
}

type IdDocument = Document & { _id: string };

/** Documents per insertMany / deleteMany. */
const WRITE_CHUNK = 500;
/**
 * Replacements per `update` command. FerretDB 1.24 (PostgreSQL handler) keeps one pool
 * connection per statement that matches an existing document until the whole command
 * ends (msg_update.go closes each query iterator with a `defer` inside the loop); at 50
 * (its default pool size) the server deadlocks for every client. Small commands stay far
 * below that even with other clients busy.
 */
const REPLACE_CHUNK = 16;

/**
 * Writes the inventory so that the database then holds exactly it: new documents are
 * inserted, changed ones replaced by `_id` (upsert), identical ones left alone, and any
 * document of these collections that is not in the inventory deleted. Re-seeding the
 * same inventory therefore writes nothing. FerretDB 1.x has no transactions, so readers
 * may briefly see a mix of old and new documents while this runs; ids are stable, so a
 * re-seed of the same seed is never mixed.
 */
export async function seedInventory(
  db: Db,
  inv: NetworkInventory,
): Promise<CollectionSeedResult[]> {
  const results: CollectionSeedResult[] = [];
  for (const key of Object.keys(INVENTORY_COLLECTIONS) as (keyof NetworkInventory)[]) {
    results.push(await seedCollection(db, INVENTORY_COLLECTIONS[key], inv[key]));
  }
  return results;
}

async function seedCollection(
  db: Db,
  name: string,
  docs: readonly IdDocument[],
): Promise<CollectionSeedResult> {
  const collection = db.collection<IdDocument>(name);
  const stored = new Map((await collection.find({}).toArray()).map((d) => [d._id, d]));
  const wanted = new Set(docs.map((d) => d._id));

  const toInsert = docs.filter((d) => !stored.has(d._id));
  const toReplace = docs.filter(
    (d) => stored.has(d._id) && !isDeepStrictEqual(stored.get(d._id), d),
  );
  const toDelete = [...stored.keys()].filter((id) => !wanted.has(id));

  for (let i = 0; i < toInsert.length; i += WRITE_CHUNK) {
    await collection.insertMany(toInsert.slice(i, i + WRITE_CHUNK), { ordered: false });
  }
  for (let i = 0; i < toReplace.length; i += REPLACE_CHUNK) {
    const ops: AnyBulkWriteOperation<IdDocument>[] = toReplace
      .slice(i, i + REPLACE_CHUNK)
      .map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } }));
    await collection.bulkWrite(ops, { ordered: false });
  }
  let deleted = 0;
  for (let i = 0; i < toDelete.length; i += WRITE_CHUNK) {
    deleted += (await collection.deleteMany({ _id: { $in: toDelete.slice(i, i + WRITE_CHUNK) } }))
      .deletedCount;
  }
  return {
    collection: name,
    documents: docs.length,
    inserted: toInsert.length,
    replaced: toReplace.length,
    unchanged: docs.length - toInsert.length - toReplace.length,
    deleted,
  };
}
