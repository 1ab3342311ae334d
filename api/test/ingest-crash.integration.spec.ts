import type { Db, MongoClient } from 'mongodb';

import { snmpSampleContract } from '@circuitcare/collectors/contracts';
import type { NetworkElement } from '@circuitcare/topology';

import { COLLECTIONS } from '../src/database/collections';
import type {
  CounterStateDocument,
  PerfBucketDocument,
  PerfRawDocument,
} from '../src/database/documents';
import {
  KafkaTestClient,
  T0,
  type TestDevice,
  connectMongo,
  eventually,
  sampleAt,
  uniqueMgmtIp,
  uniqueToken,
} from './support/ingest-fixtures';
import { IngestWorkerProcess } from './support/ingest-worker';

/**
 * The built standalone worker is SIGKILLed mid-stream (no disconnect, no commit) and
 * started again: every sample is stored exactly once — no loss, no double count.
 */
describe('ingestion worker killed mid-stream', () => {
  const token = uniqueToken();
  const group = `it-crash-${token}`;
  const kafka = new KafkaTestClient();
  const DEVICES = 10;
  const STEPS = 201; // the first sample of each device is a baseline: 10 × 200 = 2000 rate points
  let client: MongoClient;
  let db: Db;
  let worker: IngestWorkerProcess | null = null;

  beforeAll(async () => {
    client = await connectMongo();
    db = client.db(`it_crash_${token}`);
    await kafka.placeGroupAtEnd(group);
  });

  afterAll(async () => {
    await worker?.stop();
    await kafka.close();
    await db?.dropDatabase();
    await client?.close();
  });

  it('stores every sample exactly once across a SIGKILL and a restart', async () => {
    const devices: TestDevice[] = Array.from({ length: DEVICES }, (_, i) => ({
      deviceId: `crash-${token}-${i}`,
      mgmtIp: uniqueMgmtIp(),
    }));
    await db.collection<NetworkElement>(COLLECTIONS.elements).insertMany(
      devices.map((d) => ({
        _id: d.deviceId,
        name: d.deviceId,
        role: 'cpe' as const,
        vendor: 'Test',
        model: 'T1',
        mgmtIp: d.mgmtIp,
        siteId: 'site',
        customerId: null,
        pollIntervalSec: 60,
      })),
    );
    // In step order, devices interleaved: as a poller publishes them.
    const samples = Array.from({ length: STEPS }, (_, step) =>
      devices.map((d) => sampleAt(d, step, [{ ifIndex: 1, inMbps: 40, outMbps: 8 }])),
    ).flat();
    // Other suites may publish samples meanwhile: count only this test's devices.
    const mine = { deviceId: { $in: devices.map((d) => d.deviceId) } };
    const raw = db.collection<PerfRawDocument>(COLLECTIONS.perfRaw);
    const env = {
      MONGO_DB: db.databaseName,
      KAFKA_INGEST_GROUP: group,
      INGEST_INSTANCE_ID: `crash-${token}`,
      // Small chunks: many commits, so the kill lands between committed and uncommitted work.
      INGEST_CHUNK_SIZE: '20',
      INGEST_PARTITION_CONCURRENCY: '2',
    };

    worker = new IngestWorkerProcess(env);
    worker.start();
    // Produce in slices while the worker consumes; kill it once it is well under way
    // but before production has finished, so the kill is mid-stream by construction.
    const slice = 100;
    let produced = 0;
    let killed = false;
    while (produced < samples.length) {
      await kafka.produce(snmpSampleContract, samples.slice(produced, produced + slice));
      produced += slice;
      if (!killed && (await raw.countDocuments(mine)) >= 300) {
        await worker.kill();
        killed = true;
      } else if (!killed && produced >= samples.length / 2) {
        // Wait for progress so that the kill does not come before any commit.
        await eventually(
          async () => ((await raw.countDocuments(mine)) >= 300 ? true : undefined),
          () => `worker made no progress:\n${worker?.log ?? ''}`,
          90000,
        );
      }
    }
    if (!killed) await worker.kill();
    const storedAtKill = await raw.countDocuments(mine);
    /** Per device, the ranges of steps without a rate point: tells loss from slowness. */
    const missingSteps = async (): Promise<string> => {
      const rows = await raw.find(mine, { projection: { _id: 0, deviceId: 1, t: 1 } }).toArray();
      const seen = new Set(rows.map((r) => `${r.deviceId}|${r.t.getTime()}`));
      return devices
        .map((d) => {
          const gaps: number[] = [];
          for (let step = 1; step < STEPS; step++)
            if (!seen.has(`${d.deviceId}|${T0 + step * 60_000}`)) gaps.push(step);
          return gaps.length
            ? `${d.deviceId.slice(-2)}:${gaps[0]}..${gaps[gaps.length - 1]}(${gaps.length})`
            : '';
        })
        .filter(Boolean)
        .join(' ');
    };

    worker = new IngestWorkerProcess(env);
    worker.start();
    const expected = DEVICES * (STEPS - 1);
    await eventually(
      async () => {
        const states = await db
          .collection<CounterStateDocument>(COLLECTIONS.counterStates)
          .countDocuments({ ...mine, polledAt: new Date(T0 + (STEPS - 1) * 60_000) });
        return states === DEVICES && (await raw.countDocuments(mine)) === expected
          ? true
          : undefined;
      },
      async () =>
        `stored ${await raw.countDocuments(mine)} of ${expected} (at kill: ${storedAtKill}); missing steps: ${await missingSteps()}\n${worker?.log ?? ''}`,
      150000,
    );

    expect(storedAtKill).toBeLessThan(expected);
    expect(await raw.countDocuments(mine)).toBe(expected);
    // No spike and no gap: every point is the constant rate.
    expect(
      await raw.countDocuments({
        ...mine,
        $or: [{ inBps: { $lt: 39.99e6 } }, { inBps: { $gt: 40.01e6 } }],
      }),
    ).toBe(0);
    const buckets = db.collection<PerfBucketDocument>(COLLECTIONS.perfBuckets);
    for (const granularity of ['5m', '1h', '1d'] as const) {
      const [sum] = await buckets
        .aggregate<{ total: number }>([
          { $match: { ...mine, granularity } },
          { $group: { _id: null, total: { $sum: '$count' } } },
        ])
        .toArray();
      expect({ granularity, total: sum?.total }).toEqual({ granularity, total: expected });
    }
    const [inSum] = await buckets
      .aggregate<{ total: number }>([
        { $match: { ...mine, granularity: '1d' } },
        { $group: { _id: null, total: { $sum: '$in.sumBps' } } },
      ])
      .toArray();
    expect(inSum!.total / expected).toBeCloseTo(40e6, 0);
  }, 300000);
});
