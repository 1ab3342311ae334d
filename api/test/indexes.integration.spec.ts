import { MongoClient, MongoServerError } from 'mongodb';

import { AlarmsRepository } from '../src/alarms/alarms.repository';
import { CircuitsRepository } from '../src/circuits/circuits.repository';
import { PerformanceRepository } from '../src/performance/performance.repository';
import { UsersRepository } from '../src/users/users.repository';
import { insertAlarm, insertUser } from './support/factories';

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/';

/** Start-up index creation is idempotent, and the unique indexes hold on the real server. */
describe('ensureIndexes', () => {
  const dbName = `api_it_indexes_${process.pid}`;
  const mongo = new MongoClient(MONGO_URL);

  beforeAll(async () => {
    await mongo.connect();
    await mongo.db(dbName).dropDatabase();
  });

  afterAll(async () => {
    await mongo.db(dbName).dropDatabase();
    await mongo.close();
  });

  it('can run again and again, also concurrently (replicas starting and restarting)', async () => {
    const db = mongo.db(dbName);
    const repos = () => [
      new UsersRepository(db),
      new CircuitsRepository(db),
      new AlarmsRepository(db),
      new PerformanceRepository(db),
    ];
    // Several replicas starting at once on an empty database, then restarts.
    await Promise.all([...repos(), ...repos()].map((r) => r.ensureIndexes()));
    for (const repo of repos()) await repo.ensureIndexes();
    await Promise.all([...repos(), ...repos()].map((r) => r.ensureIndexes()));
    const keysOf = async (collection: string) =>
      (await db.collection(collection).listIndexes().toArray()).map(
        (i: { key: unknown; unique?: boolean }) => ({
          key: i.key,
          unique: i.unique === true,
        }),
      );
    expect(await keysOf('users')).toContainEqual({ key: { username: 1 }, unique: true });
    expect(await keysOf('alarms')).toContainEqual({ key: { activeKey: 1 }, unique: true });
    expect(await keysOf('circuits')).toContainEqual({ key: { orgPath: 1 }, unique: false });
    expect(await keysOf('perfBuckets')).toContainEqual({
      key: { deviceId: 1, ifIndex: 1, granularity: 1, start: 1 },
      unique: false,
    });
  });

  it('refuses a second user with the same username', async () => {
    const db = mongo.db(dbName);
    await insertUser(db, 'dup.user', 'noc-operator');
    await expect(
      db.collection('users').insertOne({ _id: 'other-id' as never, username: 'dup.user' }),
    ).rejects.toBeInstanceOf(MongoServerError);
  });

  it('allows one raised alarm per reduction key and any number of cleared ones', async () => {
    const db = mongo.db(dbName);
    await insertAlarm(db, 'old-1', [], [], { state: 'cleared', reductionKey: 'linkDown|pe-1:7' });
    await insertAlarm(db, 'old-2', [], [], { state: 'cleared', reductionKey: 'linkDown|pe-1:7' });
    await insertAlarm(db, 'now', [], [], { reductionKey: 'linkDown|pe-1:7' });
    await expect(
      insertAlarm(db, 'again', [], [], { reductionKey: 'linkDown|pe-1:7' }),
    ).rejects.toBeInstanceOf(MongoServerError);
  });
});
