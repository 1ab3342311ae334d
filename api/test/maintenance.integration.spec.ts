import type { AuditEntryDocument } from '../src/audit/audit-entry';
import { COLLECTIONS } from '../src/database/collections';
import type { ElementDocument, LinkDocument } from '../src/database/documents';
import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import { insertCircuit, insertCustomer, insertUser } from './support/factories';

interface Window {
  id: string;
  status: string;
  elementIds: string[];
  linkIds: string[];
  circuits: Array<{ id: string; name: string; customerId: string }>;
  customerIds: string[];
  circuitCount: number;
  createdBy: string | null;
  approvedBy: string | null;
}

describe('maintenance windows', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};

  const send = (method: string, path: string, user: string, body?: unknown): Promise<Response> =>
    fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const json = async <T>(res: Response, status: number): Promise<T> => {
    expect(res.status).toBe(status);
    return (await res.json()) as T;
  };
  const plan = {
    title: 'PE-1 line card swap',
    description: 'Slot 3',
    elementIds: ['pe-shared-1'],
    start: '2026-12-01T01:00:00Z',
    end: '2026-12-01T03:00:00Z',
  };

  beforeAll(async () => {
    api = await startApi(`api_it_maint_${process.pid}`);
    const { db } = api;
    await insertCustomer(db, 'bank-a', { 'bank-a-HB': 'bank-a-root', 'bank-a-HB-WH': 'bank-a-HB' });
    await insertCustomer(db, 'bank-b');
    await insertCircuit(db, 'a-1', 'bank-a', ['bank-a-root']);
    await insertCircuit(db, 'a-wh-1', 'bank-a', ['bank-a-root', 'bank-a-HB', 'bank-a-HB-WH']);
    await insertCircuit(db, 'b-1', 'bank-b', ['bank-b-root']);
    await db.collection<ElementDocument>(COLLECTIONS.elements).insertOne({
      _id: 'pe-shared-1',
      name: 'PE-1',
      role: 'pe',
      vendor: 'Huawei',
      model: 'NE40E',
      mgmtIp: '127.20.1.1',
      siteId: 'site-idc-1',
      customerId: null,
      pollIntervalSec: 30,
    });
    await db.collection<LinkDocument>(COLLECTIONS.links).insertOne({
      _id: 'link-a-1',
      kind: 'access',
      a: { deviceId: 'cpe-a-1', ifIndex: 2 },
      z: { deviceId: 'pe-shared-1', ifIndex: 7 },
      capacityBps: 1e8,
    });
    await insertUser(db, 'noc.li', 'noc-operator');
    await insertUser(db, 'admin', 'platform-admin');
    await insertUser(db, 'bank-a.admin', 'customer-admin', { customerId: 'bank-a' });
    await insertUser(db, 'bank-a.wuhan', 'customer-engineer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-HB-WH',
    });
    await insertUser(db, 'bank-b.admin', 'customer-admin', { customerId: 'bank-b' });
    await insertUser(db, 'am.zhang', 'account-manager', { assignedCustomerIds: ['bank-a'] });
    for (const u of [
      'noc.li',
      'admin',
      'bank-a.admin',
      'bank-a.wuhan',
      'bank-b.admin',
      'am.zhang',
    ]) {
      tokens[u] = await api.login(u);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lets only operator staff plan, and computes the affected circuits and customers', async () => {
    for (const user of ['bank-a.admin', 'am.zhang', 'bank-a.wuhan']) {
      const res = await send('POST', '/maintenance-windows', user, plan);
      expect([user, res.status]).toEqual([user, 403]);
    }
    const w = await json<Window>(await send('POST', '/maintenance-windows', 'noc.li', plan), 201);
    expect(w).toMatchObject({
      status: 'planned',
      elementIds: ['pe-shared-1'],
      customerIds: ['bank-a', 'bank-b'],
      circuitCount: 3,
      createdBy: 'noc.li',
      approvedBy: null,
    });
    expect(w.circuits.map((c) => c.id)).toEqual(['a-1', 'a-wh-1', 'b-1']);
    // A link only carries the circuits routed over it.
    const byLink = await json<Window>(
      await send('POST', '/maintenance-windows', 'noc.li', {
        ...plan,
        elementIds: [],
        linkIds: ['link-a-1'],
      }),
      201,
    );
    expect(byLink.circuits.map((c) => c.id)).toEqual(['a-1']);
    expect(byLink.customerIds).toEqual(['bank-a']);
  });

  it('needs four eyes to approve, and moves only along allowed transitions', async () => {
    const w = await json<Window>(await send('POST', '/maintenance-windows', 'noc.li', plan), 201);
    const own = await send('POST', `/maintenance-windows/${w.id}/approve`, 'noc.li');
    expect(own.status).toBe(403);
    expect((await problemOf(own)).detail).toMatch(/other than its creator/);
    expect(
      (await send('POST', `/maintenance-windows/${w.id}/approve`, 'bank-a.admin')).status,
    ).toBe(403);
    const approved = await json<Window>(
      await send('POST', `/maintenance-windows/${w.id}/approve`, 'admin'),
      200,
    );
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'admin' });
    const again = await send('POST', `/maintenance-windows/${w.id}/approve`, 'admin');
    expect(again.status).toBe(409);
    expect((await problemOf(again)).detail).toMatch(/is approved; approve needs planned/);
    expect(
      (
        await json<Window>(
          await send('POST', `/maintenance-windows/${w.id}/complete`, 'noc.li'),
          200,
        )
      ).status,
    ).toBe('completed');
    expect((await send('POST', `/maintenance-windows/${w.id}/cancel`, 'noc.li')).status).toBe(409);
    expect((await send('POST', '/maintenance-windows/mw-nope/approve', 'admin')).status).toBe(404);

    const audit = await api.db
      .collection<AuditEntryDocument>(COLLECTIONS.auditLog)
      .find({ targetId: w.id })
      .sort({ _id: 1 })
      .toArray();
    expect(audit.map((e) => [e.action, e.actorName, e.outcome])).toEqual([
      ['maintenance.create', 'noc.li', 'success'],
      ['maintenance.approve', 'noc.li', 'failure'],
      ['maintenance.approve', 'admin', 'success'],
      ['maintenance.approve', 'admin', 'failure'],
      ['maintenance.complete', 'noc.li', 'success'],
      ['maintenance.cancel', 'noc.li', 'failure'],
    ]);
  });

  it('shows customers only windows touching their circuits, listing only those circuits', async () => {
    const onlyB = await json<Window>(
      await send('POST', '/maintenance-windows', 'noc.li', {
        ...plan,
        title: 'b only',
        elementIds: ['cpe-b-1'],
      }),
      201,
    );
    const b = await json<{ items: Window[]; total: number }>(
      await api.get('/maintenance-windows?pageSize=100', tokens['bank-b.admin']),
      200,
    );
    expect(b.items.length).toBe(b.total);
    for (const w of b.items) {
      expect(w.circuits.every((c) => c.customerId === 'bank-b')).toBe(true);
      expect(w.customerIds).toEqual(['bank-b']);
      expect(w.elementIds.every((e) => e === 'pe-shared-1' || e === 'cpe-b-1')).toBe(true);
      expect(w.createdBy).toBeNull();
    }
    expect(b.items.map((w) => w.id)).toContain(onlyB.id);

    const a = await json<{ items: Window[] }>(
      await api.get('/maintenance-windows?pageSize=100', tokens['bank-a.admin']),
      200,
    );
    expect(a.items.map((w) => w.id)).not.toContain(onlyB.id);
    expect((await api.get(`/maintenance-windows/${onlyB.id}`, tokens['bank-a.admin'])).status).toBe(
      404,
    );
    expect((await api.get(`/maintenance-windows/${onlyB.id}`, tokens['am.zhang'])).status).toBe(
      404,
    );

    // The Wuhan engineer sees the PE windows with its own circuit only, not the link window of a-1.
    const wh = await json<{ items: Window[] }>(
      await api.get('/maintenance-windows?pageSize=100', tokens['bank-a.wuhan']),
      200,
    );
    expect(wh.items.length).toBeGreaterThan(0);
    for (const w of wh.items) expect(w.circuits.map((c) => c.id)).toEqual(['a-wh-1']);
    expect(wh.items.some((w) => w.linkIds.length > 0)).toBe(false);
  });

  it('filters by status, period and circuit', async () => {
    const all = await json<{ items: Window[]; total: number }>(
      await api.get('/maintenance-windows?pageSize=100', tokens['noc.li']),
      200,
    );
    const completed = await json<{ items: Window[] }>(
      await api.get('/maintenance-windows?status=completed', tokens['noc.li']),
      200,
    );
    expect(completed.items.map((w) => w.status)).toEqual(['completed']);
    const none = await json<{ total: number }>(
      await api.get('/maintenance-windows?from=2026-12-01T03:00:00Z', tokens['noc.li']),
      200,
    );
    expect(none.total).toBe(0);
    const overlapping = await json<{ total: number }>(
      await api.get(
        '/maintenance-windows?from=2026-12-01T02:59:59Z&to=2026-12-01T03:00:00Z',
        tokens['noc.li'],
      ),
      200,
    );
    expect(overlapping.total).toBe(all.total);
    const byCircuit = await json<{ items: Window[] }>(
      await api.get('/maintenance-windows?circuitId=a-1&pageSize=100', tokens['noc.li']),
      200,
    );
    expect(byCircuit.items.every((w) => w.circuits.some((c) => c.id === 'a-1'))).toBe(true);
    // Another customer's circuit id narrows to nothing rather than revealing it.
    const foreign = await json<{ total: number }>(
      await api.get('/maintenance-windows?circuitId=a-1', tokens['bank-b.admin']),
      200,
    );
    expect(foreign.total).toBe(0);
  });

  it('rejects invalid windows with the failing fields named', async () => {
    const res = await send('POST', '/maintenance-windows', 'noc.li', {
      title: 'bad',
      elementIds: ['pe-shared-1', 'no-such-pe'],
      linkIds: ['no-such-link'],
      start: '2026-12-01T03:00:00Z',
      end: '2026-12-01T01:00:00Z',
    });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual([
      'end',
      'elementIds.1',
      'linkIds.0',
    ]);
    const shape = await send('POST', '/maintenance-windows', 'noc.li', {
      title: '',
      start: 'tomorrow',
      end: '2026-12-01T01:00:00Z',
      extra: 1,
    });
    expect((await problemOf(shape)).errors?.map((e) => e.path).sort()).toEqual([
      'extra',
      'start',
      'title',
    ]);
  });
});
