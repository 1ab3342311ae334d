import { randomUUID } from 'node:crypto';

import { Kafka, logLevel, type Producer } from 'kafkajs';
import { type Db, MongoClient } from 'mongodb';
import pino from 'pino';

import {
  type InterfaceSample,
  type SnmpSample,
  type SnmpTrap,
  TRAP_OIDS,
  type TopicContract,
  encodeMessage,
  snmpSampleContract,
  snmpTrapContract,
} from '@circuitcare/collectors/contracts';
import type { Circuit, Link, NetworkElement, NetworkInterface } from '@circuitcare/topology';

import { COLLECTIONS } from '../../src/database/collections';
import type { IngestConfig } from '../../src/ingest/config/ingest-config';
import { Ingestion } from '../../src/ingest/ingestion';

/** Real local stack (scripts/services.sh); overridable for a remote one. */
export const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/';
export const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',');

/** Short unique token: device ids, db names and groups of one test never meet another's. */
export function uniqueToken(): string {
  return randomUUID().replace(/-/g, '').slice(0, 10);
}

/** A fresh 127.x.y.z address (never 127.0.0.1) for one test's device. */
export function uniqueMgmtIp(): string {
  const n = Math.floor(Math.random() * 0xfffff) + 0x100;
  return `127.${(n >> 16) & 0xff}.${(n >> 8) & 0xff}.${n & 0xff || 1}`;
}

export const silentLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export function testIngestConfig(
  groupId: string,
  overrides: Partial<IngestConfig> = {},
): IngestConfig {
  return {
    instanceId: `test-${groupId}`,
    brokers: KAFKA_BROKERS,
    clientId: 'ingest-test',
    groupId,
    rawRetentionDays: 7,
    bucket5mRetentionDays: 90,
    bucket1hRetentionDays: 730,
    rejectRetentionDays: 30,
    retentionIntervalSec: 3600,
    cacheTtlSec: 60,
    partitionConcurrency: 6,
    chunkSize: 200,
    ...overrides,
  };
}

export class KafkaTestClient {
  readonly kafka = new Kafka({
    clientId: 'ingest-test-client',
    brokers: KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
  });
  private producer: Producer | null = null;

  async ensureTopics(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [snmpSampleContract, snmpTrapContract].map((c) => ({
          topic: c.topic,
          numPartitions: c.partitions,
        })),
      });
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Commits the group at the current end of both topics before its first member joins:
   * the test's group then reads only what the test produces, not the topics' history.
   */
  async placeGroupAtEnd(groupId: string): Promise<void> {
    await this.ensureTopics();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const topic of [snmpSampleContract.topic, snmpTrapContract.topic]) {
        const offsets = await untilLeadersSettle(() => admin.fetchTopicOffsets(topic));
        await admin.setOffsets({
          groupId,
          topic,
          partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })),
        });
      }
    } finally {
      await admin.disconnect();
    }
  }

  async produce<V>(contract: TopicContract<V>, values: readonly V[]): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        retry: { retries: 20 },
      });
      await this.producer.connect();
    }
    for (let i = 0; i < values.length; i += 500) {
      await this.producer.send({
        topic: contract.topic,
        acks: -1,
        messages: values.slice(i, i + 500).map((v) => encodeMessage(contract, v)),
      });
    }
  }

  /** Sends raw bytes, bypassing the contract: poison messages. */
  async produceRaw(topic: string, key: string, value: string): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await this.producer.connect();
    }
    await this.producer.send({ topic, acks: -1, messages: [{ key, value }] });
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = null;
  }
}

export async function connectMongo(): Promise<MongoClient> {
  const client = new MongoClient(MONGO_URL, { serverSelectionTimeoutMS: 10000 });
  await client.connect();
  return client;
}

