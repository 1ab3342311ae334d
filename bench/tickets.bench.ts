import { type ChildProcess, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import Bull from 'bull';
import { MongoClient } from 'mongodb';

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
import { dropGinCompanions } from './support/ferretdb-backend';

/**
 * npm run bench:tickets — `--tickets` (10,000) fault tickets filed through the HTTP API by
 * the two banks' admins (`--concurrency` requests in flight), each with its SLA clocks on
 * bull delayed jobs in Redis, on the real stack (FerretDB, Redis, Kafka) and one API process
 * that both serves the requests and runs the timer workers, as a single replica does.
 * Every class and priority gets the same short targets (TICKET_SLA_TARGETS) so that all
 * timers fall due within minutes: response warning at 80 % and breach, restore warning and
 * breach, then the duty-manager escalation `--duty-min` after the restore breach. Nobody
 * touches the tickets, so every clock runs to its breach: five timers per ticket.
 * Baselines, measured in the same run before the filing: `GET /auth/me` under the same
 * concurrency (what every request pays: JWT, user reload, rate limit), and bare bull
 * delayed jobs on the same Redis that do nothing (`--baseline-jobs`, due over 20 s, eight
 * at a time): the lateness the queue itself adds.
 * Figures: tickets/s created (and request latency), and per timer kind the lateness —
 * the instant the effect was stored on the ticket (warnedAt, breachedAt, the escalation
 * entry) minus the instant it was due — p50/p99/max; plus any timer that fired twice or
 * never. No SMTP server is configured: notifications are recorded as skipped (their jobs
 * still run on the same worker).
 * Options: --tickets 10000 --concurrency 16 --response-min 3 --restore-min 6 --duty-min 1
 *          --drain-min 30 --baseline-jobs 2000 --wait-for all|response --seed 2026
 *          --without-companions (the baseline of ADR 0020: FerretDB's finds scan again)
 */
const API_PORT = 28081;
const DB = 'cc_bench_tickets';
const MONGO_URL = 'mongodb://127.0.0.1:27017/';
const WARN_SHARE = 0.8;
const MIN = 60_000;

const ticketCount = argNumber('--tickets', 10_000);
const concurrency = argNumber('--concurrency', 16);
const responseMin = argNumber('--response-min', 3);
const restoreMin = argNumber('--restore-min', 6);
const dutyMin = argNumber('--duty-min', 1);
/** Minutes to wait, after the last timer fell due, for the queue to run what is left. */
const drainMin = argNumber('--drain-min', 30);
const seed = argNumber('--seed', 2026);
const baselineJobs = argNumber('--baseline-jobs', 2000);
/**
 * `--wait-for response`: wait only for every response breach (restore timers stay planned
 * in Redis, due after the run, when `--restore-min` is long): a shorter run.
 */
const waitForResponse = process.argv.includes('--wait-for')
  ? process.argv[process.argv.indexOf('--wait-for') + 1] === 'response'
  : false;

interface Clock {
  targetMinutes: number;
  dueAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
}

interface StoredTicket {
  _id: string;
  sla: { startedAt: Date; response: Clock; restore: Clock; escalationLevel: number };
  timeline: Array<{ type: string; at: Date; detail?: { clock?: string } }>;
}

/** `--without-companions`: drop the GIN companions of the bench's database (ADR 0020). */
const withoutCompanions = process.argv.includes('--without-companions');

const KINDS = ['response warn', 'response breach', 'restore warn', 'restore breach', 'duty'];

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

    const target = { responseMin, restoreMin };
    const row = { P1: target, P2: target, P3: target, P4: target };
    const apiProcess = startNode('tickets-bench-api', 'api/dist/main.js', [], {
      ...env,
      API_PORT: String(API_PORT),
      INGEST_ENABLED: 'false',
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      // The filing outlasts the default 15-minute access token.
      JWT_TTL_SECONDS: '86400',
      RATE_LIMIT_PER_ADDRESS: '100000000',
      RATE_LIMIT_PER_USER: '100000000',
      TICKET_SLA_TARGETS: JSON.stringify({ platinum: row, gold: row, silver: row, bronze: row }),
      TICKET_SLA_WARN_SHARE: String(WARN_SHARE),
      TICKET_ESCALATE_DUTY_AFTER_MIN: String(dutyMin),
      TICKET_PROACTIVE_SWEEP_SEC: '0',
    });
    children.push(apiProcess);
    const api = `http://127.0.0.1:${API_PORT}/api/v1`;
    await waitFor('API', () => httpOk(`${api}/health`), 90_000);
    if (withoutCompanions) {
      // The baseline of ADR 0020: FerretDB's finds scan the collection again.
      const dropped = dropGinCompanions(DB);
      console.log(`--without-companions: dropped ${dropped} GIN companion indexes of ${DB}`);
    }

    const filers = await Promise.all(
      (['bank-a', 'bank-b'] as const).map(async (customerId) => {
        const res = await fetch(`${api}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: `${customerId}.admin`, password }),
        });
        if (res.status !== 200) throw new Error(`login: HTTP ${res.status} ${await res.text()}`);
        const { accessToken } = (await res.json()) as { accessToken: string };
        const circuits = inventory.circuits
          .filter((c) => c.customerId === customerId)
          .map((c) => c._id);
        return { token: accessToken, circuits };
      }),
    );

    await authMeBaseline(api, filers[0]!.token);
    await bullBaseline();

    // Filing: ticket i by bank (i mod 2), on that bank's circuits in turn.
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    const worker = async (): Promise<void> => {
      while (next < ticketCount) {
        const i = next++;
        const filer = filers[i % 2]!;
        const circuitId = filer.circuits[Math.floor(i / 2) % filer.circuits.length]!;
        const t0 = performance.now();
        const res = await fetch(`${api}/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${filer.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            ticketType: 'fault',
            circuitId,
            impact: i % 3 === 0 ? 'down' : i % 3 === 1 ? 'degraded' : 'intermittent',
            description: `bench ticket ${i}`,
          }),
        });
        const text = await res.text();
        latencies.push(performance.now() - t0);
        if (res.status !== 201) throw new Error(`ticket ${i}: HTTP ${res.status} ${text}`);
        if ((i + 1) % 1000 === 0) {
          const s = (performance.now() - started) / 1000;
          console.log(`  ${i + 1} tickets filed in ${fmt(s)} s`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const fileSec = (performance.now() - started) / 1000;
    const filedAt = Date.now();
    console.log(
      `filed ${ticketCount} tickets in ${fmt(fileSec)} s: ${fmt(ticketCount / fileSec)} tickets/s, ` +
        `request p50 ${fmt(percentile(latencies, 0.5))} ms, p99 ${fmt(percentile(latencies, 0.99))} ms ` +
        `(${concurrency} in flight; load ${loadavg()
          .map((l) => fmt(l, 2))
          .join(' ')})`,
    );

    // Every timer of the last ticket is due by restore + duty (or its response breach with
    // --wait-for response); allow the queue to drain.
    const tickets = db.collection<StoredTicket>('tickets');
    const lastDueMin = waitForResponse ? responseMin : restoreMin + dutyMin;
    const deadline = filedAt + (lastDueMin + drainMin) * MIN;
    // Progress from Redis, not the database: a count over 10,000 tickets with a `$ne: null`
    // filter is a full scan on FerretDB (not pushed down) and would compete with the worker.
    const timers = new Bull('ticket-timers', 'redis://127.0.0.1:6379', { prefix: `cc:${DB}` });
    const what = waitForResponse ? 'both response timers' : 'all five timers';
    try {
      while (Date.now() < deadline) {
        const counts = await timers.getJobCounts();
        const [earliest] = await timers.getDelayed(0, 0);
        const nextDue = earliest ? earliest.timestamp + (earliest.opts.delay ?? 0) : Infinity;
        const pending = counts.waiting + counts.active;
        if (Date.now() > filedAt + lastDueMin * MIN && pending === 0 && nextDue > Date.now()) {
          break;
        }
        console.log(
          `  timers: ${pending} due and waiting or running, ${counts.delayed} planned, ${counts.completed} done`,
        );
        await new Promise((r) => setTimeout(r, 15_000));
      }
    } finally {
      await timers.close();
    }
    const endedAt = Date.now();
    const docs = await tickets.find({}, { projection: { sla: 1, timeline: 1 } }).toArray();
    const through = docs.filter((t) =>
      waitForResponse
        ? t.sla.response.breachedAt
        : t.sla.escalationLevel === 2 && t.sla.response.breachedAt,
    ).length;
    console.log(`\n${through}/${docs.length} tickets through ${what}`);
    printLateness(docs, endedAt);
  } finally {
    for (const c of children.reverse()) await stopChild(c);
    await mongo.db(DB).dropDatabase();
    await mongo.close();
    spawnSync('bash', [join(repoRoot, 'scripts/services.sh'), 'release', String(process.pid)], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
}

/** `GET /auth/me` with the filing's concurrency: the cost every authenticated request pays. */
async function authMeBaseline(api: string, token: string): Promise<void> {
  const count = Math.min(2000, ticketCount);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next++ < count) {
      const t0 = performance.now();
      const res = await fetch(`${api}/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      await res.text();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`GET /auth/me: HTTP ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const sec = (performance.now() - started) / 1000;
  console.log(
    `baseline GET /auth/me: ${fmt(count / sec)} requests/s, p50 ${fmt(percentile(latencies, 0.5))} ms, ` +
      `p99 ${fmt(percentile(latencies, 0.99))} ms (${concurrency} in flight)`,
  );
}

/** Bare bull delayed jobs on the same Redis, doing nothing: the queue's own lateness. */
async function bullBaseline(): Promise<void> {
  if (baselineJobs <= 0) return;
  const queue = new Bull<{ dueAt: number }>('bench-baseline', 'redis://127.0.0.1:6379', {
    prefix: `cc:${DB}:baseline`,
  });
  try {
    const late: number[] = [];
    const all = new Promise<void>((resolve) => {
      void queue.process(8, (job) => {
        late.push(Date.now() - job.data.dueAt);
        if (late.length >= baselineJobs) resolve();
        return Promise.resolve();
      });
    });
    const start = Date.now() + 3000;
    const dues = Array.from({ length: baselineJobs }, (_, i) =>
      Math.floor(start + (i * 20_000) / baselineJobs),
    );
    const now = Date.now();
    await queue.addBulk(
      dues.map((dueAt) => ({
        data: { dueAt },
        opts: { delay: dueAt - now, removeOnComplete: true },
      })),
    );
    await all;
    console.log(
      `baseline bull delayed jobs: ${late.length}, lateness p50 ${fmt(percentile(late, 0.5), 0)} ms, ` +
        `p99 ${fmt(percentile(late, 0.99), 0)} ms, max ${fmt(
          late.reduce((m, x) => Math.max(m, x), 0),
          0,
        )} ms`,
    );
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

/** Lateness per kind from what the tickets store, and timers that fired twice or never. */
function printLateness(docs: StoredTicket[], endedAt: number): void {
  const late = new Map<string, number[]>(KINDS.map((k) => [k, []]));
  /** Due before the end of the run and not fired: lost or behind. */
  const missing = new Map<string, number>(KINDS.map((k) => [k, 0]));
  /** Due after the end of the run: still planned in Redis. */
  const notDue = new Map<string, number>(KINDS.map((k) => [k, 0]));
  let twice = 0;
  const ms = (d: Date | null | undefined): number | null => (d ? new Date(d).getTime() : null);
  for (const t of docs) {
    const start = new Date(t.sla.startedAt).getTime();
    for (const name of ['response', 'restore'] as const) {
      const c = t.sla[name];
      const warnDue = start + c.targetMinutes * WARN_SHARE * MIN;
      const pairs: Array<[string, number | null, number | null]> = [
        [`${name} warn`, ms(c.warnedAt), warnDue],
        [`${name} breach`, ms(c.breachedAt), ms(c.dueAt)],
      ];
      for (const [kind, at, due] of pairs) {
        if (at !== null && due !== null) late.get(kind)!.push(at - due);
        else if (due !== null && due > endedAt) notDue.set(kind, notDue.get(kind)! + 1);
        else missing.set(kind, missing.get(kind)! + 1);
      }
      const warnings = t.timeline.filter(
        (e) => e.type === 'sla-warning' && e.detail?.clock === name,
      ).length;
      const breaches = t.timeline.filter(
        (e) => e.type === 'sla-breach' && e.detail?.clock === name,
      ).length;
      if (warnings > 1 || breaches > 1) twice += 1;
    }
    const escalations = t.timeline.filter((e) => e.type === 'escalated');
    if (escalations.length > 1) twice += 1;
    const breached = ms(t.sla.restore.breachedAt);
    if (escalations[0] && breached !== null) {
      late.get('duty')!.push(new Date(escalations[0].at).getTime() - (breached + dutyMin * MIN));
    } else if (breached === null || breached + dutyMin * MIN > endedAt) {
      notDue.set('duty', notDue.get('duty')! + 1);
    } else {
      missing.set('duty', missing.get('duty')! + 1);
    }
  }
  console.log('| timer | fired | lateness p50 | p99 | max | due, not fired | due after the run |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const kind of KINDS) {
    const v = late.get(kind)!;
    const stats = v.length
      ? `${fmt(percentile(v, 0.5), 0)} ms | ${fmt(percentile(v, 0.99), 0)} ms | ${fmt(
          v.reduce((m, x) => Math.max(m, x), -Infinity),
          0,
        )} ms`
      : '— | — | —';
    console.log(
      `| ${kind} | ${v.length} | ${stats} | ${missing.get(kind)} | ${notDue.get(kind)} |`,
    );
  }
  const all = [...late.values()].flat();
  // Throughput of the worker: effects stored per second from the first due instant on.
  const firedAt = docs.flatMap((t) =>
    [
      t.sla.response.warnedAt,
      t.sla.response.breachedAt,
      t.sla.restore.warnedAt,
      t.sla.restore.breachedAt,
      ...t.timeline.filter((e) => e.type === 'escalated').map((e) => e.at),
    ].flatMap((d) => (d ? [new Date(d).getTime()] : [])),
  );
  const firstDue = Math.min(
    ...docs.map(
      (t) => new Date(t.sla.startedAt).getTime() + t.sla.response.targetMinutes * WARN_SHARE * MIN,
    ),
  );
  const spanSec = (firedAt.reduce((m, x) => Math.max(m, x), 0) - firstDue) / 1000;
  console.log(
    `timer effects stored: ${firedAt.length} in ${fmt(spanSec)} s from the first due instant (${fmt(firedAt.length / spanSec)} /s)`,
  );
  console.log(
    `all timers: ${all.length}, lateness p50 ${fmt(percentile(all, 0.5), 0)} ms, p99 ${fmt(percentile(all, 0.99), 0)} ms; ` +
      `fired early: ${all.filter((x) => x < 0).length}; tickets with a timer fired twice: ${twice}`,
  );
  if (twice > 0 || [...missing.values()].some((n) => n > 0)) {
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
