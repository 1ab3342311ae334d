import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import { insertAlarm, insertCircuit, insertCustomer, insertUser } from './support/factories';

interface Page {
  items: Array<{ id: string; bandwidthBps: number; activeAlarmCount: number; orgUnitId: string }>;
  page: number;
  pageSize: number;
  total: number;
}

/** Circuit search: every filter, sorting and paging, always inside the caller's scope. */
describe('GET /circuits search', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};
  const WH = ['bank-a-root', 'bank-a-HB', 'bank-a-HB-WH'];

  beforeAll(async () => {
    api = await startApi(`api_it_csearch_${process.pid}`);
    const { db } = api;
    await insertCustomer(db, 'bank-a', {
      'bank-a-HB': 'bank-a-root',
      'bank-a-HB-WH': 'bank-a-HB',
      'bank-a-HB-WH-001': 'bank-a-HB-WH',
      'bank-a-GD': 'bank-a-root',
    });
    await insertCustomer(db, 'bank-b');
    await insertCircuit(db, 'a-hq', 'bank-a', ['bank-a-root'], {
      product: 'leased-line',
      bandwidthBps: 100_000_000,
      name: 'Head office uplink',
    });
    await insertCircuit(db, 'a-wh-1', 'bank-a', WH, { bandwidthBps: 10_000_000, state: 'down' });
    await insertCircuit(db, 'a-wh-001', 'bank-a', [...WH, 'bank-a-HB-WH-001'], {
      bandwidthBps: 4_000_000,
      name: 'Wuhan outlet 001',
    });
    await insertCircuit(db, 'a-gd-1', 'bank-a', ['bank-a-root', 'bank-a-GD'], {
      product: 'internet',
      bandwidthBps: 50_000_000,
      state: 'degraded',
    });
    await insertCircuit(db, 'b-1', 'bank-b', ['bank-b-root'], { bandwidthBps: 10_000_000 });
    await insertAlarm(db, 'al-wh', ['bank-a'], ['a-wh-1']);
    await insertAlarm(db, 'al-shared', ['bank-a', 'bank-b'], ['a-gd-1', 'b-1'], {
      reductionKey: 'linkDown|shared',
    });
    await insertAlarm(db, 'al-old', ['bank-a'], ['a-hq'], { state: 'cleared' });
    await insertUser(db, 'noc', 'noc-operator');
    await insertUser(db, 'bank-a.admin', 'customer-admin', { customerId: 'bank-a' });
    await insertUser(db, 'bank-a.wuhan', 'customer-engineer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-HB-WH',
    });
    await insertUser(db, 'bank-b.admin', 'customer-admin', { customerId: 'bank-b' });
    for (const u of ['noc', 'bank-a.admin', 'bank-a.wuhan', 'bank-b.admin']) {
      tokens[u] = await api.login(u);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  const ids = async (user: string, query: string): Promise<string[]> => {
    const res = await api.get(`/circuits?${query}`, tokens[user]);
    expect(res.status).toBe(200);
    return ((await res.json()) as Page).items.map((c) => c.id);
  };

  it('filters by product, state, bandwidth range, site and text', async () => {
    expect(await ids('bank-a.admin', 'product=leased-line')).toEqual(['a-hq']);
    expect(await ids('bank-a.admin', 'state=degraded')).toEqual(['a-gd-1']);
    expect(await ids('bank-a.admin', 'bandwidthMin=10000000&bandwidthMax=50000000')).toEqual([
      'a-gd-1',
      'a-wh-1',
    ]);
    expect(await ids('bank-a.admin', 'bandwidthMax=4000000')).toEqual(['a-wh-001']);
    // Either end: the A-end site of one circuit, or the Z-end data centre shared by all.
    expect(await ids('bank-a.admin', 'siteId=site-a-wh-1-a')).toEqual(['a-wh-1']);
    expect(await ids('bank-a.admin', 'siteId=site-idc-1')).toHaveLength(4);
    expect(await ids('bank-a.admin', 'q=WUHAN')).toEqual(['a-wh-001']);
  });

  it('filters by raised alarms, consistent with activeAlarmCount', async () => {
    expect(await ids('bank-a.admin', 'hasAlarm=true')).toEqual(['a-gd-1', 'a-wh-1']);
    expect(await ids('bank-a.admin', 'hasAlarm=false')).toEqual(['a-hq', 'a-wh-001']);
    const res = await api.get('/circuits?hasAlarm=true', tokens['bank-a.admin']);
    for (const c of ((await res.json()) as Page).items)
      expect(c.activeAlarmCount).toBeGreaterThan(0);
    // A shared alarm does not reveal bank-a's circuits to bank-b.
    expect(await ids('bank-b.admin', 'hasAlarm=true')).toEqual(['b-1']);
  });

  it('filters by org unit subtree, inside the scope only', async () => {
    expect(await ids('bank-a.admin', 'orgUnitId=bank-a-HB')).toEqual(['a-wh-001', 'a-wh-1']);
    expect(await ids('bank-a.admin', 'orgUnitId=bank-a-HB-WH-001')).toEqual(['a-wh-001']);
    expect(await ids('noc', 'orgUnitId=bank-a-GD')).toEqual(['a-gd-1']);
    // The Wuhan engineer: a unit above its own narrows nothing further, another branch gives nothing.
    expect(await ids('bank-a.wuhan', '')).toEqual(['a-wh-001', 'a-wh-1']);
    expect(await ids('bank-a.wuhan', 'orgUnitId=bank-a-root')).toEqual(['a-wh-001', 'a-wh-1']);
    expect(await ids('bank-a.wuhan', 'orgUnitId=bank-a-GD')).toEqual([]);
    expect(await ids('bank-b.admin', 'orgUnitId=bank-a-HB')).toEqual([]);
    expect(await ids('bank-b.admin', 'customerId=bank-a')).toEqual([]);
    expect(await ids('bank-b.admin', 'siteId=site-a-wh-1-a')).toEqual([]);
  });

  it('sorts on several keys and pages with a stable order', async () => {
    expect(await ids('noc', 'sort=-bandwidthBps,id')).toEqual([
      'a-hq',
      'a-gd-1',
      'a-wh-1',
      'b-1',
      'a-wh-001',
    ]);
    expect(await ids('noc', 'sort=orgUnitId,-id&customerId=bank-a')).toEqual([
      'a-gd-1',
      'a-wh-1',
      'a-wh-001',
      'a-hq',
    ]);
    const pages: string[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const res = await api.get(`/circuits?sort=state&pageSize=2&page=${page}`, tokens['noc']);
      const body = (await res.json()) as Page;
      expect(body.total).toBe(5);
      pages.push(...body.items.map((c) => c.id));
    }
    expect(new Set(pages).size).toBe(5);
  });

  it('answers invalid parameters with problem+json naming each field', async () => {
    const res = await api.get(
      '/circuits?bandwidthMin=-1&hasAlarm=yes&sort=passwordHash&orgUnitId=a%20b&pageSize=0',
      tokens['noc'],
    );
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors?.map((e) => e.path).sort()).toEqual([
      'bandwidthMin',
      'hasAlarm',
      'orgUnitId',
      'pageSize',
      'sort',
    ]);
    const range = await api.get('/circuits?bandwidthMin=20&bandwidthMax=10', tokens['noc']);
    expect((await problemOf(range)).errors).toEqual([
      { path: 'bandwidthMax', message: 'bandwidthMax must not be less than bandwidthMin' },
    ]);
  });
});
