import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { COLLECTIONS } from '../src/database/collections';
import type { MaintenanceWindowDocument } from '../src/database/documents';
import { DEFAULT_SLA_TARGETS, type SlaTargets } from '../src/sla/sla-targets';
import type { TicketDocument } from '../src/tickets/ticket.document';
import { type ApiHarness, startApi } from './support/api-harness';
import { ApiWorkerProcess } from './support/api-worker';
import { insertCircuit, insertCustomer, insertUser } from './support/factories';
import { SmtpSink } from './support/smtp-sink';
import { eventually, insertTeam } from './support/ticket-fixtures';

const SERVICES_SCRIPT = path.resolve(__dirname, '../../scripts/services.sh');

/** Seconds-scale targets: response 3 s, restore 6 s; warnings at half; duty manager 3 s after a breach. */
const FAST: SlaTargets = Object.fromEntries(
  Object.entries(DEFAULT_SLA_TARGETS).map(([cls, row]) => [
    cls,
    Object.fromEntries(Object.keys(row).map((p) => [p, { responseMin: 0.05, restoreMin: 0.1 }])),
  ]),
) as SlaTargets;

const TIMER_ENV = {
  TICKET_SLA_TARGETS: JSON.stringify(FAST),
  TICKET_SLA_WARN_SHARE: '0.5',
  TICKET_ESCALATE_DUTY_AFTER_MIN: '0.05',
  TICKET_PROACTIVE_SWEEP_SEC: '0',
  // A killed worker's jobs are taken again after 2 s instead of 30.
  JOBS_LOCK_DURATION_MS: '2000',
  JOBS_STALLED_INTERVAL_MS: '1000',
};

/** The five timer effects a ticket left alone must get, each exactly once. */
const EXPECTED = { 'sla-warning': 2, 'sla-breach': 2, escalated: 1 };

function firings(t: TicketDocument): Record<string, number> {
  const counts: Record<string, number> = { 'sla-warning': 0, 'sla-breach': 0, escalated: 0 };
  for (const e of t.timeline) if (e.type in counts) counts[e.type]! += 1;
  return counts;
}

async function seed(api: ApiHarness): Promise<void> {
  await insertCustomer(api.db, 'bank-a');
  await insertCircuit(api.db, 'a-1', 'bank-a', ['bank-a-root']);
  await insertCircuit(api.db, 'a-2', 'bank-a', ['bank-a-root']);
  await insertUser(api.db, 'a.admin', 'customer-admin', { customerId: 'bank-a' });
  await insertUser(api.db, 'noc', 'noc-operator');
  await insertUser(api.db, 'lead', 'noc-operator');
  await insertUser(api.db, 'duty', 'noc-operator');
  await insertTeam(api.db, {
    _id: 'team-all',
    leadUserId: 'user-lead',
    dutyManagerUserId: 'user-duty',
  });
}

async function fileTickets(
  api: ApiHarness,
  token: string,
  n: number,
  circuitId = 'a-1',
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${api.baseUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ticketType: 'fault',
        circuitId,
        impact: 'down',
        description: `timer test ${i}`,
      }),
    });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return ids;
}

/** Waits until every ticket has all its timer effects, then returns them (for exact counts). */
async function allFired(
  api: ApiHarness,
  ids: readonly string[],
  ms = 60_000,
): Promise<TicketDocument[]> {
  const tickets = api.db.collection<TicketDocument>(COLLECTIONS.tickets);
  return eventually(async () => {
    const docs = await tickets.find({ _id: { $in: [...ids] } }).toArray();
    return docs.length === ids.length &&
      docs.every((d) => d.sla.escalationLevel === 2 && (firings(d).escalated ?? 0) >= 1)
      ? docs
      : null;
  }, ms);
}

