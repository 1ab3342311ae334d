import { Redis } from 'ioredis';
import type { Db, MongoClient } from 'mongodb';

import { snmpTrapContract } from '@circuitcare/collectors/contracts';

import { COLLECTIONS } from '../src/database/collections';
import type { AlarmDocument } from '../src/database/documents';
import type { ChangeEvent } from '../src/events/change-event';
import {
  RedisChangeEventsWriter,
  changeStreamKey,
  decodeEntry,
  writerConnection,
} from '../src/events/change-events.stream';
import { Ingestion } from '../src/ingest/ingestion';
import {
  KafkaTestClient,
  type SeededNetwork,
  connectMongo,
  eventually,
  seedNetwork,
  silentLogger,
  testIngestConfig,
  trapFrom,
  uniqueToken,
} from './support/ingest-fixtures';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The ingestion's side of live events, on the real broker, FerretDB and Redis: alarms
 * are stamped with org units and published with their circuit changes; with Redis
 * unreachable the ingestion goes on and commits (nothing waits on Redis).
 */
describe('ingestion change events', () => {
  const token = uniqueToken();
  const kafka = new KafkaTestClient();
  let client: MongoClient;
  let db: Db;
  let net: SeededNetwork;
  const redis = new Redis(REDIS_URL);
  const writers: Redis[] = [];
  const ingestions: Ingestion[] = [];

  beforeAll(async () => {
    client = await connectMongo();
    db = client.db(`it_ingest_events_${token}`);
    net = await seedNetwork(db, token);
  });

  afterAll(async () => {
    for (const i of ingestions) await i.stop();
    for (const w of writers) w.disconnect();
    await redis.del(changeStreamKey(db.databaseName));
    await redis.quit();
    await kafka.close();
    await db?.dropDatabase();
    await client?.close();
  });

  async function start(redisUrl: string, group: string): Promise<Ingestion> {
    const connection = writerConnection(redisUrl);
    writers.push(connection);
    const events = new RedisChangeEventsWriter(
      connection,
      changeStreamKey(db.databaseName),
      `it-${group}`,
      silentLogger,
    );
    await kafka.placeGroupAtEnd(group);
    const ingestion = new Ingestion(db, testIngestConfig(group), silentLogger, undefined, events);
    ingestions.push(ingestion);
    await ingestion.start();
    return ingestion;
  }

  async function streamed(): Promise<ChangeEvent[]> {
    const entries = await redis.xrange(changeStreamKey(db.databaseName), '-', '+');
    return entries.flatMap(([id, fields]) => decodeEntry(id, fields) ?? []);
  }

  const alarmOn = (objectId: string) =>
    db
      .collection<AlarmDocument>(COLLECTIONS.alarms)
      .findOne({ 'alarmedObject.id': objectId, state: 'raised' });

  it('stamps org units on the alarm and publishes it with the circuit transitions', async () => {
    const ingestion = await start(REDIS_URL, `it-ingest-events-${token}`);
    await kafka.produce(snmpTrapContract, [trapFrom(net.cpe, 'linkDown', { ifIndex: 1 })]);
    const objectId = `${net.cpe.deviceId}:1`;
    const alarm = await eventually(
      async () => (await alarmOn(objectId)) ?? undefined,
      () => 'no alarm',
    );
    expect(alarm.orgUnitIds).toEqual([`org-${net.customerA}`, `org-${net.customerB}`]);
    const events = await eventually(
      async () => {
        const all = await streamed();
        return all.filter((e) => e.kind === 'circuit').length === 2 ? all : undefined;
      },
      async () => JSON.stringify(await streamed()),
    );
    expect(events.map((e) => `${e.kind}.${e.action} ${e.id}`).sort()).toEqual(
      [
        `alarm.raised ${alarm._id}`,
        `circuit.state ${net.circuitA}`,
        `circuit.state ${net.circuitB}`,
      ].sort(),
    );
    const raised = events.find((e) => e.kind === 'alarm')!;
    expect(raised).toMatchObject({
      customerIds: [net.customerA, net.customerB],
      orgUnitIds: [`org-${net.customerA}`, `org-${net.customerB}`],
      source: `it-it-ingest-events-${token}`,
    });
    expect(raised.data.circuits).toEqual([
      { id: net.circuitA, customerId: net.customerA, orgPath: [`org-${net.customerA}`] },
      { id: net.circuitB, customerId: net.customerB, orgPath: [`org-${net.customerB}`] },
    ]);
    const circuitA = events.find((e) => e.id === net.circuitA)!;
    expect(circuitA).toMatchObject({
      customerIds: [net.customerA],
      orgUnitIds: [`org-${net.customerA}`],
      data: { state: 'down', previousState: 'up', activeAlarmIds: [alarm._id] },
    });
    await ingestion.stop();
  });

  it('keeps ingesting and committing when Redis is unreachable', async () => {
    const before = (await streamed()).length;
    const group = `it-ingest-noredis-${token}`;
    // Nothing listens there: every publish fails at once (no offline queue).
    const ingestion = await start('redis://127.0.0.1:27999', group);
    const admin = kafka.kafka.admin();
    await admin.connect();
    const committed = async () =>
      (
        await admin.fetchOffsets({ groupId: group, topics: [snmpTrapContract.topic] })
      )[0]!.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    const placed = await committed();
    await kafka.produce(snmpTrapContract, [trapFrom(net.pe, 'linkDown', { ifIndex: 5 })]);
    await eventually(
      async () => (await alarmOn(`${net.pe.deviceId}:5`)) ?? undefined,
      () => `no alarm; stats ${JSON.stringify(ingestion.stats)}`,
    );
    // The chunk completed (counted after its writes) and its offset was committed.
    await eventually(
      () => Promise.resolve(ingestion.stats.trapMessages >= 1 ? true : undefined),
      () => JSON.stringify(ingestion.stats),
    );
    try {
      await eventually(
        async () => ((await committed()) > placed ? true : undefined),
        async () => `offsets still ${await committed()} (placed ${placed})`,
      );
    } finally {
      await admin.disconnect();
    }
    expect((await streamed()).length).toBe(before);
  });
});
