import type { AssuranceOverrideDocument } from '../src/assurance/assurance-window.document';
import { AssuranceService } from '../src/assurance/assurance.service';
import { COLLECTIONS } from '../src/database/collections';
import { AssuranceOverridesReader } from '../src/ingest/inventory/assurance-overrides.reader';
import type { ReportDocument } from '../src/reports/report.document';
import { type ApiHarness, startApi } from './support/api-harness';
import { insertAlarm, insertCircuit, insertCustomer, insertUser } from './support/factories';
import { SmtpSink } from './support/smtp-sink';
import { eventually } from './support/ticket-fixtures';

interface Window {
  id: string;
  status: string;
  phase: string;
  pollIntervalSec: number;
  notices: number;
  reportId: string | null;
}

/**
 * Key-period assurance end to end: request, NOC approval, the overrides the poller and
 * the ingestion read, a degradation notice by e-mail (real SMTP), the dashboard, and the
 * window's report once it ended — all through the real queue.
 */
describe('key-period assurance', () => {
  let api: ApiHarness;
  let smtp: SmtpSink;
  let am: string;
  let noc: string;
  let otherAdmin: string;
  let viewer: string;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    api = await startApi(`api_it_assure_${process.pid}`, {
      SMTP_URL: smtp.url,
      ASSURANCE_CHECK_MS: '2000',
    });
    await insertCustomer(api.db, 'bank-k', { 'bank-k-wh': 'bank-k-root' });
    await insertCustomer(api.db, 'bank-l');
    await insertCircuit(api.db, 'k-c1', 'bank-k', ['bank-k-root', 'bank-k-wh']);
    await insertCircuit(api.db, 'k-c2', 'bank-k', ['bank-k-root'], {
      aEnd: { siteId: 'site-k-c2-a', deviceId: 'cpe-k-c2', mgmtIp: '127.20.0.21', ifIndex: 2 },
    });
    await insertCircuit(api.db, 'l-c1', 'bank-l', ['bank-l-root'], {
      aEnd: { siteId: 'site-l-c1-a', deviceId: 'cpe-l-c1', mgmtIp: '127.20.0.22', ifIndex: 2 },
    });
    await insertUser(api.db, 'am.k', 'account-manager', { assignedCustomerIds: ['bank-k'] });
    await insertUser(api.db, 'noc.k', 'noc-operator');
    await insertUser(api.db, 'adm.l', 'customer-admin', {
      customerId: 'bank-l',
      orgUnitId: 'bank-l-root',
    });
    await insertUser(api.db, 'view.k', 'customer-viewer', {
      customerId: 'bank-k',
      orgUnitId: 'bank-k-wh',
    });
    am = await api.login('am.k');
    noc = await api.login('noc.k');
    otherAdmin = await api.login('adm.l');
    viewer = await api.login('view.k');
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  const send = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
    fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });

  it('request → approve → faster polling, tighter thresholds, priority, notice, dashboard, report', async () => {
    const start = new Date(Date.now() - 60_000);
    const end = new Date(Date.now() + 20_000);
    const res = await send('POST', '/assurance-windows', am, {
      customerId: 'bank-k',
      title: '年终决算保障',
      circuitIds: ['k-c1'],
      start: start.toISOString(),
      end: end.toISOString(),
      contacts: [{ name: 'IT duty', email: 'duty@bank-k.example' }],
    });
    expect(res.status).toBe(201);
    const requested = (await res.json()) as Window;
    expect(requested.status).toBe('requested');

    // Not in force before approval.
    const overrides = api.db.collection<AssuranceOverrideDocument>(COLLECTIONS.assuranceOverrides);
    expect(await overrides.countDocuments({})).toBe(0);
    expect((await send('POST', `/assurance-windows/${requested.id}/approve`, am)).status).toBe(403);

    const approved = (await (
      await send('POST', `/assurance-windows/${requested.id}/approve`, noc, { pollIntervalSec: 10 })
    ).json()) as Window;
    expect(approved.status).toBe('approved');
    expect(approved.phase).toBe('running');
    expect((await send('POST', `/assurance-windows/${requested.id}/approve`, noc)).status).toBe(
      409,
    );

    // One override per end device, for the poller (collectors/test/assurance-intervals)…
    const written = await overrides.find({}).sort({ _id: 1 }).toArray();
    expect(written.map((o) => [o.deviceId, o.ifIndexes, o.pollIntervalSec])).toEqual([
      ['cpe-k-c1', [2], 10],
      ['pe-shared-1', [7], 10],
    ]);
    // …and the ingestion, which reads the tighter thresholds for the end interfaces.
    const active = await new AssuranceOverridesReader(api.db, 0).load();
    expect(active.pollIntervalSec('cpe-k-c1', new Date())).toBe(10);
    expect(active.thresholds('cpe-k-c1', 2, new Date())?.congestionRaise).toBe(0.7);
    expect(active.thresholds('cpe-k-c1', 3, new Date())).toBeUndefined();
    // The tickets' priority read.
    const priority = await api.app.get(AssuranceService).priorityFor(['k-c2', 'k-c1'], new Date());
    expect(priority).toEqual({ windowId: requested.id, priority: 'P1', end });
    expect(await api.app.get(AssuranceService).priorityFor(['k-c2'], new Date())).toBeNull();

    // A degradation on the assured circuit is told to the contacts, once.
    await insertAlarm(api.db, 'al-k-1', ['bank-k'], ['k-c1'], {
      alarmRaisedTime: new Date(),
      probableCause: 'congestion',
      specificProblem: 'utilisation at or above 70 % (key-period assurance)',
    });
    await insertAlarm(api.db, 'al-k-2', ['bank-k'], ['k-c2'], { reductionKey: 'linkDown|k2' });
    await smtp.waitFor((m) => m.some((x) => x.to.includes('duty@bank-k.example')), 30_000);
    const notice = smtp.to('duty@bank-k.example')[0]!;
    expect(notice.text).toContain('k-c1');
    expect(notice.text).not.toContain('k-c2');

    const dashboard = (await (
      await api.get(`/assurance-windows/${requested.id}/dashboard`, am)
    ).json()) as { circuits: Array<{ circuitId: string }>; up: number };
    expect(dashboard.circuits.map((c) => c.circuitId)).toEqual(['k-c1']);

    // Scope: another bank's admin and an org-subtree viewer outside… the viewer is inside (Wuhan).
    expect((await api.get(`/assurance-windows/${requested.id}`, otherAdmin)).status).toBe(404);
    expect((await api.get(`/assurance-windows/${requested.id}`, viewer)).status).toBe(200);

    // Once it ended, the window's report is made.
    // (The report job renders its PDF in this process: a poll that meets the reset of a
    // keep-alive connection is retried.)
    const done = await eventually(
      async () => {
        const reply = await api.get(`/assurance-windows/${requested.id}`, am).catch(() => null);
        const w = reply ? ((await reply.json()) as Window) : null;
        if (!w?.reportId) return null;
        const r = await api.db
          .collection<ReportDocument>(COLLECTIONS.reports)
          .findOne({ _id: w.reportId });
        return r?.state === 'done' ? { w, r } : null;
      },
      90_000,
      500,
    );
    expect(done.w.notices).toBe(1);
    expect(done.r.kind).toBe('assurance');
    expect(
      (done.r.data as { availability: Array<{ circuitId: string }> }).availability.map(
        (a) => a.circuitId,
      ),
    ).toEqual(['k-c1']);
    expect(smtp.to('duty@bank-k.example')).toHaveLength(1);
  }, 150_000);

  it('refuses other customers’ circuits and customers', async () => {
    const body = {
      customerId: 'bank-k',
      title: 'x',
      circuitIds: ['l-c1'],
      start: new Date().toISOString(),
      end: new Date(Date.now() + 3600_000).toISOString(),
    };
    const bad = await send('POST', '/assurance-windows', am, body);
    expect(bad.status).toBe(400);
    expect((await send('POST', '/assurance-windows', otherAdmin, body)).status).toBe(404);
    expect((await send('POST', '/assurance-windows', viewer, body)).status).toBe(403);
  });
});