describe('SLA timers: on time, once, across replicas, a killed worker and a Redis restart', () => {
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
  });

  afterAll(async () => {
    await smtp.close();
  });

  it('two replicas fire each warning, breach and escalation once, never early', async () => {
    const db = `api_it_sla_${process.pid}`;
    const a = await startApi(db, { ...TIMER_ENV, SMTP_URL: smtp.url });
    const b = await startApi(db, {
      ...TIMER_ENV,
      SMTP_URL: smtp.url,
      API_INSTANCE_ID: `api-test-b-${process.pid}`,
    });
    try {
      await seed(a);
      const token = await a.login('a.admin');
      for (const [user, email] of [
        ['lead', 'lead@op.example'],
        ['duty', 'duty@op.example'],
      ] as const) {
        const t = await a.login(user);
        await fetch(`${a.baseUrl}/notifications/preferences`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
          body: JSON.stringify({ email }),
        });
      }
      const ids = await fileTickets(a, token, 10);
      const docs = await allFired(a, ids);
      for (const d of docs) {
        expect(firings(d)).toEqual(EXPECTED);
        const created = new Date(d.creationDate).getTime();
        expect(new Date(d.sla.response.warnedAt!).getTime()).toBeGreaterThanOrEqual(created + 1500);
        expect(new Date(d.sla.response.breachedAt!).getTime()).toBeGreaterThanOrEqual(
          created + 3000,
        );
        expect(new Date(d.sla.restore.breachedAt!).getTime()).toBeGreaterThanOrEqual(
          created + 6000,
        );
        expect(d.sla.restore.met).toBe(false);
      }
      // Escalation mail: the lead once per breach, the duty manager once per ticket.
      await smtp.waitFor(() => smtp.to('duty@op.example').length >= ids.length);
      await new Promise((r) => setTimeout(r, 1000));
      for (const id of ids) {
        expect(smtp.to('duty@op.example').filter((m) => m.text.includes(id))).toHaveLength(1);
        expect(
          smtp.to('lead@op.example').filter((m) => m.raw.includes(`X-Circuitcare-Ticket: ${id}`))
            .length,
        ).toBe(4); // 2 warnings + 2 breaches
      }
    } finally {
      await b.close();
      await a.close();
    }
  }, 120_000);

  it('pauses while pending on the customer and during approved maintenance', async () => {
    const api = await startApi(`api_it_sla_pause_${process.pid}`, TIMER_ENV);
    try {
      await seed(api);
      const token = await api.login('a.admin');
      const noc = await api.login('noc');
      // Approved maintenance on a-2 for the next ten minutes: its clocks start after it.
      const now = Date.now();
      await api.db.collection<MaintenanceWindowDocument>(COLLECTIONS.maintenanceWindows).insertOne({
        _id: 'mw-1',
        title: 'work',
        description: '',
        elementIds: ['cpe-a-2'],
        linkIds: [],
        start: new Date(now - 60_000),
        end: new Date(now + 600_000),
        status: 'approved',
        circuitIds: ['a-2'],
        customerIds: ['bank-a'],
        orgUnitIds: ['bank-a-root'],
        createdBy: 'x',
        createdAt: new Date(now - 120_000),
        approvedBy: 'y',
        approvedAt: new Date(now - 90_000),
        cancelledBy: null,
        cancelledAt: null,
      });
      const [inMaintenance] = await fileTickets(api, token, 1, 'a-2');
      const m = (await api.db
        .collection<TicketDocument>(COLLECTIONS.tickets)
        .findOne({ _id: inMaintenance }))!;
      expect(new Date(m.sla.restore.dueAt!).getTime()).toBeGreaterThanOrEqual(now + 600_000 + 6000);

      const [id] = await fileTickets(api, token, 1);
      const move = async (status: string, reason?: string): Promise<void> => {
        const res = await fetch(`${api.baseUrl}/tickets/${id}/status`, {
          method: 'POST',
          headers: { authorization: `Bearer ${noc}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status, reason }),
        });
        expect(res.status).toBe(200);
      };
      await move('inProgress');
      await move('pending', 'waiting for the site key');
      // Longer than the whole restore target: nothing may fire while pending.
      await new Promise((r) => setTimeout(r, 8000));
      const paused = (await api.db
        .collection<TicketDocument>(COLLECTIONS.tickets)
        .findOne({ _id: id }))!;
      expect(paused.sla.restore.breachedAt).toBeNull();
      expect(paused.sla.restore.dueAt).toBeNull();
      await move('inProgress');
      const resumed = await eventually(async () => {
        const t = await api.db.collection<TicketDocument>(COLLECTIONS.tickets).findOne({ _id: id });
        return t?.sla.restore.breachedAt ? t : null;
      });
      const pause = resumed.sla.pauses[0]!;
      const pausedMs = new Date(pause.to!).getTime() - new Date(pause.from).getTime();
      expect(new Date(resumed.sla.restore.breachedAt!).getTime()).toBeGreaterThanOrEqual(
        new Date(resumed.creationDate).getTime() + 6000 + pausedMs,
      );
      expect(firings(resumed)['sla-breach']).toBe(1); // the response clock stopped at inProgress
    } finally {
      await api.close();
    }
  }, 120_000);

  it('a killed worker and a Redis restart lose no timer and fire none twice', async () => {
    const dbName = `api_it_sla_kill_${process.pid}`;
    // HTTP only: the timers run in the worker processes alone.
    const api = await startApi(dbName, { ...TIMER_ENV, JOBS_WORKER_ENABLED: 'false' });
    const workerEnv = {
      ...TIMER_ENV,
      MONGO_URL: api.config.MONGO_URL,
      MONGO_DB: dbName,
      REDIS_URL: api.config.REDIS_URL,
      JWT_SECRET: api.config.JWT_SECRET,
    };
    let worker = new ApiWorkerProcess(workerEnv);
    try {
      await seed(api);
      const token = await api.login('a.admin');
      await worker.start();
      const killed = await fileTickets(api, token, 15);
      // Kill the worker once it has started firing: some jobs are in its hands.
      await eventually(
        async () =>
          (await api.db
            .collection<TicketDocument>(COLLECTIONS.tickets)
            .countDocuments({ 'sla.response.warnedAt': { $ne: null } })) > 0,
        30_000,
        50,
      );
      await worker.kill();
      await new Promise((r) => setTimeout(r, 1500));
      worker = new ApiWorkerProcess(workerEnv);
      await worker.start();
      for (const d of await allFired(api, killed)) expect(firings(d)).toEqual(EXPECTED);

      // Timers planned, then Redis restarted (appendonly: the jobs come back from disk).
      const restarted = await fileTickets(api, token, 10);
      await new Promise((r) => setTimeout(r, 1200)); // appendfsync everysec
      const restart = spawnSync('bash', [SERVICES_SCRIPT, 'restart', 'redis'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect({
        status: restart.status,
        stderr: restart.status === 0 ? '' : restart.stderr,
      }).toEqual({ status: 0, stderr: '' });
      const docs = await allFired(api, restarted, 90_000).catch((error: unknown) => {
        throw new Error(`${(error as Error).message}\nworker log:\n${worker.log}`);
      });
      for (const d of docs) expect(firings(d)).toEqual(EXPECTED);
    } finally {
      await worker.stop();
      // Whatever happened above, Redis is left running for everybody else.
      spawnSync('bash', [SERVICES_SCRIPT, 'up', 'redis'], { encoding: 'utf8', timeout: 60_000 });
      await api.close();
    }
  }, 240_000);
});
