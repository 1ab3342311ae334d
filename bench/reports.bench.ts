import { type ChildProcess, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { type Db, MongoClient } from 'mongodb';

import { generateDemoNetwork } from '@circuitcare/demo/network';
import { seedInventory } from '@circuitcare/demo/seed';
import type { Circuit } from '@circuitcare/topology';

import {
  argNumber,
  fmt,
  httpOk,
  repoRoot,
  startNode,
  stopChild,
  waitFor,
} from './support/bench-util';

/**
 * npm run bench:reports — the monthly VIP report of the full demo customer (bank-a of the
 * demo network, seed 2026: 283 circuits) over a generated month of 5-minute data: every
 * circuit's A-end interface carries one sample every 5 minutes of last month (UTC+8),
 * folded into the hour and day buckets (and, with --five-minute 1, the 5-minute buckets)
 * exactly as the ingestion would; 20 outages (down alarms) and 60 fault tickets.
 * The API runs as its own process (production mode, its report worker on); the bench asks
 * for the report as the account manager, follows its stages, and samples the API's
 * resident memory (/proc/<pid>/status) every 50 ms: generation time and peak memory for
 * the on-screen figures (queued → stage `pdf`) and for the PDF (→ done).
 * Options: --rounds 2 --five-minute 0 --seed 2026
 */
const API_PORT = 28081;
const DB = 'cc_bench_reports';
const MONGO_URL = 'mongodb://127.0.0.1:27017/';
const rounds = argNumber('--rounds', 2);
const withFiveMinute = argNumber('--five-minute', 0) !== 0;
const seed = argNumber('--seed', 2026);
const H = 3_600_000;
const STEP = 5 * 60_000;

/** Same bins as the ingestion's histogram (api/src/ingest/perf-histogram.ts): R = 1.05. */
const binKey = (bps: number): string =>
  `b${bps >= 1 ? 1 + Math.floor(Math.log(bps) / Math.log(1.05) + 1e-9) : 0}`;

function mulberry32(a: number): () => number {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Last calendar month in UTC+8. */
function lastMonth(now: Date): { from: Date; to: Date } {
  const local = new Date(now.getTime() + 8 * H);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return { from: new Date(Date.UTC(y, m - 1, 1) - 8 * H), to: new Date(Date.UTC(y, m, 1) - 8 * H) };
}

interface Acc {
  count: number;
  inSum: number;
  outSum: number;
  inMax: number;
  outMax: number;
  inHist: Record<string, number>;
  outHist: Record<string, number>;
  lastAt: Date;
}

async function seedMonth(
  db: Db,
  circuits: readonly Circuit[],
  from: Date,
  to: Date,
): Promise<number> {
  const rnd = mulberry32(seed);
  const buckets = db.collection(COLLECTION_BUCKETS);
  let written = 0;
  let batch: object[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await buckets.insertMany(batch, { ordered: false });
    written += batch.length;
    batch = [];
  };
  const doc = (c: Circuit, granularity: string, start: number, a: Acc): object => ({
    _id: `${c.aEnd.deviceId}:${c.aEnd.ifIndex}|${granularity}|${new Date(start).toISOString()}`,
    deviceId: c.aEnd.deviceId,
    ifIndex: c.aEnd.ifIndex,
    granularity,
    start: new Date(start),
    count: a.count,
    in: { sumBps: a.inSum, maxBps: a.inMax, hist: a.inHist },
    out: { sumBps: a.outSum, maxBps: a.outMax, hist: a.outHist },
    errorsSum: 0,
    discardsSum: 0,
    downSamples: 0,
    speedBps: c.bandwidthBps,
    lastSampleAt: a.lastAt,
  });
  const empty = (): Acc => ({
    count: 0,
    inSum: 0,
    outSum: 0,
    inMax: 0,
    outMax: 0,
    inHist: {},
    outHist: {},
    lastAt: new Date(0),
  });
  const add = (a: Acc, t: number, inBps: number, outBps: number): void => {
    a.count += 1;
    a.inSum += inBps;
    a.outSum += outBps;
    a.inMax = Math.max(a.inMax, inBps);
    a.outMax = Math.max(a.outMax, outBps);
    a.inHist[binKey(inBps)] = (a.inHist[binKey(inBps)] ?? 0) + 1;
    a.outHist[binKey(outBps)] = (a.outHist[binKey(outBps)] ?? 0) + 1;
    a.lastAt = new Date(t);
  };
  for (const c of circuits) {
    // A load level per circuit (a few run hot), a daily wave peaking at 15:00 UTC+8, noise.
    const level = 0.1 + 0.85 * rnd() ** 1.5;
    const hours = new Map<number, Acc>();
    const days = new Map<number, Acc>();
    for (let t = from.getTime(); t < to.getTime(); t += STEP) {
      const hourOfDay = ((t + 8 * H) / H) % 24;
      const wave = 0.55 + 0.45 * Math.sin(((hourOfDay - 9) / 24) * 2 * Math.PI);
      const util = Math.min(1, Math.max(0, level * wave * (0.85 + 0.3 * rnd())));
      const inBps = util * c.bandwidthBps;
      const outBps = inBps * (0.3 + 0.4 * rnd());
      const h = Math.floor(t / H) * H;
      const d = Math.floor(t / (24 * H)) * 24 * H;
      if (!hours.has(h)) hours.set(h, empty());
      if (!days.has(d)) days.set(d, empty());
      add(hours.get(h)!, t, inBps, outBps);
      add(days.get(d)!, t, inBps, outBps);
      if (withFiveMinute) {
        const a = empty();
        add(a, t, inBps, outBps);
        batch.push(doc(c, '5m', t, a));
      }
      if (batch.length >= 1000) await flush();
    }
    for (const [start, a] of hours) batch.push(doc(c, '1h', start, a));
    for (const [start, a] of days) batch.push(doc(c, '1d', start, a));
    if (batch.length >= 1000) await flush();
  }
  await flush();

  // Outages and their tickets, spread over the month.
  const alarms: object[] = [];
  const tickets: object[] = [];
  const span = to.getTime() - from.getTime();
  for (let k = 0; k < 60; k += 1) {
    const c = circuits[Math.floor(rnd() * circuits.length)]!;
    const at = new Date(from.getTime() + rnd() * (span - 12 * H));
    const repair = Math.round(20 + rnd() * 400);
    const resolved = new Date(at.getTime() + repair * 60_000);
    if (k < 20) {
      alarms.push({
        _id: `al-bench-${k}`,
        reductionKey: `linkDown|${c.aEnd.deviceId}:${c.aEnd.ifIndex}`,
        activeKey: `linkDown|${c.aEnd.deviceId}:${c.aEnd.ifIndex}#cleared#al-bench-${k}`,
        customerIds: ['bank-a'],
        alarmedObject: {
          id: `${c.aEnd.deviceId}:${c.aEnd.ifIndex}`,
          type: 'interface',
          deviceId: c.aEnd.deviceId,
          ifIndex: c.aEnd.ifIndex,
          name: `${c.aEnd.deviceId} WAN`,
        },
        alarmType: 'communicationsAlarm',
        perceivedSeverity: 'major',
        probableCause: 'linkDown',
        specificProblem: 'ifOperStatus down',
        state: 'cleared',
        ackState: 'acknowledged',
        alarmRaisedTime: at,
        alarmChangedTime: resolved,
        alarmClearedTime: resolved,
        affectedCircuitIds: [c._id],
        serviceAffecting: true,
        serviceImpact: 'down',
        occurrences: 1,
        sourceSystemId: 'trap',
        lastEvent: { topic: 'cc.snmp.traps.v1', partition: 0, offset: String(k) },
        orgUnitIds: c.orgPath,
      });
    }
    tickets.push({
      _id: `TT-bench-${k}`,
      version: 3,
      customerId: 'bank-a',
      orgUnitIds: c.orgPath,
      circuitIds: [c._id],
      fieldEngineerIds: [],
      ticketType: 'fault',
      status: 'closed',
      name: `${c.name} 中断`,
      severity: 'major',
      priority: 'P2',
      impact: 'down',
      creationDate: at,
      resolutionDate: resolved,
      rootCauseAlarmId: k < 20 ? `al-bench-${k}` : null,
      mergedInto: null,
      fieldReport: {
        arrivedAt: null,
        causeCode: ['fibre-cut', 'power', 'cpe-fault', 'config'][k % 4],
        fixCode: null,
        progress: [],
      },
      result: {
        mttrMinutes: repair,
        restoreMinutes: repair,
        responseMet: rnd() > 0.1,
        restoreMet: repair < 240,
        reopenCount: 0,
        autoClosed: false,
        confirmedBy: null,
        closedAt: resolved,
      },
    });
  }
  await db.collection('alarms').insertMany(alarms);
  await db.collection('tickets').insertMany(tickets);
  return written;
}

const COLLECTION_BUCKETS = 'perfBuckets';

function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

interface Round {
  queuedToDataMs: number;
  dataMs: number;
  pdfMs: number;
  baseRssMiB: number;
  dataPeakMiB: number;
  pdfPeakMiB: number;
  jsonKiB: number;
  pdfKiB: number;
  pages: number;
}

async function oneRound(
  api: string,
  token: string,
  pid: number,
  period: { from: Date; to: Date },
): Promise<Round> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const baseRss = rssKiB(pid);
  const posted = performance.now();
  const res = await fetch(`${api}/reports`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      customerId: 'bank-a',
      kind: 'vip',
      from: period.from.toISOString(),
      to: period.to.toISOString(),
    }),
  });
  if (res.status !== 202) throw new Error(`POST /reports: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  let started: number | null = null;
  let pdfAt: number | null = null;
  let doneAt: number | null = null;
  let dataPeak = 0;
  let pdfPeak = 0;
  const sampler = setInterval(() => {
    const rss = rssKiB(pid);
    if (pdfAt === null) dataPeak = Math.max(dataPeak, rss);
    else pdfPeak = Math.max(pdfPeak, rss);
  }, 50);
  try {
    while (doneAt === null) {
      const r = await fetch(`${api}/reports/${id}`, { headers }).catch(() => null);
      if (r?.ok) {
        const body = (await r.json()) as { state: string; stage: string; error: string | null };
        const t = performance.now();
        if (body.state === 'failed') throw new Error(`report failed: ${body.error}`);
        if (started === null && body.state !== 'queued') started = t;
        if (pdfAt === null && (body.stage === 'pdf' || body.state === 'done')) pdfAt = t;
        if (body.state === 'done') doneAt = t;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    clearInterval(sampler);
  }
  const json = await (await fetch(`${api}/reports/${id}`, { headers })).text();
  const pdf = Buffer.from(
    await (await fetch(`${api}/reports/${id}/pdf`, { headers })).arrayBuffer(),
  );
  const pages = Number(
    /Pages:\s+(\d+)/.exec(
      spawnSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }).stdout,
    )?.[1] ?? 0,
  );
  return {
    queuedToDataMs: (pdfAt ?? 0) - posted,
    dataMs: (pdfAt ?? 0) - (started ?? posted),
    pdfMs: doneAt - (pdfAt ?? doneAt),
    baseRssMiB: baseRss / 1024,
    dataPeakMiB: dataPeak / 1024,
    pdfPeakMiB: pdfPeak / 1024,
    jsonKiB: json.length / 1024,
    pdfKiB: pdf.length / 1024,
    pages,
  };
}

async function main(): Promise<void> {
  const lease = spawnSync(
    'bash',
    [join(repoRoot, 'scripts/services.sh'), 'acquire', String(process.pid)],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (lease.status !== 0) throw new Error('scripts/services.sh acquire failed');
  const children: ChildProcess[] = [];
  const mongo = await MongoClient.connect(MONGO_URL);
  try {
    const inventory = generateDemoNetwork({ seed });
    const db = mongo.db(DB);
    await db.dropDatabase();
    await seedInventory(db, inventory);
    const circuits = inventory.circuits.filter((c) => c.customerId === 'bank-a');
    const period = lastMonth(new Date());
    const seedStart = performance.now();
    const docs = await seedMonth(db, circuits, period.from, period.to);
    console.log(
      `seeded ${circuits.length} circuits, ${docs} perf buckets (${withFiveMinute ? '5m, ' : ''}1h, 1d) in ${fmt((performance.now() - seedStart) / 1000, 1)} s`,
    );

    const password = randomBytes(12).toString('base64url');
    const env = { MONGO_URL, MONGO_DB: DB, LOG_LEVEL: 'warn' };
    const provision = spawnSync(
      'node',
      [
        join(repoRoot, 'api/dist/cli/provision-users.js'),
        join(repoRoot, 'api/fixtures/demo-users.json'),
      ],
      {
        env: { ...process.env, ...env, DEMO_PASSWORD: password },
        encoding: 'utf8',
      },
    );
    if (provision.status !== 0) throw new Error(`provisioning failed: ${provision.stderr}`);
    const apiProcess = startNode('api-bench-reports', 'api/dist/main.js', [], {
      ...env,
      API_PORT: String(API_PORT),
      INGEST_ENABLED: 'false',
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      RATE_LIMIT_PER_ADDRESS: '100000000',
      RATE_LIMIT_PER_USER: '100000000',
    });
    children.push(apiProcess);
    const api = `http://127.0.0.1:${API_PORT}/api/v1`;
    await waitFor('API', () => httpOk(`${api}/health`), 90_000);
    const login = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'am.zhang', password }),
    });
    if (login.status !== 200) throw new Error(`login: HTTP ${login.status}`);
    const { accessToken } = (await login.json()) as { accessToken: string };

    const results: Round[] = [];
    for (let r = 0; r < rounds; r += 1)
      results.push(await oneRound(api, accessToken, apiProcess.pid!, period));
    console.log(
      `\nmonthly VIP report of bank-a (${circuits.length} circuits), ${period.from.toISOString()} – ${period.to.toISOString()}, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      '| round | queued → figures | figures (job) | PDF | API RSS before | peak RSS, figures | peak RSS, PDF | figures JSON | PDF | pages |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    results.forEach((x, k) =>
      console.log(
        `| ${k + 1} | ${fmt(x.queuedToDataMs / 1000, 1)} s | ${fmt(x.dataMs / 1000, 1)} s | ${fmt(x.pdfMs / 1000, 1)} s | ${fmt(x.baseRssMiB, 0)} MiB | ${fmt(x.dataPeakMiB, 0)} MiB | ${fmt(x.pdfPeakMiB, 0)} MiB | ${fmt(x.jsonKiB, 0)} KiB | ${fmt(x.pdfKiB, 0)} KiB | ${x.pages} |`,
      ),
    );
  } finally {
    for (const c of children.reverse()) await stopChild(c);
    await mongo.db(DB).dropDatabase();
    await mongo.close();
    spawnSync('bash', [join(repoRoot, 'scripts/services.sh'), 'release', String(process.pid)], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
