import type { AuditEntryDocument } from '../src/audit/audit-entry';
import { COLLECTIONS } from '../src/database/collections';
import type { ElementDocument, PerfRawDocument } from '../src/database/documents';
import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import { insertAlarm, insertCircuit, insertCustomer, insertUser } from './support/factories';

interface Figures {
  circuitId: string;
  slaClass: string;
  target: number;
  availability: number;
  sla: 'met' | 'breached';
  downSeconds: number;
  plannedDownSeconds: number;
  unplannedDownSeconds: number;
  allowedDownSeconds: number;
  remainingDownSeconds: number;
}
interface CircuitAvailability extends Figures {
  from: string;
  to: string;
  periodSeconds: number;
  unplannedIntervals: Array<{ from: string; to: string; seconds: number }>;
  evidence: Array<{
    source: string;
    id: string;
    from: string;
    to: string;
    seconds: number;
    ongoing: boolean;
  }>;
}
interface CustomerPage {
  customerId: string;
  periodSeconds: number;
  aggregate: {
    circuits: number;
    meanAvailability: number | null;
    meetingSla: number;
    breachingSla: number;
    unplannedDownSeconds: number;
  };
  items: Figures[];
  total: number;
}

const at = (hhmmss: string): Date => new Date(`2026-11-20T${hhmmss}Z`);
const DAY = 'from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z';

/**
 * Availability from seeded alarms, oper-down polls and maintenance windows, checked to
 * the second on the real database. Circuit a-1 (gold, 99.95 %) on 2026-11-20:
 *  - down alarms 08:00:00–09:00:00 and 08:30:00–09:15:30 (overlap counted once): 4530 s;
 *  - oper-down polls at 12:00, 12:01, 12:02 (60 s apart): 120 s;
 *  - an approved maintenance window 09:00:00–09:10:00 excuses 600 s of the first;
 *  - a degraded alarm, a planned (not approved) window and another bank's alarm count for nothing.
 * Unplanned: 4530 + 120 − 600 = 4050 s of 86400 s.
 */
