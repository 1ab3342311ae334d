import { type Db, MongoClient } from 'mongodb';

import { type Circuit } from '@circuitcare/topology';

import { loadDemoConfig } from '../src/config/demo-config';
import { generateDemoNetwork } from '../src/network/demo-network.generator';
import { INVENTORY_COLLECTIONS } from '../src/seed/inventory-collections';
import { seedInventory } from '../src/seed/seed-inventory';

/** The seed writer against the real FerretDB: idempotent, exact, and lossless. */
describe('seedInventory (FerretDB)', () => {
  const dbName = `cc_seed_test_${process.pid}`;
  const inv = generateDemoNetwork({ seed: 2026, sitesPerCustomer: 150 });
  let client: MongoClient;
  let db: Db;

  const counts = async (): Promise<Record<string, number>> => {
    const out: Record<string, number> = {};
    for (const name of Object.values(INVENTORY_COLLECTIONS))
      out[name] = await db.collection(name).countDocuments();
    return out;
  };
  const expected = Object.fromEntries(
    Object.entries(INVENTORY_COLLECTIONS).map(([key, name]) => [
      name,
      inv[key as keyof typeof inv].length,
    ]),
  );

  beforeAll(async () => {
    client = new MongoClient(loadDemoConfig().mongoUrl, { serverSelectionTimeoutMS: 10000 });
    await client.connect();
    db = client.db(dbName);
    await db.dropDatabase();
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('writes the whole inventory', async () => {
    const results = await seedInventory(db, inv);
    expect(results.every((r) => r.inserted === r.documents && r.deleted === 0)).toBe(true);
    expect(await counts()).toEqual(expected);
  });

  it('changes nothing when the same inventory is seeded again', async () => {
    const results = await seedInventory(db, inv);
    expect(results.map((r) => [r.collection, r.inserted, r.replaced, r.deleted])).toEqual(
      results.map((r) => [r.collection, 0, 0, 0]),
    );
    expect(await counts()).toEqual(expected);
  });

  it('converges to another seed and back, deleting what the inventory no longer has', async () => {
    const other = generateDemoNetwork({ seed: 7, sitesPerCustomer: 150 });
    await db
      .collection(INVENTORY_COLLECTIONS.circuits)
      .insertOne({ _id: 'stray-circuit' } as never);
    const results = await seedInventory(db, other);
    expect(
      results.find((r) => r.collection === INVENTORY_COLLECTIONS.circuits)?.deleted,
    ).toBeGreaterThanOrEqual(1);
    expect(await db.collection(INVENTORY_COLLECTIONS.circuits).countDocuments()).toBe(
      other.circuits.length,
    );

    await seedInventory(db, inv);
    expect(await counts()).toEqual(expected);
  });

  it('round-trips a circuit with its route and dates', async () => {
    const sample = inv.circuits.find((c) => c.product === 'vpdn') as Circuit;
    const stored = await db
      .collection<Circuit>(INVENTORY_COLLECTIONS.circuits)
      .findOne({ _id: sample._id });
    expect(stored).toEqual(sample);
    expect(stored?.stateSince).toBeInstanceOf(Date);
  });
});
