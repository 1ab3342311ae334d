import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';

import { snmpSampleContract, snmpTrapContract } from '@circuitcare/collectors/contracts';
import { generateDemoNetwork } from '@circuitcare/demo/network';
import { seedInventory } from '@circuitcare/demo/seed';

import {
  argNumber,
  fmt,
  httpOk,
  percentile,
  repoRoot,
  startNode,
  stopChild,
  waitFor,
} from './support/bench-util';
import { type TrapSource, TrapSender } from './support/trap-sender';

/**
 * npm run bench:ingest — traps through the whole pipeline: Debian-style v2c linkDown
 * traps from many device addresses → trap receiver → Kafka → ingestion worker →
 * MongoDB (FerretDB) → API. For each offered rate: traps sent, traps stored (the sum
 * of the alarms' occurrence counts: zero loss means equal), the drain time, and the
 * trap→API-visible latency p50/p99 of probe traps (one a second: time until GET /alarms?circuitId=…, asked every 100 ms,
 * shows the raised alarm). Baseline in the same command: a bare snmptrapd logging to a
 * file, offered the same rates (received = lines in its log).
 * Options: --rates 250,500,1000,2000 --seconds 10 --devices 60 --seed 2026
 */
const TRAP_PORT = 51162;
const SNMPTRAPD_PORT = 51163;
const API_PORT = 53000;
const DB = 'cc_bench_ingest';
const MONGO_URL = 'mongodb://127.0.0.1:27017/';

const rates = (
  process.argv.includes('--rates')
    ? process.argv[process.argv.indexOf('--rates') + 1]!
    : '250,500,1000,2000'
)
  .split(',')
  .map(Number);
const seconds = argNumber('--seconds', 10);
const deviceCount = argNumber('--devices', 60);
const seed = argNumber('--seed', 2026);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RateResult {
  rate: number;
  sent: number;
  stored: number;
  drainMs: number;
  /** Traps stored per second from the first send until all were stored. */
  throughput: number;
  latencies: number[];
}

/** Offers `rate` traps/s for `seconds`, spread in 10 ms ticks over the sources. */
async function offer(
  sender: TrapSender,
  sources: TrapSource[],
  rate: number,
  onTick?: () => void,
): Promise<number> {
  const total = rate * seconds;
  const start = Date.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((Date.now() - start) / 1000) * rate));
    const batch: Promise<void>[] = [];
    for (; sent < due; sent++) batch.push(sender.send(sources[sent % sources.length]!, 'linkDown'));
    await Promise.all(batch);
    onTick?.();
    await sleep(10);
  }
  return sent;
}

