import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { Redis } from 'ioredis';
import type { Db, MongoClient } from 'mongodb';

import { snmpTrapContract } from '@circuitcare/collectors/contracts';

import { COLLECTIONS } from '../src/database/collections';
import type { AlarmDocument } from '../src/database/documents';
import { compareStreamIds } from '../src/events/change-event';
import { changeStreamKey } from '../src/events/change-events.stream';
import { TEST_PASSWORD } from './support/api-harness';
import { type ChangeMessage, SseTestClient } from './support/events-sse';
import { insertUser } from './support/factories';
import {
  KAFKA_BROKERS,
  KafkaTestClient,
  MONGO_URL,
  type SeededNetwork,
  connectMongo,
  eventually,
  seedNetwork,
  trapFrom,
  uniqueToken,
} from './support/ingest-fixtures';

const MAIN = path.resolve(__dirname, '../dist/main.js');

/** A built API (`node api/dist/main.js`) as its own process on its own port. */
class ApiProcess {
  private child: ChildProcess | null = null;
  private output = '';
  readonly baseUrl: string;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}/api/v1`;
  }

  async start(): Promise<void> {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: run \`npm run build\` first`);
    this.child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        API_HOST: '127.0.0.1',
        API_PORT: String(this.port),
        API_INSTANCE_ID: this.name,
        MONGO_URL,
        KAFKA_BROKERS: KAFKA_BROKERS.join(','),
        JWT_SECRET: 'integration-test-secret-0123456789abcdef',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_ADDRESS: '1000000',
        RATE_LIMIT_PER_USER: '1000000',
        RATE_LIMIT_AUTH_PER_ADDRESS: '1000000',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    await eventually(
      async () => {
        if (this.child?.exitCode !== null) throw new Error(`${this.name} exited:\n${this.output}`);
        const res = await fetch(`${this.baseUrl}/health`).catch(() => null);
        return res ? true : undefined;
      },
      () => `${this.name} not listening:\n${this.output}`,
      60000,
    );
  }

  async login(username: string): Promise<string> {
    const res = await fetch(`${this.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username} on ${this.name}: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }

  get log(): string {
    return this.output;
  }
}

/**
 * Two real API processes on one database, no load balancer: A ingests from Kafka, B
 * does not. An SSE client of B must receive what A's ingestion and what B's (or A's)
 * operators change, through the Redis Stream each replica reads on its own.
 */
describe('live events across two API replicas', () => {
  const token = uniqueToken();
  const dbName = `it_evrep_${token}`;
  const kafka = new KafkaTestClient();
  // Two ports of this suite's range (27000–27999), distinct per run.
  const base = 27000 + 2 * (Number.parseInt(token.slice(0, 6), 16) % 499);
  const replicaA = new ApiProcess('replica-a', base, {
    MONGO_DB: dbName,
    INGEST_ENABLED: 'true',
    KAFKA_INGEST_GROUP: `it-evrep-${token}`,
  });
  const replicaB = new ApiProcess('replica-b', base + 1, {
    MONGO_DB: dbName,
    INGEST_ENABLED: 'false',
  });
  let mongo: MongoClient;
  let db: Db;
  let net: SeededNetwork;
  const clients: SseTestClient[] = [];

  beforeAll(async () => {
    mongo = await connectMongo();
    db = mongo.db(dbName);
    await db.dropDatabase();
    net = await seedNetwork(db, token);
    await insertUser(db, 'noc', 'noc-operator');
    await insertUser(db, 'b-admin', 'customer-admin', { customerId: net.customerB });
    await kafka.placeGroupAtEnd(`it-evrep-${token}`);
    await Promise.all([replicaA.start(), replicaB.start()]);
  }, 120000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all([replicaA.stop(), replicaB.stop()]);
    await kafka.close();
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    await redis.del(changeStreamKey(dbName)).finally(() => redis.quit());
    await db?.dropDatabase();
    await mongo?.close();
  });

  async function open(
    replica: ApiProcess,
    user: string,
    options: { lastEventId?: string } = {},
  ): Promise<SseTestClient> {
    const client = await SseTestClient.open(replica.baseUrl, await replica.login(user), options);
    clients.push(client);
    await client.waitFor((f) => f.event === 'ready', `ready on ${replica.name}`);
    return client;
  }

  const raisedOn = (objectId: string) => (f: { event: string; data: unknown }) =>
    f.event === 'alarm.raised' &&
    ((f.data as ChangeMessage).data.alarmedObject as { id: string }).id === objectId;

  const alarms = () => db.collection<AlarmDocument>(COLLECTIONS.alarms);

  it('delivers an alarm ingested by replica A to an SSE client of replica B', async () => {
    const nocOnB = await open(replicaB, 'noc');
    const bankBOnB = await open(replicaB, 'b-admin');
    const producedAt = Date.now();
    await kafka.produce(snmpTrapContract, [trapFrom(net.cpe, 'linkDown', { ifIndex: 1 })]);
    const cpeItf = `${net.cpe.deviceId}:1`;
    const frame = await nocOnB.waitFor(raisedOn(cpeItf), 'the raise on B', 60000);
    const latencyMs = frame.receivedAt - producedAt;
    // Reported by the test run (docs/adr/0013 quotes it): Kafka → A → Redis → B → client.
    process.stdout.write(`[events-replicas] trap produced → SSE on replica B: ${latencyMs} ms\n`);
    const message = frame.data as ChangeMessage;
    expect(message.data).toMatchObject({
      state: 'raised',
      probableCause: 'linkDown',
      circuitIds: [net.circuitA, net.circuitB],
    });
    // The circuits went down: one event each, for their own customer.
    await nocOnB.waitForEvent('circuit.state', net.circuitA);
    await nocOnB.waitForEvent('circuit.state', net.circuitB);
    // Customer B sees the shared link's alarm with its own circuit only, and its circuit's state.
    const forB = (await bankBOnB.waitFor(raisedOn(cpeItf), 'the raise for bank-b'))
      .data as ChangeMessage;
    expect(forB.data.circuitIds).toEqual([net.circuitB]);
    await bankBOnB.waitForEvent('circuit.state', net.circuitB);
    expect(bankBOnB.messages().some((m) => m.id === net.circuitA)).toBe(false);
    expect(JSON.stringify(bankBOnB.frames)).not.toContain(net.circuitA);
  }, 90000);

  it('correlates the two ends of the link, and streams manual clears both ways', async () => {
    const nocOnB = await open(replicaB, 'noc');
    const nocOnA = await open(replicaA, 'noc');
    await kafka.produce(snmpTrapContract, [trapFrom(net.pe, 'linkDown', { ifIndex: 5 })]);
    const peFrame = await nocOnB.waitFor(raisedOn(`${net.pe.deviceId}:5`), 'the far end', 60000);
    const peAlarm = (peFrame.data as ChangeMessage).id;
    const cpeAlarm = await alarms().findOne({
      'alarmedObject.id': `${net.cpe.deviceId}:1`,
      state: 'raised',
    });
    expect(cpeAlarm).not.toBeNull();
    const noc = await replicaB.login('noc');
    const detail = (await (
      await fetch(`${replicaB.baseUrl}/alarms/${peAlarm}`, {
        headers: { authorization: `Bearer ${noc}` },
      })
    ).json()) as { correlatedAlarm: Array<{ id: string }>; linkedAlarms: Array<{ id: string }> };
    expect(detail.correlatedAlarm.map((a) => a.id)).toEqual([cpeAlarm!._id]);
    expect(detail.linkedAlarms.map((a) => a.id)).toEqual([cpeAlarm!._id]);

    // Cleared by hand on B: A's client hears it too.
    const clearStart = Date.now();
    const cleared = await fetch(`${replicaB.baseUrl}/alarms/${cpeAlarm!._id}/clear`, {
      method: 'POST',
      headers: { authorization: `Bearer ${noc}` },
    });
    expect(cleared.status).toBe(200);
    const onA = await nocOnA.waitForEvent('alarm.cleared', cpeAlarm!._id);
    process.stdout.write(
      `[events-replicas] manual clear sent to B → SSE on replica A: ${onA.receivedAt - clearStart} ms\n`,
    );
    await nocOnB.waitForEvent('alarm.cleared', cpeAlarm!._id);

    // The next raise of the same condition opens a new alarm (the activeKey rule).
    await kafka.produce(snmpTrapContract, [trapFrom(net.cpe, 'linkDown', { ifIndex: 1 })]);
    const again = await nocOnB.waitFor(
      (f) => raisedOn(`${net.cpe.deviceId}:1`)(f) && (f.data as ChangeMessage).id !== cpeAlarm!._id,
      'a new alarm for the re-raise',
      60000,
    );
    expect((again.data as ChangeMessage).id).not.toBe(cpeAlarm!._id);
  }, 120000);

  it('resumes on replica B from Last-Event-ID with what happened meanwhile', async () => {
    const first = await open(replicaB, 'noc');
    // Something this client sees, then it goes away.
    const noc = await replicaB.login('noc');
    const peAlarm = await alarms().findOne({ 'alarmedObject.id': `${net.pe.deviceId}:5` });
    await fetch(`${replicaB.baseUrl}/alarms/${peAlarm!._id}/acknowledge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${noc}` },
    });
    const seen = await first.waitForEvent('alarm.acknowledged', peAlarm!._id);
    await first.close();
    // Missed: the far end comes back up (ingested by A).
    await kafka.produce(snmpTrapContract, [trapFrom(net.pe, 'linkUp', { ifIndex: 5 })]);
    await eventually(
      async () =>
        (await alarms().findOne({ _id: peAlarm!._id }))?.state === 'cleared' ? true : undefined,
      () => 'the far end alarm was not cleared',
    );
    const resumed = await open(replicaB, 'noc', { lastEventId: seen.id! });
    const replayed = resumed.frames.filter((f) => f.event !== 'ready');
    expect(replayed.map((f) => `${f.event} ${(f.data as ChangeMessage).id}`)).toContain(
      `alarm.cleared ${peAlarm!._id}`,
    );
    expect(replayed.every((f) => f.id !== null && compareStreamIds(f.id, seen.id!) > 0)).toBe(true);
  }, 90000);

  it('measures trap → SSE on the other replica over a series of raises and clears', async () => {
    const nocOnB = await open(replicaB, 'noc');
    const objectId = `${net.cpe.deviceId}:2`;
    const latencies: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      for (const kind of ['linkDown', 'linkUp'] as const) {
        const before = nocOnB.frames.length;
        const sentAt = Date.now();
        await kafka.produce(snmpTrapContract, [trapFrom(net.cpe, kind, { ifIndex: 2 })]);
        const action = kind === 'linkDown' ? 'alarm.raised' : 'alarm.cleared';
        const frame = await nocOnB.waitFor(
          (f) =>
            nocOnB.frames.indexOf(f) >= before &&
            f.event === action &&
            ((f.data as ChangeMessage).data.alarmedObject as { id: string }).id === objectId,
          `${action} #${i}`,
          30000,
        );
        latencies.push(frame.receivedAt - sentAt);
      }
    }
    latencies.sort((a, b) => a - b);
    const p = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    process.stdout.write(
      `[events-replicas] trap → SSE on B over ${latencies.length} events: p50 ${p(0.5)} ms, p90 ${p(0.9)} ms, max ${latencies.at(-1)} ms\n`,
    );
    expect(latencies).toHaveLength(20);
  }, 120000);

  it('closes its streams when a replica stops, and stops promptly', async () => {
    const onB = await open(replicaB, 'noc');
    const stoppedAt = Date.now();
    await replicaB.stop();
    const stopMs = Date.now() - stoppedAt;
    await onB.ended;
    process.stdout.write(
      `[events-replicas] replica B stopped with an open stream in ${stopMs} ms\n`,
    );
    // An open stream must not hold the HTTP server's close (it never ends by itself).
    expect(stopMs).toBeLessThan(10000);
  }, 30000);
});