describe('availability', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};
  let approvedWindowId: string;

  const post = async (path: string, token: string, body?: unknown): Promise<Response> =>
    fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    api = await startApi(`api_it_avail_${process.pid}`);
    const { db } = api;
    await insertCustomer(db, 'bank-a', { 'bank-a-HB': 'bank-a-root', 'bank-a-HB-WH': 'bank-a-HB' });
    await insertCustomer(db, 'bank-b');
    await insertCircuit(db, 'a-1', 'bank-a', ['bank-a-root'], { slaClass: 'gold' });
    await insertCircuit(db, 'a-wh-1', 'bank-a', ['bank-a-root', 'bank-a-HB', 'bank-a-HB-WH'], {
      slaClass: 'platinum',
    });
    await insertCircuit(db, 'b-1', 'bank-b', ['bank-b-root'], { slaClass: 'silver' });
    const pe: ElementDocument = {
      _id: 'pe-shared-1',
      name: 'PE-1',
      role: 'pe',
      vendor: 'Huawei',
      model: 'NE40E',
      mgmtIp: '127.20.1.1',
      siteId: 'site-idc-1',
      customerId: null,
      pollIntervalSec: 30,
    };
    await db.collection<ElementDocument>(COLLECTIONS.elements).insertOne(pe);
    const down = { serviceImpact: 'down' as const, state: 'cleared' as const };
    await insertAlarm(db, 'al-1', ['bank-a'], ['a-1'], {
      ...down,
      alarmRaisedTime: at('08:00:00'),
      alarmClearedTime: at('09:00:00'),
    });
    await insertAlarm(db, 'al-2', ['bank-a'], ['a-1'], {
      ...down,
      reductionKey: 'linkDown|al-2',
      alarmRaisedTime: at('08:30:00'),
      alarmClearedTime: at('09:15:30'),
    });
    await insertAlarm(db, 'al-degraded', ['bank-a'], ['a-1'], {
      state: 'cleared',
      serviceImpact: 'degraded',
      alarmRaisedTime: at('10:00:00'),
      alarmClearedTime: at('11:00:00'),
    });
    await insertAlarm(db, 'al-b', ['bank-b'], ['b-1'], {
      ...down,
      alarmRaisedTime: at('13:00:00'),
      alarmClearedTime: at('13:00:42'),
    });
    // Oper-down polls of a-1's A-end interface; an up poll at 12:03 ends the run.
    const raw = (t: Date, operStatus: number): PerfRawDocument => ({
      _id: `cpe-a-1:2|${t.toISOString()}`,
      deviceId: 'cpe-a-1',
      ifIndex: 2,
      t,
      intervalSec: 60,
      inBps: 0,
      outBps: 0,
      inUtil: 0,
      outUtil: 0,
      inErrorsPerSec: 0,
      outErrorsPerSec: 0,
      inDiscardsPerSec: 0,
      outDiscardsPerSec: 0,
      operStatus,
      speedBps: 1e9,
    });
    await db
      .collection<PerfRawDocument>(COLLECTIONS.perfRaw)
      .insertMany([
        raw(at('11:59:00'), 1),
        raw(at('12:00:00'), 2),
        raw(at('12:01:00'), 2),
        raw(at('12:02:00'), 7),
        raw(at('12:03:00'), 1),
      ]);
    await insertUser(db, 'noc.li', 'noc-operator');
    await insertUser(db, 'noc.wang', 'noc-operator');
    await insertUser(db, 'bank-a.admin', 'customer-admin', { customerId: 'bank-a' });
    await insertUser(db, 'bank-a.wuhan', 'customer-engineer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-HB-WH',
    });
    await insertUser(db, 'bank-b.admin', 'customer-admin', { customerId: 'bank-b' });
    await insertUser(db, 'am.zhang', 'account-manager', { assignedCustomerIds: ['bank-a'] });
    await insertUser(db, 'am.two', 'account-manager', {
      assignedCustomerIds: ['bank-a', 'bank-b'],
    });
    await insertUser(db, 'fe.chen', 'field-engineer');
    for (const u of [
      'noc.li',
      'noc.wang',
      'bank-a.admin',
      'bank-a.wuhan',
      'bank-b.admin',
      'am.zhang',
      'am.two',
      'fe.chen',
    ]) {
      tokens[u] = await api.login(u);
    }
    const create = async (title: string, start: string, end: string): Promise<string> => {
      const res = await post('/maintenance-windows', tokens['noc.li']!, {
        title,
        elementIds: ['pe-shared-1'],
        start: `2026-11-20T${start}Z`,
        end: `2026-11-20T${end}Z`,
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    approvedWindowId = await create('PE-1 upgrade', '09:00:00', '09:10:00');
    expect(
      (await post(`/maintenance-windows/${approvedWindowId}/approve`, tokens['noc.wang']!)).status,
    ).toBe(200);
    await create('Not approved', '08:00:00', '08:30:00');
  });

  afterAll(async () => {
    await api?.close();
  });

  const getJson = async <T>(path: string, user: string): Promise<T> => {
    const res = await api.get(path, tokens[user]);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  it('measures one circuit to the second, with the evidence and its sources', async () => {
    const a = await getJson<CircuitAvailability>(
      `/circuits/a-1/availability?${DAY}`,
      'bank-a.admin',
    );
    expect(a.periodSeconds).toBe(86_400);
    expect(a.downSeconds).toBe(4530 + 120);
    expect(a.plannedDownSeconds).toBe(600);
    expect(a.unplannedDownSeconds).toBe(4050);
    expect(a.availability).toBeCloseTo(1 - 4050 / 86_400, 12);
    expect(a.target).toBe(0.9995);
    expect(a.allowedDownSeconds).toBeCloseTo(43.2, 9);
    expect(a.sla).toBe('breached');
    expect(a.remainingDownSeconds).toBe(0);
    expect(a.unplannedIntervals).toEqual([
      { from: at('08:00:00').toISOString(), to: at('09:00:00').toISOString(), seconds: 3600 },
      { from: at('09:10:00').toISOString(), to: at('09:15:30').toISOString(), seconds: 330 },
      { from: at('12:00:00').toISOString(), to: at('12:02:00').toISOString(), seconds: 120 },
    ]);
    expect(a.evidence.map((e) => [e.source, e.id, e.seconds])).toEqual([
      ['alarm', 'al-1', 3600],
      ['alarm', 'al-2', 2730],
      ['maintenance', approvedWindowId, 600],
      ['oper-status', 'cpe-a-1:2', 120],
    ]);
  });

  it('clips to any period, down to single seconds', async () => {
    const a = await getJson<CircuitAvailability>(
      '/circuits/a-1/availability?from=2026-11-20T08:59:59Z&to=2026-11-20T09:10:01Z',
      'noc.li',
    );
    // 08:59:59–09:00:00 down, 09:00–09:10 maintenance, 09:10:00–09:10:01 down.
    expect(a.periodSeconds).toBe(602);
    expect(a.unplannedDownSeconds).toBe(2);
    expect(a.plannedDownSeconds).toBe(600);
  });

  it('meets the SLA when the period has only a little downtime', async () => {
    const b = await getJson<CircuitAvailability>(
      `/circuits/b-1/availability?${DAY}`,
      'bank-b.admin',
    );
    expect(b.unplannedDownSeconds).toBe(42);
    expect(b.target).toBe(0.999);
    expect(b.sla).toBe('met');
    expect(b.remainingDownSeconds).toBeCloseTo(86.4 - 42, 9);
  });

  it('counts a raised alarm up to now and marks it ongoing', async () => {
    const raised = new Date(Date.now() - 3600_000);
    await insertAlarm(api.db, 'al-open', ['bank-b'], ['b-1'], {
      serviceImpact: 'down',
      reductionKey: 'linkDown|al-open',
      alarmRaisedTime: raised,
    });
    const from = new Date(raised.getTime() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const b = await getJson<CircuitAvailability>(
      `/circuits/b-1/availability?from=${from}&to=${to}`,
      'noc.li',
    );
    expect(new Date(b.to).getTime()).toBeLessThanOrEqual(Date.now());
    expect(b.unplannedDownSeconds).toBeGreaterThanOrEqual(3600);
    expect(b.unplannedDownSeconds).toBeLessThan(3660);
    expect(b.evidence.find((e) => e.id === 'al-open')?.ongoing).toBe(true);
  });

  it('aggregates per customer over every circuit, paged and sorted worst first', async () => {
    const page = await getJson<CustomerPage>(
      `/availability?customerId=bank-a&${DAY}&pageSize=1`,
      'am.zhang',
    );
    expect(page.customerId).toBe('bank-a');
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.circuitId)).toEqual(['a-1']);
    expect(page.aggregate).toEqual({
      circuits: 2,
      meanAvailability: (1 - 4050 / 86_400 + 1) / 2,
      meetingSla: 1,
      breachingSla: 1,
      unplannedDownSeconds: 4050,
    });
    const second = await getJson<CustomerPage>(
      `/availability?customerId=bank-a&${DAY}&pageSize=1&page=2`,
      'noc.li',
    );
    expect(second.items.map((i) => [i.circuitId, i.availability, i.sla])).toEqual([
      ['a-wh-1', 1, 'met'],
    ]);
  });

  it('keeps every caller to its scope', async () => {
    // A customer user's own customer is the default; another customer is 404 like a missing one.
    const own = await getJson<CustomerPage>(`/availability?${DAY}`, 'bank-b.admin');
    expect(own.items.map((i) => i.circuitId)).toEqual(['b-1']);
    for (const [user, path] of [
      ['bank-b.admin', `/availability?customerId=bank-a&${DAY}`],
      ['bank-b.admin', `/circuits/a-1/availability?${DAY}`],
      ['bank-b.admin', `/circuits/a-1/availability.csv?${DAY}`],
      ['am.zhang', `/availability?customerId=bank-b&${DAY}`],
      ['bank-a.wuhan', `/circuits/a-1/availability?${DAY}`],
      ['noc.li', `/availability?customerId=bank-z&${DAY}`],
    ] as const) {
      const res = await api.get(path, tokens[user]);
      expect([user, path, res.status]).toEqual([user, path, 404]);
      expect(JSON.stringify(await problemOf(res))).not.toMatch(/a-wh-1|b-1"|al-/);
    }
    // A field engineer has no customer scope yet.
    for (const path of [
      `/availability?customerId=bank-a&${DAY}`,
      `/circuits/a-1/availability?${DAY}`,
    ]) {
      expect((await api.get(path, tokens['fe.chen'])).status).toBe(404);
    }
    // The Wuhan engineer sees its subtree's circuit only, and no other customer's figures.
    const wuhan = await getJson<CustomerPage>(`/availability?${DAY}`, 'bank-a.wuhan');
    expect(wuhan.aggregate.circuits).toBe(1);
    expect(wuhan.items.map((i) => i.circuitId)).toEqual(['a-wh-1']);
  });

  it('rejects bad periods with the field named', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z', 'from'],
      ['from=yesterday&to=2026-11-20T00:00:00Z', 'from'],
      ['from=2020-01-01T00:00:00Z&to=2026-11-20T00:00:00Z', 'to'],
      ['from=2026-11-20T00:00:00Z', 'to'],
    ];
    for (const [query, path] of cases) {
      const res = await api.get(`/circuits/a-1/availability?${query}`, tokens['noc.li']);
      expect(res.status).toBe(400);
      expect((await problemOf(res)).errors?.map((e) => e.path)).toContain(path);
    }
    const noCustomer = await api.get(`/availability?${DAY}`, tokens['noc.li']);
    expect((await problemOf(noCustomer)).errors).toEqual([
      { path: 'customerId', message: 'customerId is required for operator staff' },
    ]);
    const several = await api.get(`/availability?${DAY}`, tokens['am.two']);
    expect((await problemOf(several)).errors).toEqual([
      { path: 'customerId', message: 'customerId is required with several customers' },
    ]);
    // The export lists every circuit: paging parameters are unknown there.
    const paged = await api.get(
      `/availability.csv?customerId=bank-a&${DAY}&page=2`,
      tokens['noc.li'],
    );
    expect((await problemOf(paged)).errors?.map((e) => e.path)).toEqual(['page']);
  });

  it('exports CSV with a header and one row per circuit or evidence interval, audited', async () => {
    const res = await api.get(`/availability.csv?customerId=bank-a&${DAY}`, tokens['bank-a.admin']);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="availability-bank-a-2026-11-20T00-00-00.000Z-2026-11-21T00-00-00.000Z.csv"',
    );
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe(
      'circuit_id,name,sla_class,target_ratio,availability_ratio,sla,down_s,planned_down_s,unplanned_down_s,allowed_down_s,remaining_down_s,from_utc,to_utc',
    );
    expect(lines[1]).toBe(
      `a-1,Circuit a-1,gold,0.9995,${1 - 4050 / 86_400},breached,4650,600,4050,${(1 - 0.9995) * 86_400},0,2026-11-20T00:00:00.000Z,2026-11-21T00:00:00.000Z`,
    );
    expect(lines[2]).toMatch(/^a-wh-1,Circuit a-wh-1,platinum,0.9999,1,met,0,0,0,/);
    expect(lines).toHaveLength(4); // header, two rows, the empty string after the final CRLF

    const one = await api.get(`/circuits/a-1/availability.csv?${DAY}`, tokens['bank-a.admin']);
    const rows = (await one.text()).trim().split('\r\n');
    expect(rows[0]).toBe('source,id,description,from_utc,to_utc,seconds,ongoing');
    expect(rows[1]).toBe(
      'alarm,al-1,linkDown on PE-1 Gi0/0/7,2026-11-20T08:00:00.000Z,2026-11-20T09:00:00.000Z,3600,false',
    );
    expect(rows).toHaveLength(5);

    const audit = await api.db
      .collection<AuditEntryDocument>(COLLECTIONS.auditLog)
      .find({ action: 'availability.export' })
      .sort({ _id: 1 })
      .toArray();
    expect(
      audit.map((e) => [e.actorName, e.customerId, e.targetType, e.targetId, e.outcome]),
    ).toEqual([
      ['bank-a.admin', 'bank-a', 'customer', 'bank-a', 'success'],
      ['bank-a.admin', 'bank-a', 'circuit', 'a-1', 'success'],
    ]);
  });
});
