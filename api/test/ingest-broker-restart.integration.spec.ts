import { spawnSync } from 'node:child_process';
import path from 'node:path';

import type { Db, MongoClient } from 'mongodb';

import { snmpSampleContract, snmpTrapContract } from '@circuitcare/collectors/contracts';

import { COLLECTIONS } from '../src/database/collections';
import type { AlarmDocument, PerfBucketDocument, PerfRawDocument } from '../src/database/documents';
import type { Ingestion } from '../src/ingest/ingestion';
import {
  KafkaTestClient,
  type SeededNetwork,
  type TestDevice,
  connectMongo,
  eventually,
  sampleAt,
  seedNetwork,
  startTestIngestion,
  trapFrom,
  uniqueMgmtIp,
  uniqueToken,
} from './support/ingest-fixtures';

const SERVICES_SCRIPT = path.resolve(__dirname, '../../scripts/services.sh');

/**
 * The Kafka broker is restarted (scripts/services.sh restart kafka) between two
 * streams of samples and traps: the consumer reconnects and nothing is lost.
 * It restarts the shared local broker, so it is its own file, run last.
 */
describe('ingestion across a Kafka broker restart', () => {
  const token = uniqueToken();
  const kafka = new KafkaTestClient();
  let client: MongoClient;
  let db: Db;
  let ingestion: Ingestion;
  let net: SeededNetwork;

  beforeAll(async () => {
    client = await connectMongo();
    db = client.db(`it_restart_${token}`);
    net = await seedNetwork(db, token);
    ingestion = await startTestIngestion(kafka, db, `it-restart-${token}`);
  });

  afterAll(async () => {
    await ingestion?.stop();
    await kafka.close();
    await db?.dropDatabase();
    await client?.close();
  });

  it('loses nothing produced before and after the restart', async () => {
    const devices: TestDevice[] = Array.from({ length: 5 }, (_, i) => ({
      deviceId: `restart-${token}-${i}`,
      mgmtIp: uniqueMgmtIp(),
    }));
    const STEPS = 81;
    const samples = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, s) =>
        devices.map((d) => sampleAt(d, from + s, [{ ifIndex: 1, inMbps: 20, outMbps: 4 }])),
      ).flat();
    // Other suites may publish samples meanwhile: count only this test's devices.
    const mine = { deviceId: { $in: devices.map((d) => d.deviceId) } };
    const raw = db.collection<PerfRawDocument>(COLLECTIONS.perfRaw);
    const rawCount = (rates: number) => async () =>
      (await raw.countDocuments(mine)) === rates ? true : undefined;

    await kafka.produce(snmpSampleContract, samples(0, 41));
    await kafka.produce(snmpTrapContract, [trapFrom(net.cpe, 'linkDown')]);
    await eventually(
      rawCount(5 * 40),
      async () => `before restart: ${await raw.countDocuments(mine)} of 200`,
    );

    const restart = spawnSync('bash', [SERVICES_SCRIPT, 'restart', 'kafka'], {
      encoding: 'utf8',
      timeout: 120000,
    });
    expect({ status: restart.status, stderr: restart.status === 0 ? '' : restart.stderr }).toEqual({
      status: 0,
      stderr: '',
    });

    await kafka.produce(snmpSampleContract, samples(41, STEPS));
    await kafka.produce(snmpTrapContract, [trapFrom(net.cpe, 'linkUp')]);
    const expected = devices.length * (STEPS - 1);
    await eventually(
      rawCount(expected),
      async () => `after restart: ${await raw.countDocuments(mine)} of ${expected}`,
      150000,
    );
    const alarms = db.collection<AlarmDocument>(COLLECTIONS.alarms);
    await eventually(
      async () =>
        (await alarms.countDocuments({
          reductionKey: `linkDown|${net.cpe.deviceId}:1`,
          state: 'cleared',
        })) === 1
          ? true
          : undefined,
      async () => JSON.stringify(await alarms.find().toArray()),
    );

    const [sum] = await db
      .collection<PerfBucketDocument>(COLLECTIONS.perfBuckets)
      .aggregate<{ total: number }>([
        { $match: { ...mine, granularity: '1h' } },
        { $group: { _id: null, total: { $sum: '$count' } } },
      ])
      .toArray();
    expect(sum?.total).toBe(expected);
    expect(await alarms.findOne({ reductionKey: `linkDown|${net.cpe.deviceId}:1` })).toMatchObject({
      state: 'cleared',
      occurrences: 1,
    });
  }, 400000);
});