/** Polls until `check` returns a value other than undefined; fails with `describe()` after the limit. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  describe: () => Promise<string> | string,
  limitMs = 60000,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached: ${await describe()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface TestDevice {
  deviceId: string;
  mgmtIp: string;
}

export interface SeededNetwork {
  cpe: TestDevice;
  pe: TestDevice;
  /** The CPE's WAN interface (ifIndex 1) carries circuit A; its link L is crossed by circuit B too. */
  circuitA: string;
  circuitB: string;
  linkId: string;
  customerA: string;
  customerB: string;
}

/**
 * Minimal inventory of one test: a CPE (ifIndex 1 = WAN on link L, 100 Mbit/s, carries
 * circuit A) and a PE (ifIndex 5 on L); circuit B (another customer) also crosses L.
 */
export async function seedNetwork(db: Db, token: string): Promise<SeededNetwork> {
  const cpe = { deviceId: `cpe-${token}`, mgmtIp: uniqueMgmtIp() };
  const pe = { deviceId: `pe-${token}`, mgmtIp: uniqueMgmtIp() };
  const linkId = `link-${token}`;
  const circuitA = `ckt-a-${token}`;
  const circuitB = `ckt-b-${token}`;
  const customerA = `bank-a-${token}`;
  const customerB = `bank-b-${token}`;
  const element = (d: TestDevice, role: NetworkElement['role']): NetworkElement => ({
    _id: d.deviceId,
    name: d.deviceId.toUpperCase(),
    role,
    vendor: 'Test',
    model: 'T1',
    mgmtIp: d.mgmtIp,
    siteId: `site-${token}`,
    customerId: role === 'cpe' ? customerA : null,
    pollIntervalSec: 60,
  });
  const itf = (
    d: TestDevice,
    ifIndex: number,
    circuitIds: string[],
    link: string | null,
  ): NetworkInterface => ({
    _id: `${d.deviceId}:${ifIndex}`,
    deviceId: d.deviceId,
    ifIndex,
    ifName: `ge-0/0/${ifIndex}`,
    ifDescr: `GigabitEthernet0/0/${ifIndex}`,
    ifAlias: '',
    speedBps: 100e6,
    role: 'wan',
    linkId: link,
    circuitIds,
  });
  const link: Link = {
    _id: linkId,
    kind: 'access',
    a: { deviceId: cpe.deviceId, ifIndex: 1 },
    z: { deviceId: pe.deviceId, ifIndex: 5 },
    capacityBps: 100e6,
  };
  const circuit = (id: string, customerId: string): Circuit => ({
    _id: id,
    customerId,
    orgUnitId: `org-${customerId}`,
    orgPath: [`org-${customerId}`],
    product: 'mpls-vpn',
    name: id,
    bandwidthBps: 10e6,
    slaClass: 'gold',
    aEnd: { siteId: `site-${token}`, deviceId: cpe.deviceId, mgmtIp: cpe.mgmtIp, ifIndex: 1 },
    zEnd: { siteId: `site-z-${token}`, deviceId: pe.deviceId, mgmtIp: pe.mgmtIp, ifIndex: 5 },
    route: [],
    routeDeviceIds: [cpe.deviceId, pe.deviceId],
    routeLinkIds: [linkId],
    state: 'up',
    stateSince: new Date('2026-01-01T00:00:00Z'),
    activeAlarmIds: [],
  });
  await db
    .collection<NetworkElement>(COLLECTIONS.elements)
    .insertMany([element(cpe, 'cpe'), element(pe, 'pe')]);
  await db
    .collection<NetworkInterface>(COLLECTIONS.interfaces)
    .insertMany([
      itf(cpe, 1, [circuitA], linkId),
      itf(cpe, 2, [], null),
      itf(pe, 5, [circuitA, circuitB], linkId),
    ]);
  await db.collection<Link>(COLLECTIONS.links).insertOne(link);
  await db
    .collection<Circuit>(COLLECTIONS.circuits)
    .insertMany([circuit(circuitA, customerA), circuit(circuitB, customerB)]);
  return { cpe, pe, circuitA, circuitB, linkId, customerA, customerB };
}

const DAY_MS = 86_400_000;
/**
 * 10:00 UTC yesterday: inside every retention period (the worker purges raw points
 * older than RAW_RETENTION_DAYS at start), never in the future, and at the same place
 * in its day on every run, so bucket boundaries fall alike.
 */