async function main(): Promise<void> {
  const inventory = generateDemoNetwork({ seed });
  const mongo = await MongoClient.connect(MONGO_URL);
  const db = mongo.db(DB);
  await db.dropDatabase();
  await seedInventory(db, inventory);

  // Load traps come from CPEs of bank-b (their WAN interfaces); probes take bank-a circuits.
  const cpes = inventory.elements
    .filter((e) => e.role === 'cpe' && e.customerId === 'bank-b')
    .slice(0, deviceCount);
  const wanOf = new Map(inventory.circuits.map((c) => [c.aEnd.deviceId, c.aEnd.ifIndex]));
  const loadSources: TrapSource[] = cpes.map((e) => ({
    mgmtIp: e.mgmtIp,
    ifIndex: wanOf.get(e._id) ?? 1,
  }));
  const loadDevices = new Set(cpes.map((e) => e._id));
  const probeCircuits = inventory.circuits.filter((c) => c.customerId === 'bank-a');
  const mgmtIpOf = new Map(inventory.elements.map((e) => [e._id, e.mgmtIp]));

  const usersFile = join(tmpdir(), `cc-bench-users-${process.pid}.json`);
  writeFileSync(
    usersFile,
    JSON.stringify([{ username: 'bench.noc', displayName: 'Bench NOC', role: 'noc-operator' }]),
  );
  const password = randomBytes(12).toString('base64url');
  const env = { MONGO_URL, MONGO_DB: DB, DEMO_PASSWORD: password, LOG_LEVEL: 'warn' };
  const provision = spawnSync(
    'node',
    [join(repoRoot, 'api/dist/cli/provision-users.js'), usersFile],
    { env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  rmSync(usersFile);
  if (provision.status !== 0) throw new Error(`provisioning failed: ${provision.stderr}`);

  // A fresh consumer group that starts at the end of the topics: the bench measures its own traps only.
  const group = `cc-bench-ingest-${Date.now()}`;
  const kafka = new Kafka({
    clientId: 'bench-ingest',
    brokers: ['localhost:9092'],
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const existing = await admin.listTopics();
  await admin.createTopics({
    topics: [snmpTrapContract, snmpSampleContract]
      .filter((c) => !existing.includes(c.topic))
      .map((c) => ({ topic: c.topic, numPartitions: c.partitions })),
  });
  // Explicit positions: a symbolic "latest" would be resolved only when the worker first fetches.
  for (const topic of [snmpTrapContract.topic, snmpSampleContract.topic]) {
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })),
    });
  }
  await admin.disconnect();

  const children: ChildProcess[] = [
    startNode('ingest-bench-receiver', 'collectors/dist/traps/trap-receiver-main.js', [], {
      ...env,
      TRAP_PORT: String(TRAP_PORT),
      TRAP_METRICS_LOG_SEC: '0',
    }),
    startNode('ingest-bench-worker', 'api/dist/ingest/ingest-main.js', [], {
      ...env,
      KAFKA_INGEST_GROUP: group,
    }),
    startNode('ingest-bench-api', 'api/dist/main.js', [], {
      ...env,
      API_PORT: String(API_PORT),
      INGEST_ENABLED: 'false',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      NODE_ENV: 'production',
    }),
  ];
  const sender = new TrapSender(TRAP_PORT);
  const api = `http://127.0.0.1:${API_PORT}/api/v1`;
  const results: RateResult[] = [];
  try {
    await waitFor('API', () => httpOk(`${api}/health`), 90_000);
    const login = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.noc', password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };
    const alarms = db.collection<{ occurrences: number; alarmedObject: { deviceId: string } }>(
      'alarms',
    );
    const storedLoad = async (): Promise<number> => {
      const rows = await alarms
        .aggregate<{ n: number }>([
          { $match: { 'alarmedObject.deviceId': { $in: [...loadDevices] } } },
          { $group: { _id: null, n: { $sum: '$occurrences' } } },
        ])
        .toArray();
      return rows[0]?.n ?? 0;
    };
    // Warm-up: one trap per source, until all are stored (group joined, caches filled).
    for (const s of loadSources) await sender.send(s, 'linkDown');
    await waitFor(
      'warm-up traps stored',
      async () => (await storedLoad()) >= loadSources.length,
      120_000,
    );

    let probeNext = 0;
    for (const rate of rates) {
      const before = await storedLoad();
      const latencies: number[] = [];
      const probes: Promise<void>[] = [];
      let lastProbe = 0;
      const probe = async (): Promise<void> => {
        const circuit = probeCircuits[probeNext++ % probeCircuits.length]!;
        const source = {
          mgmtIp: mgmtIpOf.get(circuit.aEnd.deviceId)!,
          ifIndex: circuit.aEnd.ifIndex,
        };
        const t0 = performance.now();
        await sender.send(source, 'linkDown');
        const deadline = t0 + 60_000;
        while (performance.now() < deadline) {
          const res = await fetch(
            `${api}/alarms?state=raised&circuitId=${encodeURIComponent(circuit._id)}&pageSize=1`,
            { headers: auth },
          );
          const body = (await res.json()) as { total: number };
          if (body.total > 0) {
            latencies.push(performance.now() - t0);
            break;
          }
          await sleep(100);
        }
        await sender.send(source, 'linkUp');
      };
      const startedAt = Date.now();
      const sent = await offer(sender, loadSources, rate, () => {
        if (Date.now() - lastProbe >= 1000) {
          lastProbe = Date.now();
          probes.push(probe());
        }
      });
      const sentAt = Date.now();
      // Drained when every trap sent so far is stored; a stall of 30 s ends the wait (loss).
      let stored = 0;
      let lastChange = Date.now();
      while (Date.now() - sentAt < 300_000) {
        const now = (await storedLoad()) - before;
        if (now !== stored) lastChange = Date.now();
        stored = now;
        if (stored >= sent || Date.now() - lastChange > 30_000) break;
        await sleep(100);
      }
      const drainMs = Date.now() - sentAt;
      const throughput = (stored / (Date.now() - startedAt)) * 1000;
      await Promise.all(probes);
      results.push({ rate, sent, stored, drainMs, throughput, latencies });
      await sleep(2000);
    }
  } finally {
    sender.close();
    for (const c of children.reverse()) await stopChild(c);
  }

  // Baseline: bare snmptrapd writing one line per trap to a file.
  const baseline: { rate: number; sent: number; received: number }[] = [];
  const logFile = join(tmpdir(), `cc-bench-snmptrapd-${process.pid}.log`);
  const conf = join(tmpdir(), `cc-bench-snmptrapd-${process.pid}.conf`);
  writeFileSync(conf, 'disableAuthorization yes\n');
  const trapd = spawn(
    'snmptrapd',
    [
      '-f',
      '-C',
      '-c',
      conf,
      '-Lf',
      logFile,
      '-F',
      'TRAP %a %N\\n',
      `udp:127.0.0.1:${SNMPTRAPD_PORT}`,
    ],
    { stdio: 'ignore' },
  );
  const baseSender = new TrapSender(SNMPTRAPD_PORT);
  const lines = () => {
    try {
      return readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('TRAP')).length;
    } catch {
      return 0;
    }
  };
  try {
    await sleep(1000);
    for (const rate of rates) {
      const before = lines();
      const sent = await offer(baseSender, loadSources, rate);
      await sleep(2000);
      baseline.push({ rate, sent, received: lines() - before });
    }
  } finally {
    baseSender.close();
    await stopChild(trapd);
    rmSync(logFile, { force: true });
    rmSync(conf, { force: true });
    await mongo.db(DB).dropDatabase();
    await mongo.close();
  }

  console.log(
    `bench:ingest — ${new Date().toISOString()} — ${loadSources.length} sending devices, ${seconds} s per rate`,
  );
  console.log(
    '  offered/s  sent   stored  lost  drain ms  stored/s  latency p50 ms  p99 ms  probes | snmptrapd received  lost',
  );
  for (const [i, r] of results.entries()) {
    const b = baseline[i]!;
    console.log(
      `  ${String(r.rate).padStart(9)}  ${String(r.sent).padStart(5)}  ${String(r.stored).padStart(6)}  ${String(r.sent - r.stored).padStart(4)}  ${String(r.drainMs).padStart(8)}  ${fmt(r.throughput, 0).padStart(8)}  ${fmt(percentile(r.latencies, 0.5), 0).padStart(14)}  ${fmt(percentile(r.latencies, 0.99), 0).padStart(6)}  ${String(r.latencies.length).padStart(6)} | ${String(b.received).padStart(18)}  ${String(b.sent - b.received).padStart(4)}`,
    );
  }
  const sustained = results.filter((r) => r.stored === r.sent).map((r) => r.rate);
  const baseSustained = baseline.filter((b) => b.received === b.sent).map((b) => b.rate);
  console.log(
    `  highest offered rate with zero loss: pipeline ${Math.max(0, ...sustained)}/s, snmptrapd ${Math.max(0, ...baseSustained)}/s`,
  );
}

main().catch((e: Error) => {
  console.error(`bench:ingest failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
