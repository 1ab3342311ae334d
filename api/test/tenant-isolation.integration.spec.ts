import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import {
  insertAlarm,
  insertCircuit,
  insertCustomer,
  insertRawPoints,
  insertUser,
} from './support/factories';

/**
 * The first security property: nothing of one customer is visible to another, and a
 * customer engineer sees only its org subtree. Checked over HTTP on the real database.
 */
describe('tenant and org scope', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi(`api_it_scope_${process.pid}`);
    const { db } = api;
    await insertCustomer(db, 'bank-a', {
      'bank-a-gd': 'bank-a-root',
      'bank-a-gz': 'bank-a-gd',
      'bank-a-sz': 'bank-a-gd',
    });
    await insertCustomer(db, 'bank-b');
    await insertCircuit(db, 'a-hq', 'bank-a', ['bank-a-root']);
    await insertCircuit(db, 'a-gz-1', 'bank-a', ['bank-a-root', 'bank-a-gd', 'bank-a-gz']);
    await insertCircuit(db, 'a-sz-1', 'bank-a', ['bank-a-root', 'bank-a-gd', 'bank-a-sz'], {
      state: 'down',
    });
    await insertCircuit(db, 'b-hq', 'bank-b', ['bank-b-root']);
    // A PE port shared by both banks: one alarm, two customers' circuits.
    await insertAlarm(db, 'al-shared', ['bank-a', 'bank-b'], ['a-gz-1', 'b-hq']);
    await insertAlarm(db, 'al-b', ['bank-b'], ['b-hq']);
    await insertAlarm(db, 'al-a-sz', ['bank-a'], ['a-sz-1'], { state: 'cleared' });
    await insertAlarm(db, 'al-core', [], [], { perceivedSeverity: 'minor' });
    const now = Date.now();
    const circuitB = await db.collection('circuits').findOne({ _id: 'b-hq' as never });
    await insertRawPoints(
      db,
      circuitB as never,
      [new Date(now - 120_000), new Date(now - 60_000)],
      1e6,
      2e6,
    );
    await insertUser(db, 'bank-a.admin', 'customer-admin', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-root',
    });
    await insertUser(db, 'bank-b.admin', 'customer-admin', {
      customerId: 'bank-b',
      orgUnitId: 'bank-b-root',
    });
    await insertUser(db, 'gz.engineer', 'customer-engineer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-gz',
    });
    await insertUser(db, 'gd.viewer', 'customer-viewer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-gd',
    });
    await insertUser(db, 'noc.li', 'noc-operator');
    await insertUser(db, 'am.wang', 'account-manager', { assignedCustomerIds: ['bank-b'] });
    await insertUser(db, 'field.zhao', 'field-engineer');
    for (const u of [
      'bank-a.admin',
      'bank-b.admin',
      'gz.engineer',
      'gd.viewer',
      'noc.li',
      'am.wang',
      'field.zhao',
    ]) {
      tokens[u] = await api.login(u);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  const circuitIds = async (user: string, query = ''): Promise<string[]> => {
    const res = await api.get(`/circuits?pageSize=500${query}`, tokens[user]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ id: string }>; total: number };
    expect(body.total).toBe(body.items.length);
    return body.items.map((c) => c.id).sort();
  };

  type AlarmBody = {
    items: Array<{
      id: string;
      affectedCircuits: string[];
      affectedService: Array<{ id: string; name: string }>;
    }>;
    total: number;
  };
  const alarms = async (user: string, query = ''): Promise<AlarmBody> => {
    const res = await api.get(`/alarms?pageSize=500${query}`, tokens[user]);
    expect(res.status).toBe(200);
    return (await res.json()) as AlarmBody;
  };

  it('bank-a.admin lists only bank-a circuits, even when asking for bank-b', async () => {
    expect(await circuitIds('bank-a.admin')).toEqual(['a-gz-1', 'a-hq', 'a-sz-1']);
    expect(await circuitIds('bank-a.admin', '&customerId=bank-b')).toEqual([]);
    expect(await circuitIds('bank-a.admin', '&q=b-hq')).toEqual([]);
  });

  it('bank-a.admin gets 404 (not 403) for a bank-b circuit and its performance', async () => {
    for (const path of ['/circuits/b-hq', '/circuits/b-hq/performance']) {
      const res = await api.get(path, tokens['bank-a.admin']);
      expect(res.status).toBe(404);
      const problem = await problemOf(res);
      expect(problem.detail).toBe('Circuit b-hq not found.');
    }
    const missing = await problemOf(
      await api.get('/circuits/does-not-exist', tokens['bank-a.admin']),
    );
    expect(missing.status).toBe(404);
    expect(missing.detail).toBe('Circuit does-not-exist not found.');
  });

  it('bank-b.admin sees its circuit with performance, and bank-a circuits not at all', async () => {
    expect(await circuitIds('bank-b.admin')).toEqual(['b-hq']);
    expect((await api.get('/circuits/b-hq/performance', tokens['bank-b.admin'])).status).toBe(200);
    expect((await api.get('/circuits/a-hq', tokens['bank-b.admin'])).status).toBe(404);
  });

  it('a shared alarm shows each bank only its own affected circuits', async () => {
    const a = await alarms('bank-a.admin');
    expect(a.items.map((x) => x.id).sort()).toEqual(['al-a-sz', 'al-shared']);
    const shared = a.items.find((x) => x.id === 'al-shared')!;
    expect(shared.affectedCircuits).toEqual(['a-gz-1']);
    expect(shared.affectedService).toEqual([{ id: 'a-gz-1', name: 'Circuit a-gz-1' }]);
    const b = await alarms('bank-b.admin');
    expect(b.items.map((x) => x.id).sort()).toEqual(['al-b', 'al-shared']);
    expect(b.items.find((x) => x.id === 'al-shared')!.affectedCircuits).toEqual(['b-hq']);
  });

  it("filtering alarms by another customer's circuit confirms nothing", async () => {
    expect((await alarms('bank-a.admin', '&circuitId=b-hq')).total).toBe(0);
    expect((await alarms('bank-b.admin', '&circuitId=b-hq')).total).toBe(2);
  });

  it('the NOC sees every customer, every alarm and every affected circuit', async () => {
    expect(await circuitIds('noc.li')).toEqual(['a-gz-1', 'a-hq', 'a-sz-1', 'b-hq']);
    const all = await alarms('noc.li');
    expect(all.total).toBe(4);
    expect(all.items.find((x) => x.id === 'al-shared')!.affectedCircuits.sort()).toEqual([
      'a-gz-1',
      'b-hq',
    ]);
    expect((await api.get('/circuits/a-sz-1', tokens['noc.li'])).status).toBe(200);
    expect((await api.get('/circuits/b-hq', tokens['noc.li'])).status).toBe(200);
  });

  it('a customer engineer sees only its org subtree', async () => {
    expect(await circuitIds('gz.engineer')).toEqual(['a-gz-1']);
    expect((await api.get('/circuits/a-hq', tokens['gz.engineer'])).status).toBe(404);
    expect((await api.get('/circuits/a-sz-1/performance', tokens['gz.engineer'])).status).toBe(404);
    const mine = await alarms('gz.engineer');
    expect(mine.items.map((x) => x.id)).toEqual(['al-shared']);
    expect(mine.items[0]!.affectedCircuits).toEqual(['a-gz-1']);
  });

  it('a customer viewer higher up sees the whole province below it', async () => {
    expect(await circuitIds('gd.viewer')).toEqual(['a-gz-1', 'a-sz-1']);
    expect((await alarms('gd.viewer')).items.map((x) => x.id).sort()).toEqual([
      'al-a-sz',
      'al-shared',
    ]);
  });

  it('an account manager sees the assigned customers only', async () => {
    expect(await circuitIds('am.wang')).toEqual(['b-hq']);
    expect((await alarms('am.wang')).items.map((x) => x.id).sort()).toEqual(['al-b', 'al-shared']);
  });

  it('a field engineer sees no circuit and no alarm yet', async () => {
    expect(await circuitIds('field.zhao')).toEqual([]);
    expect((await alarms('field.zhao')).total).toBe(0);
  });
});
