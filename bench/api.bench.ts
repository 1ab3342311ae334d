import { type ChildProcess, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { type Db, MongoClient } from 'mongodb';

import { generateDemoNetwork } from '@circuitcare/demo/network';
import { seedInventory } from '@circuitcare/demo/seed';
import type { NetworkInventory } from '@circuitcare/topology';

import {
  argNumber,
  fmt,
  httpOk,
  median,
  repoRoot,
  startNode,
  stopChild,
  waitFor,
} from './support/bench-util';
import { type LoadResult, loadGet } from './support/http-load';

/**
 * npm run bench:api — the customer topology of bank-a and one circuit's route topology
 * under autocannon, beside the cheapest authenticated route of the same app as the
 * baseline: `GET /auth/me` (JWT check, the user reloaded from the database, the Redis
 * rate limit — the cost every request pays). `GET /health` is not the baseline: it asks
 * Kafka, MongoDB and Redis each time.
 * The demo network (seed 2026) is seeded into a database of its own; the API runs as a
 * process of its own (production mode, log level warn, rate limits raised so that the
 * limiter counts but never refuses); everything it starts is stopped at the end.
 * The live state the topology reads is there as on a polled network: one poll state per
 * interface (as the poller leaves them) and `--alarms` raised linkDown alarms on bank-a's
 * CPE WAN ports (as ingestion stores them).
 * Options: --connections 50 --seconds 10 --warmup 2 --rounds 3 --alarms 20 --live 1 --seed 2026
 */
const API_PORT = 28080;
const DB = 'cc_bench_api';
const MONGO_URL = 'mongodb://127.0.0.1:27017/';

const connections = argNumber('--connections', 50);
const seconds = argNumber('--seconds', 10);
const warmup = argNumber('--warmup', 2);
const seed = argNumber('--seed', 2026);
const roundCount = argNumber('--rounds', 3);
const alarmCount = argNumber('--alarms', 20);
/** 0: no poll states and no alarms (an unpolled network), to see what the live read costs. */
const withLiveState = argNumber('--live', 1) !== 0;

async function main(): Promise<void> {
  // The shared local stack, leased like the integration tests do: stopped at the end only if
  // this run started it.
  const lease = spawnSync(
    'bash',
    [join(repoRoot, 'scripts/services.sh'), 'acquire', String(process.pid)],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (lease.status !== 0) throw new Error('scripts/services.sh acquire failed');
  const children: ChildProcess[] = [];
  const mongo = await MongoClient.connect(MONGO_URL);
  try {
    const inventory = generateDemoNetwork({ seed });
    const db = mongo.db(DB);
    await db.dropDatabase();
    await seedInventory(db, inventory);
    if (withLiveState) await seedLiveState(db, inventory, alarmCount);
    const password = randomBytes(12).toString('base64url');
    const env = { MONGO_URL, MONGO_DB: DB, LOG_LEVEL: 'warn' };
    const provision = spawnSync(
      'node',
      [
        join(repoRoot, 'api/dist/cli/provision-users.js'),
        join(repoRoot, 'api/fixtures/demo-users.json'),
      ],
      { env: { ...process.env, ...env, DEMO_PASSWORD: password }, encoding: 'utf8' },
    );
    if (provision.status !== 0) throw new Error(`provisioning failed: ${provision.stderr}`);

    const apiProcess = startNode('api-bench-api', 'api/dist/main.js', [], {
      ...env,
      API_PORT: String(API_PORT),
      INGEST_ENABLED: 'false',
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      // Counted in Redis as usual, never reached: the bench measures the routes, not the limiter.
      RATE_LIMIT_PER_ADDRESS: '100000000',
      RATE_LIMIT_PER_USER: '100000000',
    });
    children.push(apiProcess);
    const api = `http://127.0.0.1:${API_PORT}/api/v1`;
    await waitFor('API', () => httpOk(`${api}/health`), 90_000);
    const login = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bank-a.admin', password }),
    });
    if (login.status !== 200) throw new Error(`login: HTTP ${login.status} ${await login.text()}`);
    const { accessToken } = (await login.json()) as { accessToken: string };

    // A circuit of bank-a's Wuhan branch: a full route (CPE, access ring, PE).
    const circuit = inventory.circuits.find(
      (c) => c.customerId === 'bank-a' && c.orgPath.includes('bank-a-HB-WH'),
    );
    if (!circuit) throw new Error('no bank-a Wuhan circuit in the demo network');
    const bankA = inventory.circuits.filter((c) => c.customerId === 'bank-a').length;
    const targets: Array<[string, string]> = [
      ['baseline: GET /auth/me', `${api}/auth/me`],
      [`customer topology of bank-a (${bankA} circuits)`, `${api}/topology`],
      [
        `route topology of ${circuit._id}`,
        `${api}/circuits/${encodeURIComponent(circuit._id)}/topology`,
      ],
    ];
    // One request at a time first: the unloaded latency, and a check that each answers 200.
    const single = new Map<string, number>();
    for (const [label, url] of targets) {
      const times: number[] = [];
      let size = 0;
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const res = await fetch(url, { headers: { authorization: `Bearer ${accessToken}` } });
        const body = await res.text();
        times.push(performance.now() - started);
        if (res.status !== 200)
          throw new Error(`${label}: HTTP ${res.status} ${body.slice(0, 300)}`);
        size = Buffer.byteLength(body);
      }
      single.set(label, median(times));
      console.log(
        `${label}: 200, ${fmt(size / 1024)} KiB, alone ${fmt(median(times))} ms (median of 5)`,
      );
    }

    // Rounds of the three, one after the other: the machine is shared and its load drifts,
    // so each round's ratio compares figures taken within a minute of each other.
    const rounds: LoadResult[][] = [];
    for (let round = 1; round <= roundCount; round++) {
      const results: LoadResult[] = [];
      for (const [label, url] of targets) {
        if (warmup > 0) await loadGet(label, url, accessToken, Math.min(10, connections), warmup);
        const cpuBefore = cpuMsOf(apiProcess.pid);
        const r = await loadGet(label, url, accessToken, connections, seconds);
        r.apiCpuMsPerRequest = (cpuMsOf(apiProcess.pid) - cpuBefore) / Math.max(1, r.ok);
        results.push(r);
        console.log(
          `round ${round}, ${label}: ${fmt(r.requestsPerSec)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms (${r.statuses})`,
        );
      }
      rounds.push(results);
    }
    printTable(rounds, single);
    const failed = rounds.flat().filter((r) => r.failed > 0);
    if (failed.length > 0) {
      throw new Error(
        `non-2xx answers, errors or timeouts: ${failed.map((r) => `${r.label} ${r.statuses}`).join('; ')}`,
      );
    }
  } finally {
    for (const c of children.reverse()) await stopChild(c);
    await mongo.db(DB).dropDatabase();
    await mongo.close();
    spawnSync('bash', [join(repoRoot, 'scripts/services.sh'), 'release', String(process.pid)], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
}

/**
 * The documents polling and trap ingestion would have written: written directly, in the
 * ingestion's document shapes (docs/ingestion.md), so the bench needs no simulator run.
 */
async function seedLiveState(db: Db, inventory: NetworkInventory, alarms: number): Promise<void> {
  const now = new Date();
  const states = inventory.interfaces.map((i) => ({
    _id: `${i.deviceId}:${i.ifIndex}`,
    deviceId: i.deviceId,
    ifIndex: i.ifIndex,
    polledAt: now,
    sysUpTime: 1_000_000,
    inOctets: '0',
    outOctets: '0',
    inErrors: 0,
    outErrors: 0,
    inDiscards: 0,
    outDiscards: 0,
    operStatus: 1,
  }));
  for (let i = 0; i < states.length; i += 500) {
    await db.collection<{ _id: string }>('counterStates').insertMany(states.slice(i, i + 500));
  }
  const raised = inventory.circuits
    .filter((c) => c.customerId === 'bank-a')
    .slice(0, alarms)
    .map((c, n) => {
      const key = `linkDown|${c.aEnd.deviceId}:${c.aEnd.ifIndex}`;
      return {
        _id: `alm-bench-${n}`,
        reductionKey: key,
        activeKey: key,
        customerIds: [c.customerId],
        orgUnitIds: c.orgPath,
        alarmedObject: {
          id: `${c.aEnd.deviceId}:${c.aEnd.ifIndex}`,
          type: 'interface',
          deviceId: c.aEnd.deviceId,
          ifIndex: c.aEnd.ifIndex,
          name: `${c.aEnd.deviceId} if${c.aEnd.ifIndex}`,
        },
        alarmType: 'communicationsAlarm',
        perceivedSeverity: 'major',
        probableCause: 'linkDown',
        specificProblem: 'ifOperStatus down',
        state: 'raised',
        ackState: 'unacknowledged',
        alarmRaisedTime: now,
        alarmChangedTime: now,
        alarmClearedTime: null,
        affectedCircuitIds: [c._id],
        serviceAffecting: true,
        serviceImpact: 'down',
        occurrences: 1,
        sourceSystemId: 'bench',
        lastEvent: { topic: 'bench', partition: 0, offset: String(n) },
      };
    });
  if (raised.length > 0) await db.collection<{ _id: string }>('alarms').insertMany(raised);
}

/** User + system CPU of a process so far (Linux /proc; `bash -c exec node` keeps the pid). */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  // Fields after the parenthesised command name: utime and stime are the 12th and 13th, in ticks.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Medians over the rounds; the ratio is the median of each round's own ratio. */
function printTable(rounds: LoadResult[][], single: ReadonlyMap<string, number>): void {
  console.log(
    `\n${new Date().toISOString()}  ${connections} connections × ${seconds} s, ${rounds.length} rounds, node ${process.version}, load average ${loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')}\n`,
  );
  console.log(
    '| endpoint | alone (median of 5) | requests/s | p50 | p99 | requests/s per round | ratio to baseline | API CPU / request |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const labels = rounds[0]!.map((r) => r.label);
  labels.forEach((label, i) => {
    const runs = rounds.map((round) => round[i]!);
    const ratios = rounds.map((round) => round[i]!.requestsPerSec / round[0]!.requestsPerSec);
    console.log(
      `| ${label} | ${fmt(single.get(label) ?? NaN)} ms | ${fmt(median(runs.map((r) => r.requestsPerSec)))} | ${fmt(median(runs.map((r) => r.p50Ms)), 0)} ms | ${fmt(median(runs.map((r) => r.p99Ms)), 0)} ms | ${runs.map((r) => fmt(r.requestsPerSec)).join(' / ')} | ×${fmt(median(ratios), 3)} | ${fmt(median(runs.map((r) => r.apiCpuMsPerRequest ?? NaN)), 2)} ms |`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
