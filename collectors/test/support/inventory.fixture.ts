import { randomUUID } from 'node:crypto';

import type { NetworkElement } from '@circuitcare/topology';
import { type Db, MongoClient } from 'mongodb';

import { ELEMENTS_COLLECTION } from '../../src/poller/mongo-inventory-target.source';

export const TEST_MONGO_URL = 'mongodb://127.0.0.1:27017/';

export interface InventoryFixture {
  dbName: string;
  db: Db;
  insertElements(elements: Partial<NetworkElement>[]): Promise<void>;
  drop(): Promise<void>;
}

/** A database of its own on FerretDB, holding just the `elements` a test needs. */
export async function createInventory(): Promise<InventoryFixture> {
  const dbName = `cc_collectors_it_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const client = await new MongoClient(TEST_MONGO_URL, { serverSelectionTimeoutMS: 10000 }).connect();
  const db = client.db(dbName);
  return {
    dbName,
    db,
    insertElements: async (elements) => {
      await db.collection<Partial<NetworkElement>>(ELEMENTS_COLLECTION).insertMany(elements);
    },
    drop: async () => {
      await db.dropDatabase();
      await client.close();
    },
  };
}

export function element(id: string, mgmtIp: string, pollIntervalSec: number): Partial<NetworkElement> {
  return { _id: id, name: id, role: 'cpe', vendor: 'test', model: 'test', mgmtIp, siteId: 'site-test', customerId: null, pollIntervalSec };
}
