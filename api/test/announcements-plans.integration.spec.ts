import { COLLECTIONS } from '../src/database/collections';
import type { MaintenanceWindowDocument } from '../src/database/documents';
import type { NotificationPreferencesDocument } from '../src/notifications/notification.document';
import { type ApiHarness, startApi } from './support/api-harness';
import { insertCircuit, insertCustomer, insertUser } from './support/factories';
import { SmtpSink } from './support/smtp-sink';

/** Maintenance and platform announcements (with mail over real SMTP), and emergency plans. */
describe('announcements and emergency plans', () => {
  let api: ApiHarness;
  let smtp: SmtpSink;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    api = await startApi(`api_it_announce_${process.pid}`, { SMTP_URL: smtp.url });
    await insertCustomer(api.db, 'bank-p', { 'bank-p-wh': 'bank-p-root' });
    await insertCustomer(api.db, 'bank-q');
    await insertCircuit(api.db, 'p-c1', 'bank-p', ['bank-p-root', 'bank-p-wh']);
    await insertCircuit(api.db, 'p-c2', 'bank-p', ['bank-p-root'], {
      aEnd: { siteId: 'site-p-c2-a', deviceId: 'cpe-p-c2', mgmtIp: '127.20.0.31', ifIndex: 2 },
    });
    await insertCircuit(api.db, 'q-c1', 'bank-q', ['bank-q-root'], {
      aEnd: { siteId: 'site-q-c1-a', deviceId: 'cpe-q-c1', mgmtIp: '127.20.0.32', ifIndex: 2 },
    });
    const users = [
      await insertUser(api.db, 'adm.p', 'customer-admin', {
        customerId: 'bank-p',
        orgUnitId: 'bank-p-root',
      }),
      await insertUser(api.db, 'adm.q', 'customer-admin', {
        customerId: 'bank-q',
        orgUnitId: 'bank-q-root',
      }),
      await insertUser(api.db, 'eng.p', 'customer-engineer', {
        customerId: 'bank-p',
        orgUnitId: 'bank-p-wh',
      }),
      await insertUser(api.db, 'noc.p', 'noc-operator'),
    ];
    const prefs = (userId: string, email: string): NotificationPreferencesDocument => ({
      _id: userId,
      email,
      phone: null,
      emailEnabled: true,
      webhookUrl: null,
      webhookEnabled: false,
      webhookSecret: null,
      events: { status: true, notes: true, field: true, sla: true },
      updatedAt: new Date(),
    });
    await api.db
      .collection<NotificationPreferencesDocument>(COLLECTIONS.notificationPreferences)
      .insertMany([
        prefs(users[0]!._id, 'admin@bank-p.example'),
        prefs(users[1]!._id, 'admin@bank-q.example'),
      ]);
    const start = new Date(Date.now() + 86_400_000);
    await api.db.collection<MaintenanceWindowDocument>(COLLECTIONS.maintenanceWindows).insertOne({
      _id: 'mw-p-1',
      title: 'PE-1 software upgrade',
      description: '',
      elementIds: ['pe-shared-1'],
      linkIds: [],
      start,
      end: new Date(start.getTime() + 2 * 3600_000),
      status: 'approved',
      circuitIds: ['p-c1'],
      customerIds: ['bank-p'],
      orgUnitIds: ['bank-p-root', 'bank-p-wh'],
      createdBy: 'planner',
      createdAt: new Date(),
      approvedBy: 'approver',
      approvedAt: new Date(),
      cancelledBy: null,
      cancelledAt: null,
    });
    for (const u of ['adm.p', 'adm.q', 'eng.p', 'noc.p']) tokens[u] = await api.login(u);
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  const send = (method: string, path: string, user: string, body?: unknown): Promise<Response> =>
    fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('announces a maintenance window to the affected customer only, and mails its admin', async () => {
    expect((await send('POST', '/maintenance-windows/mw-p-1/announce', 'adm.p')).status).toBe(403);
    const res = await send('POST', '/maintenance-windows/mw-p-1/announce', 'noc.p');
    expect(res.status).toBe(201);
    const a = (await res.json()) as { id: string; customerIds: string[] };
    expect(a.customerIds).toEqual(['bank-p']);
    // Announcing again gives the same announcement.
    expect(
      (
        (await (await send('POST', '/maintenance-windows/mw-p-1/announce', 'noc.p')).json()) as {
          id: string;
        }
      ).id,
    ).toBe(a.id);
    await smtp.waitFor((m) => m.some((x) => x.to.includes('admin@bank-p.example')));
    expect(smtp.to('admin@bank-p.example')[0]!.text).toContain('PE-1 software upgrade');
    expect(smtp.to('admin@bank-q.example')).toHaveLength(0);
    const seen = async (user: string): Promise<string[]> =>
      (
        (await (await send('GET', '/announcements', user)).json()) as {
          items: Array<{ id: string }>;
        }
      ).items.map((i) => i.id);
    expect(await seen('adm.p')).toContain(a.id);
    expect(await seen('eng.p')).toContain(a.id);
    expect(await seen('adm.q')).not.toContain(a.id);
    expect((await send('GET', `/announcements/${a.id}`, 'adm.q')).status).toBe(404);
  });

  it('publishes platform announcements to all or chosen customers', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const all = (await (
      await send('POST', '/announcements', 'noc.p', {
        title: 'Portal upgrade',
        body: 'Sunday night',
        audience: 'all',
        expiresAt,
      })
    ).json()) as { id: string };
    const chosen = (await (
      await send('POST', '/announcements', 'noc.p', {
        title: 'For Q',
        body: 'Q only',
        audience: 'customers',
        customerIds: ['bank-q'],
        expiresAt,
        notify: true,
      })
    ).json()) as { id: string };
    const ids = async (user: string): Promise<string[]> =>
      (
        (await (await send('GET', '/announcements', user)).json()) as {
          items: Array<{ id: string }>;
        }
      ).items.map((i) => i.id);
    expect(await ids('adm.p')).toContain(all.id);
    expect(await ids('adm.p')).not.toContain(chosen.id);
    expect(await ids('adm.q')).toEqual(expect.arrayContaining([all.id, chosen.id]));
    await smtp.waitFor((m) => m.some((x) => x.to.includes('admin@bank-q.example')));
    expect(
      (
        await send('POST', '/announcements', 'noc.p', {
          title: 'x',
          body: 'y',
          audience: 'customers',
          customerIds: ['bank-none'],
          expiresAt,
        })
      ).status,
    ).toBe(400);
  });

  it('keeps versioned emergency plans, shows them by circuit, scoped to the subtree', async () => {
    const body = {
      title: '核心链路中断应急预案',
      scenario: 'Province hub unreachable',
      circuitIds: ['p-c1', 'p-c2'],
      contacts: [
        { level: 2, name: 'IT director', role: 'escalation', phone: '+86 27 1234 5678' },
        { level: 1, name: 'Network duty', role: 'duty', email: 'duty@bank-p.example' },
      ],
      steps: [
        { order: 2, action: 'Switch to the backup VPDN', owner: 'branch' },
        { order: 1, action: 'Call the operator NOC', owner: 'duty' },
      ],
    };
    expect((await send('POST', '/emergency-plans', 'eng.p', body)).status).toBe(403);
    expect(
      (await send('POST', '/emergency-plans', 'adm.p', { ...body, circuitIds: ['q-c1'] })).status,
    ).toBe(400);
    const created = (await (await send('POST', '/emergency-plans', 'adm.p', body)).json()) as {
      id: string;
      version: number;
      contacts: Array<{ level: number }>;
      steps: Array<{ order: number }>;
    };
    expect(created.version).toBe(1);
    expect(created.contacts.map((c) => c.level)).toEqual([1, 2]);
    expect(created.steps.map((s) => s.order)).toEqual([1, 2]);

    const v2 = await send('PUT', `/emergency-plans/${created.id}`, 'adm.p', {
      ...body,
      title: 'v2',
      version: 1,
    });
    expect(v2.status).toBe(200);
    expect(
      (
        await send('PUT', `/emergency-plans/${created.id}`, 'adm.p', {
          ...body,
          title: 'stale',
          version: 1,
        })
      ).status,
    ).toBe(409);
    const versions = (await (
      await send('GET', `/emergency-plans/${created.id}/versions`, 'adm.p')
    ).json()) as Array<{ version: number; title: string }>;
    expect(versions.map((v) => [v.version, v.title])).toEqual([
      [2, 'v2'],
      [1, body.title],
    ]);

    const byCircuit = (await (
      await send('GET', '/circuits/p-c1/emergency-plans', 'noc.p')
    ).json()) as Array<{ id: string; version: number }>;
    expect(byCircuit.map((p) => [p.id, p.version])).toEqual([[created.id, 2]]);
    // The Wuhan engineer sees the plan, listing only its own circuit.
    const forEngineer = (await (
      await send('GET', `/emergency-plans/${created.id}`, 'eng.p')
    ).json()) as { circuitIds: string[] };
    expect(forEngineer.circuitIds).toEqual(['p-c1']);
    expect((await send('GET', `/emergency-plans/${created.id}`, 'adm.q')).status).toBe(404);
    expect((await send('GET', '/circuits/p-c1/emergency-plans', 'adm.q')).status).toBe(404);
    expect(
      (
        await send('PUT', `/emergency-plans/${created.id}`, 'adm.q', {
          ...body,
          circuitIds: [],
          version: 2,
        })
      ).status,
    ).toBe(404);
  });
});
