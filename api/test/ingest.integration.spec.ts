import type { Db, MongoClient } from 'mongodb';

import { snmpSampleContract, snmpTrapContract } from '@circuitcare/collectors/contracts';

import { COLLECTIONS } from '../src/database/collections';
import type {
  AlarmDocument,
  CircuitDocument,
  CounterStateDocument,
  IngestRejectDocument,
  PerfBucketDocument,
  PerfRawDocument,
} from '../src/database/documents';
import type { Ingestion } from '../src/ingest/ingestion';
import { percentileFromHistogram } from '../src/ingest/perf-histogram';
import {
  KafkaTestClient,
  type SeededNetwork,
  T0,
  type TestDevice,
  connectMongo,
  eventually,
  sampleAt,
  seedNetwork,
  startTestIngestion,
  trapFrom,
  uniqueToken,
} from './support/ingest-fixtures';

/**
 * Kafka → MongoDB ingestion against the real broker and FerretDB: samples to rates,
 * buckets and poll alarms; traps to alarms and circuit state; redelivery changes
 * nothing; poison messages are kept and skipped.
 */
/** Times relative to T0 (yesterday 10:00 UTC): inside every retention period, whatever the day. */
const HOUR = 3_600_000;

describe('ingestion (Kafka → MongoDB)', () => {
  const token = uniqueToken();
  const kafka = new KafkaTestClient();
  let client: MongoClient;
  let db: Db;
  let ingestion: Ingestion;
  let net: SeededNetwork;

  beforeAll(async () => {
    client = await connectMongo();
    db = client.db(`it_ingest_${token}`);
    net = await seedNetwork(db, token);
    ingestion = await startTestIngestion(kafka, db, `it-ingest-${token}`);
  });

  afterAll(async () => {
    await ingestion?.stop();
    await kafka.close();
    await db?.dropDatabase();
    await client?.close();
  });

  const raw = () => db.collection<PerfRawDocument>(COLLECTIONS.perfRaw);
  const buckets = () => db.collection<PerfBucketDocument>(COLLECTIONS.perfBuckets);
  const alarms = () => db.collection<AlarmDocument>(COLLECTIONS.alarms);
  const circuits = () => db.collection<CircuitDocument>(COLLECTIONS.circuits);

  // Other suites may publish to the same topics meanwhile: this suite waits for and
  // compares only its own devices' data. A sentinel sent after a batch, on the same
  // key (so the same partition, behind the batch), tells when the batch was handled.
  const SENTINEL_IF = 99;
  const SENTINEL_OID = '1.3.6.1.4.1.99999.1';
  let sentinelStep = 0;

  /** Waits until every sample published so far for `device` has been handled. */
  async function samplesHandled(device: TestDevice): Promise<void> {
    sentinelStep += 1;
    const t0 = T0 + 13 * HOUR;
    await kafka.produce(snmpSampleContract, [
      sampleAt(device, sentinelStep, [{ ifIndex: SENTINEL_IF, inMbps: 0, outMbps: 0 }], { t0 }),
    ]);
    const states = db.collection<CounterStateDocument>(COLLECTIONS.counterStates);
    await eventually(
      async () => {
        const state = await states.findOne({ _id: `${device.deviceId}:${SENTINEL_IF}` });
        return state?.polledAt.getTime() === t0 + sentinelStep * 60_000 ? true : undefined;
      },
      () => `sentinel sample ${sentinelStep} of ${device.deviceId} not handled`,
    );
  }

  /** Waits until every trap published so far from `device` has been handled. */
  async function trapsHandled(device: TestDevice): Promise<void> {
    const key = `unknownTrap|${device.deviceId}|${SENTINEL_OID}`;
    const before = (await alarms().findOne({ reductionKey: key }))?.occurrences ?? 0;
    await kafka.produce(snmpTrapContract, [trapFrom(device, { oid: SENTINEL_OID })]);
    await eventually(
      async () =>
        (await alarms().findOne({ reductionKey: key }))?.occurrences === before + 1
          ? true
          : undefined,
      () => `sentinel trap of ${device.deviceId} not handled`,
    );
  }

  async function snapshot(): Promise<unknown> {
    const devices = { $in: [net.cpe.deviceId, net.pe.deviceId] };
    const perf = async (name: string) =>
      (
        await db
          .collection<{ ifIndex: number }>(name)
          .find({ deviceId: devices })
          .sort({ _id: 1 })
          .toArray()
      ).filter((d) => d.ifIndex !== SENTINEL_IF);
    return {
      raw: await perf(COLLECTIONS.perfRaw),
      buckets: await perf(COLLECTIONS.perfBuckets),
      states: await perf(COLLECTIONS.counterStates),
      alarms: (
        await alarms().find({ 'alarmedObject.deviceId': devices }).sort({ _id: 1 }).toArray()
      ).filter((a) => a.specificProblem !== SENTINEL_OID),
      circuits: await circuits()
        .find({ _id: { $in: [net.circuitA, net.circuitB] } })
        .sort({ _id: 1 })
        .toArray(),
    };
  }

  it('turns samples into rates, raw points and 5m/1h/1d buckets', async () => {
    const profile = [
      { ifIndex: 1, inMbps: 50, outMbps: 10 },
      { ifIndex: 2, inMbps: 1, outMbps: 2, errorsPerStep: 6 },
    ];
    const samples = [0, 1, 2, 3, 4, 5, 6].map((s) => sampleAt(net.cpe, s, profile));
    await kafka.produce(snmpSampleContract, samples);
    await samplesHandled(net.cpe);

    const points = await raw()
      .find({ deviceId: net.cpe.deviceId, ifIndex: 1 })
      .sort({ t: 1 })
      .toArray();
    expect(points).toHaveLength(6); // the first sample is the baseline
    for (const p of points) {
      expect(p.inBps).toBeCloseTo(50e6, 3);
      expect(p.outBps).toBeCloseTo(10e6, 3);
      expect(p.inUtil).toBeCloseTo(0.5, 6);
      expect(p.intervalSec).toBe(60);
      expect(p.speedBps).toBe(100e6);
    }
    const errs = await raw().findOne({
      _id: `${net.cpe.deviceId}:2|${new Date(T0 + 60_000).toISOString()}`,
    });
    expect(errs?.inErrorsPerSec).toBeCloseTo(0.1, 9);

    // 10:01 … 10:06: 10:01–10:04 in the 10:00 bucket, 10:05–10:06 in the 10:05 one.
    const fiveMin = await buckets()
      .find({ deviceId: net.cpe.deviceId, ifIndex: 1, granularity: '5m' })
      .sort({ start: 1 })
      .toArray();
    expect(fiveMin.map((b) => [b.start.toISOString(), b.count])).toEqual([
      [new Date(T0).toISOString(), 4],
      [new Date(T0 + 5 * 60_000).toISOString(), 2],
    ]);
    const hour = await buckets().findOne({
      _id: `${net.cpe.deviceId}:1|1h|${new Date(T0).toISOString()}`,
    });
    expect(hour).toMatchObject({
      count: 6,
      granularity: '1h',
      ifIndex: 1,
      deviceId: net.cpe.deviceId,
    });
    expect(hour!.in.sumBps / hour!.count).toBeCloseTo(50e6, 0);
    expect(hour!.in.maxBps).toBeCloseTo(50e6, 0);
    const p95 = percentileFromHistogram(hour!.in.hist, 0.95)!;
    expect(Math.abs(p95 - 50e6) / 50e6).toBeLessThan(0.05);
    const day = await buckets().findOne({
      _id: `${net.cpe.deviceId}:2|1d|${new Date(T0 - 10 * HOUR).toISOString()}`,
    });
    expect(day).toMatchObject({ count: 6, errorsSum: 36 });

    const state = await db
      .collection<CounterStateDocument>(COLLECTIONS.counterStates)
      .findOne({ _id: `${net.cpe.deviceId}:1` });
    expect(state?.polledAt).toEqual(new Date(T0 + 6 * 60_000));
  });

  it('re-produced samples change nothing', async () => {
    const profile = [
      { ifIndex: 1, inMbps: 50, outMbps: 10 },
      { ifIndex: 2, inMbps: 1, outMbps: 2, errorsPerStep: 6 },
    ];
    const before = await snapshot();
    const samples = [0, 1, 2, 3, 4, 5, 6].map((s) => sampleAt(net.cpe, s, profile));
    await kafka.produce(snmpSampleContract, samples);
    await samplesHandled(net.cpe);
    expect(await snapshot()).toEqual(before);
  });

  it('raises, deduplicates and clears linkDown from traps and maps it to circuits and customers', async () => {
    const t = T0 + 1 * HOUR;
    await kafka.produce(snmpTrapContract, [
      trapFrom(net.cpe, 'linkDown', { at: t, snmpVersion: 'v1' }),
    ]);
    await trapsHandled(net.cpe);

    const raised = await alarms().findOne({ reductionKey: `linkDown|${net.cpe.deviceId}:1` });
    expect(raised).toMatchObject({
      state: 'raised',
      activeKey: `linkDown|${net.cpe.deviceId}:1`,
      perceivedSeverity: 'major',
      probableCause: 'linkDown',
      alarmType: 'communicationsAlarm',
      ackState: 'unacknowledged',
      alarmedObject: {
        id: `${net.cpe.deviceId}:1`,
        type: 'interface',
        deviceId: net.cpe.deviceId,
        ifIndex: 1,
      },
      affectedCircuitIds: [net.circuitA, net.circuitB].sort(),
      customerIds: [net.customerA, net.customerB].sort(),
      serviceAffecting: true,
      occurrences: 1,
      sourceSystemId: 'trap',
      alarmRaisedTime: new Date(t),
      alarmClearedTime: null,
    });
    for (const id of [net.circuitA, net.circuitB]) {
      expect(await circuits().findOne({ _id: id })).toMatchObject({
        state: 'down',
        stateSince: new Date(t),
        activeAlarmIds: [raised!._id],
      });
    }

    await kafka.produce(snmpTrapContract, [trapFrom(net.cpe, 'linkDown', { at: t + 5000 })]);
    await trapsHandled(net.cpe);
    expect(await alarms().findOne({ _id: raised!._id })).toMatchObject({
      occurrences: 2,
      alarmChangedTime: new Date(t + 5000),
      state: 'raised',
    });

    await kafka.produce(snmpTrapContract, [trapFrom(net.cpe, 'linkUp', { at: t + 60_000 })]);
    await trapsHandled(net.cpe);
    expect(await alarms().findOne({ _id: raised!._id })).toMatchObject({
      state: 'cleared',
      perceivedSeverity: 'cleared',
      activeKey: `linkDown|${net.cpe.deviceId}:1#cleared#${raised!._id}`,
      alarmClearedTime: new Date(t + 60_000),
    });
    expect(await circuits().findOne({ _id: net.circuitA })).toMatchObject({
      state: 'up',
      stateSince: new Date(t + 60_000),
      activeAlarmIds: [],
    });

    // A new raise after the clear opens a new alarm.
    await kafka.produce(snmpTrapContract, [trapFrom(net.cpe, 'linkDown', { at: t + 120_000 })]);
    await trapsHandled(net.cpe);
    const all = await alarms()
      .find({ reductionKey: `linkDown|${net.cpe.deviceId}:1` })
      .toArray();
    expect(all.map((a) => a.state).sort()).toEqual(['cleared', 'raised']);
    expect(await alarms().countDocuments({ activeKey: `linkDown|${net.cpe.deviceId}:1` })).toBe(1);
  });

  it('keeps coldStart, unknown traps and unknown senders as alarms', async () => {
    const stranger = { deviceId: 'nobody', mgmtIp: '127.254.0.9' };
    const traps = [
      trapFrom(net.pe, 'coldStart'),
      trapFrom(net.pe, { oid: '1.3.6.1.4.1.9999.0.7' }),
      trapFrom(net.pe, { oid: '1.3.6.1.4.1.9999.0.7' }),
      trapFrom(
        { ...stranger, mgmtIp: `127.254.${Math.floor(Math.random() * 250)}.9` },
        'linkDown',
        { ifIndex: 3 },
      ),
    ];
    await kafka.produce(snmpTrapContract, traps);
    await trapsHandled(net.pe);

    expect(await alarms().findOne({ reductionKey: `coldStart|${net.pe.deviceId}` })).toMatchObject({
      state: 'cleared',
      alarmType: 'equipmentAlarm',
      perceivedSeverity: 'warning',
      serviceAffecting: false,
      affectedCircuitIds: [net.circuitA, net.circuitB].sort(),
    });
    expect(
      await alarms().findOne({
        reductionKey: `unknownTrap|${net.pe.deviceId}|1.3.6.1.4.1.9999.0.7`,
      }),
    ).toMatchObject({
      state: 'raised',
      perceivedSeverity: 'indeterminate',
      specificProblem: '1.3.6.1.4.1.9999.0.7',
      occurrences: 2,
    });
    // The stranger's key may be on another partition: wait for its own alarm.
    const unmanaged = await eventually(
      async () =>
        (await alarms().findOne({
          reductionKey: `linkDown|unmanaged:${traps[3]!.agentAddress}:3`,
        })) ?? undefined,
      () => 'no alarm for the unmanaged sender',
    );
    expect(unmanaged).toMatchObject({ state: 'raised', customerIds: [], affectedCircuitIds: [] });
  });

  it('re-produced traps change nothing', async () => {
    const t = T0 + 2 * HOUR;
    const traps = [
      trapFrom(net.pe, 'linkDown', { ifIndex: 5, at: t }),
      trapFrom(net.pe, 'linkDown', { ifIndex: 5, at: t + 1000 }),
      trapFrom(net.pe, 'linkUp', { ifIndex: 5, at: t + 2000 }),
      trapFrom(net.pe, 'coldStart', { at: t + 3000 }),
    ];
    await kafka.produce(snmpTrapContract, traps);
    await trapsHandled(net.pe);
    const before = await snapshot();
    await kafka.produce(snmpTrapContract, traps);
    await trapsHandled(net.pe);
    expect(await snapshot()).toEqual(before);
  });

  it('raises linkDown from polling when the trap was lost, and congestion on high utilisation', async () => {
    const t0 = T0 + 4 * HOUR;
    const steps = [
      { inMbps: 10, outMbps: 10 }, // baseline
      { inMbps: 10, outMbps: 10 },
      { inMbps: 0, outMbps: 0, operStatus: 2 }, // down, no trap
      { inMbps: 10, outMbps: 10 }, // up again
      { inMbps: 95, outMbps: 10 }, // congestion
      { inMbps: 85, outMbps: 10 }, // hysteresis: stays
      { inMbps: 50, outMbps: 10 }, // clears
    ];
    let octetsIn = 0n;
    let octetsOut = 0n;
    const samples = steps.map((s, i) => {
      octetsIn += BigInt(s.inMbps * 1e6 * 60) / 8n;
      octetsOut += BigInt(s.outMbps * 1e6 * 60) / 8n;
      const sample = sampleAt(
        net.cpe,
        i,
        [{ ifIndex: 1, inMbps: 0, outMbps: 0, operStatus: s.operStatus }],
        { t0 },
      );
      sample.interfaces[0]!.inOctets = octetsIn.toString();
      sample.interfaces[0]!.outOctets = octetsOut.toString();
      return sample;
    });

    await kafka.produce(snmpSampleContract, samples.slice(0, 3));
    await samplesHandled(net.cpe);
    const linkDown = await alarms().findOne({ activeKey: `linkDown|${net.cpe.deviceId}:1` });
    // The trap test left a raised linkDown on this key: polling folds into it.
    expect(linkDown).toMatchObject({ state: 'raised', sourceSystemId: 'poll' });
    expect(await circuits().findOne({ _id: net.circuitA })).toMatchObject({ state: 'down' });

    await kafka.produce(snmpSampleContract, samples.slice(3, 5));
    await samplesHandled(net.cpe);
    expect(await alarms().findOne({ _id: linkDown!._id })).toMatchObject({ state: 'cleared' });
    const congestion = await alarms().findOne({ activeKey: `congestion|${net.cpe.deviceId}:1` });
    expect(congestion).toMatchObject({
      state: 'raised',
      perceivedSeverity: 'minor',
      alarmType: 'qualityOfServiceAlarm',
      sourceSystemId: 'poll',
    });
    const circuitA = await circuits().findOne({ _id: net.circuitA });
    expect(circuitA).toMatchObject({
      state: 'degraded',
      activeAlarmIds: [congestion!._id],
      stateSince: new Date(t0 + 4 * 60_000),
    });

    await kafka.produce(snmpSampleContract, samples.slice(5));
    await samplesHandled(net.cpe);
    expect(await alarms().findOne({ _id: congestion!._id })).toMatchObject({
      state: 'cleared',
      alarmClearedTime: new Date(t0 + 6 * 60_000),
    });
    expect(await circuits().findOne({ _id: net.circuitA })).toMatchObject({
      state: 'up',
      activeAlarmIds: [],
    });
  });

  it('keeps a poison message in ingestRejects and goes on with the partition', async () => {
    const key = net.cpe.deviceId;
    await kafka.produceRaw(
      snmpSampleContract.topic,
      key,
      JSON.stringify({ v: 1, deviceId: key, interfaces: 'nope' }),
    );
    await kafka.produceRaw(snmpSampleContract.topic, key, 'not json at all');
    const valid = sampleAt(net.cpe, 0, [{ ifIndex: 2, inMbps: 1, outMbps: 1 }], {
      t0: T0 + 12 * HOUR,
    });
    await kafka.produce(snmpSampleContract, [valid]);
    await samplesHandled(net.cpe);
    expect(ingestion.stats.rejected).toBeGreaterThanOrEqual(2);
    const rejects = await db
      .collection<IngestRejectDocument>(COLLECTIONS.ingestRejects)
      .find({ key })
      .sort({ offset: 1 })
      .toArray();
    expect(rejects).toHaveLength(2);
    expect(rejects[0]).toMatchObject({ topic: snmpSampleContract.topic, source: key });
    expect(rejects[0]!.issues.length).toBeGreaterThan(0);
    expect(rejects[1]).toMatchObject({
      source: key,
      issues: ['(root): not JSON'],
      valuePreview: 'not json at all',
    });
  });
});
