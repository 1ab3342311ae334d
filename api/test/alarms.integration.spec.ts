import { AlarmsRepository } from '../src/alarms/alarms.repository';
import type { AuditEntryDocument } from '../src/audit/audit-entry';
import { COLLECTIONS } from '../src/database/collections';
import type { AlarmDocument, CircuitDocument } from '../src/database/documents';
import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import { insertAlarm, insertCircuit, insertCustomer, insertUser } from './support/factories';

/**
 * NOC alarm operations through HTTP on the real stack: rights, TMF642 fields, the
 * state rules (idempotent repeats, 409), manual clear re-deriving the circuit, the
 * audit trail; the alarm detail's links filtered by scope; org-unit scoping and the
 * start-up backfill of alarms stored before stamping.
 */
describe('alarm operations and detail', () => {
  let api: ApiHarness;
  let noc: string;
  let admin: string;
  const WH = ['bank-a-root', 'bank-a-HB', 'bank-a-HB-WH'];
  const SZ = ['bank-a-root', 'bank-a-GD', 'bank-a-GD-SZ'];

  beforeAll(async () => {
    api = await startApi(`it_alarms_${process.pid}`);
    const db = api.db;
    await insertCustomer(db, 'bank-a', {
      'bank-a-HB': 'bank-a-root',
      'bank-a-HB-WH': 'bank-a-HB',
      'bank-a-GD': 'bank-a-root',
      'bank-a-GD-SZ': 'bank-a-GD',
    });
    await insertCustomer(db, 'bank-b');
    await insertCircuit(db, 'ckt-wh', 'bank-a', WH, {
      state: 'down',
      activeAlarmIds: ['alm-down'],
      activeDownAlarmIds: ['alm-down'],
    });
    await insertCircuit(db, 'ckt-sz', 'bank-a', SZ);
    await insertCircuit(db, 'ckt-b', 'bank-b', ['bank-b-root']);
    await insertAlarm(db, 'alm-down', ['bank-a'], ['ckt-wh'], {
      serviceImpact: 'down',
      orgUnitIds: WH,
      correlatedAlarmIds: ['alm-b', 'alm-sz'],
      isRootCause: true,
    });
    await insertAlarm(db, 'alm-sz', ['bank-a'], ['ckt-sz'], {
      orgUnitIds: SZ,
      rootCauseAlarmIds: ['alm-down'],
    });
    await insertAlarm(db, 'alm-b', ['bank-b'], ['ckt-b'], {
      orgUnitIds: ['bank-b-root'],
      rootCauseAlarmIds: ['alm-down'],
    });
    await insertAlarm(db, 'alm-cleared', ['bank-a'], ['ckt-sz'], {
      state: 'cleared',
      orgUnitIds: SZ,
    });
    await insertUser(db, 'noc', 'noc-operator');
    await insertUser(db, 'padmin', 'platform-admin');
    await insertUser(db, 'a-admin', 'customer-admin', { customerId: 'bank-a' });
    await insertUser(db, 'b-admin', 'customer-admin', { customerId: 'bank-b' });
    await insertUser(db, 'am', 'account-manager', { assignedCustomerIds: ['bank-a'] });
    await insertUser(db, 'wh-viewer', 'customer-viewer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-HB-WH',
    });
    noc = await api.login('noc');
    admin = await api.login('a-admin');
  });

  afterAll(async () => {
    await api?.close();
  });

  const post = (path: string, token: string, body?: unknown) =>
    fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  const alarmDoc = (id: string) =>
    api.db.collection<AlarmDocument>(COLLECTIONS.alarms).findOne({ _id: id });
  const audit = (action: string, id: string) =>
    api.db
      .collection<AuditEntryDocument>(COLLECTIONS.auditLog)
      .find({ action, targetId: id })
      .sort({ at: 1 })
      .toArray();

  it('lets only operator staff operate on alarms', async () => {
    for (const user of ['a-admin', 'am', 'wh-viewer']) {
      const token = await api.login(user);
      for (const op of ['acknowledge', 'unacknowledge', 'clear']) {
        expect((await post(`/alarms/alm-sz/${op}`, token)).status).toBe(403);
      }
      expect((await post('/alarms/alm-sz/comments', token, { comment: 'x' })).status).toBe(403);
    }
    expect((await alarmDoc('alm-sz'))?.ackState).toBe('unacknowledged');
    const padmin = await api.login('padmin');
    expect((await post('/alarms/alm-sz/comments', padmin, { comment: 'seen' })).status).toBe(201);
  });

  it('acknowledges (TMF642 ackState, ackUserId), idempotently, and audits it', async () => {
    const res = await post('/alarms/alm-sz/acknowledge', noc);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: 'alm-sz',
      ackState: 'acknowledged',
      ackUserId: 'user-noc',
      ackSystemId: 'circuitcare-api',
      state: 'raised',
    });
    const again = await post('/alarms/alm-sz/acknowledge', noc);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { ackState: string }).ackState).toBe('acknowledged');
    const entries = await audit('alarm.acknowledge', 'alm-sz');
    expect(entries.map((e) => [e.outcome, e.detail.changed, e.actorId])).toEqual([
      ['success', true, 'user-noc'],
      ['success', false, 'user-noc'],
    ]);
    expect(entries[0]?.customerId).toBe('bank-a');

    const unack = await post('/alarms/alm-sz/unacknowledge', noc);
    expect(unack.status).toBe(200);
    expect(await unack.json()).toMatchObject({ ackState: 'unacknowledged', ackUserId: null });
  });

  it('adds comments (TMF642 comment) shown to operator staff only', async () => {
    const res = await post('/alarms/alm-down/comments', noc, { comment: 'Dispatching a team.' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { comment: Array<Record<string, string>> };
    expect(body.comment).toHaveLength(1);
    expect(body.comment[0]).toMatchObject({
      comment: 'Dispatching a team.',
      userId: 'user-noc',
      systemId: 'circuitcare-api',
    });
    expect(Date.parse(body.comment[0]!.time!)).toBeGreaterThan(Date.now() - 60_000);
    const bad = await post('/alarms/alm-down/comments', noc, { comment: '' });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(['comment']);
    const customerView = await api.get('/alarms/alm-down', admin);
    expect(customerView.status).toBe(200);
    expect(await customerView.json()).toMatchObject({ comment: [], ackUserId: null });
  });

  it('clears by hand: new activeKey, circuit re-derived, then closed to unacknowledge', async () => {
    expect((await post('/alarms/alm-down/acknowledge', noc)).status).toBe(200);
    const res = await post('/alarms/alm-down/clear', noc);
    expect(res.status).toBe(200);
    const cleared = (await res.json()) as { alarmClearedTime: string | null };
    expect(cleared).toMatchObject({
      state: 'cleared',
      perceivedSeverity: 'cleared',
      clearUserId: 'user-noc',
      clearSystemId: 'circuitcare-api',
    });
    expect(Date.parse(cleared.alarmClearedTime ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const stored = await alarmDoc('alm-down');
    // The raise key is free again: the next raise of the condition opens a new alarm.
    expect(stored?.activeKey).toBe(`${stored?.reductionKey}#cleared#alm-down`);
    const circuit = await api.db
      .collection<CircuitDocument>(COLLECTIONS.circuits)
      .findOne({ _id: 'ckt-wh' });
    expect(circuit).toMatchObject({ state: 'up', activeAlarmIds: [], activeDownAlarmIds: [] });

    expect((await post('/alarms/alm-down/clear', noc)).status).toBe(200);
    const closed = await post('/alarms/alm-down/unacknowledge', noc);
    expect(closed.status).toBe(409);
    expect((await problemOf(closed)).detail).toMatch(/closed/);
    const failures = (await audit('alarm.unacknowledge', 'alm-down')).filter(
      (e) => e.outcome === 'failure',
    );
    expect(failures).toHaveLength(1);
    expect((await audit('alarm.clear', 'alm-down')).map((e) => e.detail.changed)).toEqual([
      true,
      false,
    ]);
  });

  it('answers 404 for an unknown alarm, and to whom an alarm is out of scope', async () => {
    expect((await post('/alarms/alm-nope/acknowledge', noc)).status).toBe(404);
    const b = await api.login('b-admin');
    expect((await api.get('/alarms/alm-sz', b)).status).toBe(404);
    expect((await api.get('/alarms/alm-nope', noc)).status).toBe(404);
    const wh = await api.login('wh-viewer');
    expect((await api.get('/alarms/alm-sz', wh)).status).toBe(404);
    expect((await api.get('/alarms/alm-down', wh)).status).toBe(200);
  });

  it('links root cause and correlated alarms only as far as the caller may see', async () => {
    const asNoc = (await (await api.get('/alarms/alm-down', noc)).json()) as {
      isRootCause: boolean;
      correlatedAlarm: Array<{ id: string }>;
      linkedAlarms: Array<{ id: string }>;
    };
    expect(asNoc.isRootCause).toBe(true);
    expect(asNoc.correlatedAlarm.map((a) => a.id)).toEqual(['alm-b', 'alm-sz']);
    expect(asNoc.linkedAlarms.map((a) => a.id).sort()).toEqual(['alm-b', 'alm-sz']);

    const asAdmin = (await (await api.get('/alarms/alm-down', admin)).json()) as typeof asNoc;
    expect(asAdmin.correlatedAlarm.map((a) => a.id)).toEqual(['alm-sz']);
    expect(asAdmin.linkedAlarms.map((a) => a.id)).toEqual(['alm-sz']);

    const wh = await api.login('wh-viewer');
    const asWuhan = (await (await api.get('/alarms/alm-down', wh)).json()) as typeof asNoc;
    expect(asWuhan.correlatedAlarm).toEqual([]);
    expect(asWuhan.linkedAlarms).toEqual([]);

    const b = await api.login('b-admin');
    const list = (await (await api.get('/alarms', b)).json()) as {
      items: Array<{ id: string; rootCauseAlarm: Array<{ id: string }> }>;
    };
    expect(list.items.map((a) => [a.id, a.rootCauseAlarm])).toEqual([['alm-b', []]]);
  });

  it('scopes an org-subtree user by the alarms org units, backfilled for old alarms', async () => {
    const alarms = api.db.collection<AlarmDocument>(COLLECTIONS.alarms);
    await insertAlarm(api.db, 'alm-old-wh', ['bank-a'], ['ckt-wh']);
    await insertAlarm(api.db, 'alm-old-b', ['bank-b'], ['ckt-b', 'ckt-gone']);
    // Stored before ingestion stamped org units:
    await alarms.updateMany(
      { _id: { $in: ['alm-old-wh', 'alm-old-b'] } },
      { $unset: { orgUnitIds: '' } },
    );
    const wh = await api.login('wh-viewer');
    const ids = async () =>
      ((await (await api.get('/alarms', wh)).json()) as { items: Array<{ id: string }> }).items
        .map((a) => a.id)
        .sort();
    // Unstamped alarms stay hidden from org-subtree users (fail closed)…
    expect(await ids()).toEqual(['alm-down']);
    // …until the start-up backfill stamps them.
    expect(await api.app.get(AlarmsRepository).backfillOrgUnits()).toBe(2);
    expect((await alarms.findOne({ _id: 'alm-old-wh' }))?.orgUnitIds).toEqual([...WH].sort());
    expect((await alarms.findOne({ _id: 'alm-old-b' }))?.orgUnitIds).toEqual(['bank-b-root']);
    expect(await ids()).toEqual(['alm-down', 'alm-old-wh']);
    expect(await api.app.get(AlarmsRepository).backfillOrgUnits()).toBe(0);
  });
});