export const T0 = Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS + 10 * 3_600_000;

export interface CounterProfile {
  /** Constant rates over every 60 s step. */
  inMbps: number;
  outMbps: number;
  errorsPerStep?: number;
  operStatus?: number;
}

/** Sample `step` of a device polled every 60 s from T0, counters consistent with `profile`. */
export function sampleAt(
  device: TestDevice,
  step: number,
  interfaces: Array<{ ifIndex: number } & CounterProfile>,
  options: { t0?: number; baseOctets?: bigint } = {},
): SnmpSample {
  const polledAt = new Date((options.t0 ?? T0) + step * 60_000).toISOString();
  const base = options.baseOctets ?? 1_000_000n;
  const items: InterfaceSample[] = interfaces.map((i) => ({
    ifIndex: i.ifIndex,
    operStatus: i.operStatus ?? 1,
    highSpeedMbps: 100,
    inOctets: (base + (BigInt(Math.round(i.inMbps * 1e6 * 60)) / 8n) * BigInt(step)).toString(),
    outOctets: (base + (BigInt(Math.round(i.outMbps * 1e6 * 60)) / 8n) * BigInt(step)).toString(),
    inErrors: (i.errorsPerStep ?? 0) * step,
    outErrors: 0,
    inDiscards: 0,
    outDiscards: 0,
  }));
  return {
    v: 1,
    sampleId: `${device.deviceId}@${polledAt}`,
    deviceId: device.deviceId,
    mgmtIp: device.mgmtIp,
    polledAt,
    sysUpTime: 5_000_000 + step * 6000,
    pollerId: 'test-poller',
    interfaces: items,
  };
}

export function trapFrom(
  device: TestDevice,
  kind: 'linkDown' | 'linkUp' | 'coldStart' | { oid: string },
  options: { ifIndex?: number; at?: number; snmpVersion?: 'v1' | 'v2c' } = {},
): SnmpTrap {
  const trapOid = typeof kind === 'string' ? TRAP_OIDS[kind] : kind.oid;
  const ifIndex = options.ifIndex ?? 1;
  const linkVarbinds =
    kind === 'linkDown' || kind === 'linkUp'
      ? [
          { oid: `1.3.6.1.2.1.2.2.1.1.${ifIndex}`, type: 'Integer', value: String(ifIndex) },
          { oid: `1.3.6.1.2.1.2.2.1.7.${ifIndex}`, type: 'Integer', value: '1' },
          {
            oid: `1.3.6.1.2.1.2.2.1.8.${ifIndex}`,
            type: 'Integer',
            value: kind === 'linkDown' ? '2' : '1',
          },
        ]
      : [];
  return {
    v: 1,
    eventId: randomUUID(),
    receivedAt: new Date(options.at ?? Date.now()).toISOString(),
    agentAddress: device.mgmtIp,
    source: { address: device.mgmtIp, port: 50000 },
    snmpVersion: options.snmpVersion ?? 'v2c',
    pduType: 'trap',
    trapOid,
    upTime: 12345,
    varbinds: linkVarbinds,
  };
}

/** An Ingestion on a test's own database and consumer group, placed at the topics' end. */
export async function startTestIngestion(
  kafka: KafkaTestClient,
  db: Db,
  groupId: string,
  overrides: Partial<IngestConfig> = {},
): Promise<Ingestion> {
  await kafka.placeGroupAtEnd(groupId);
  const ingestion = new Ingestion(db, testIngestConfig(groupId, overrides), silentLogger);
  await ingestion.start();
  return ingestion;
}

/**
 * On a broker that has just started or just created the topics, partition leadership
 * may still be moving: "not the leader" is retriable, so retry for a while.
 */
async function untilLeadersSettle<T>(call: () => Promise<T>, attempts = 30): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await call();
    } catch (e) {
      const retriable = (e as { retriable?: boolean }).retriable === true;
      if (!retriable || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
