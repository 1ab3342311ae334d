import { COLLECTIONS } from '../src/database/collections';
import type { TicketDocument } from '../src/tickets/ticket.document';
import { type ApiHarness, startApi } from './support/api-harness';
import { SseTestClient } from './support/events-sse';
import { insertAlarm, insertCircuit, insertCustomer, insertUser } from './support/factories';
import { eventually, insertTeam } from './support/ticket-fixtures';

describe('tickets: auto-close, proactive tickets and live events', () => {
  let a: ApiHarness;
  let b: ApiHarness;
  const tokens: Record<string, string> = {};
  const send = async (
    method: string,
    path: string,
    user: string,
    body?: unknown,
  ): Promise<Response> =>
    fetch(`${a.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const tickets = () => a.db.collection<TicketDocument>(COLLECTIONS.tickets);

  beforeAll(async () => {
    const env = {
      TICKET_AUTO_CLOSE_MIN: '0.05',
      TICKET_PROACTIVE_SWEEP_SEC: '1',
      TICKET_PROACTIVE_GRACE_SEC: '2',
    };
    const db = `api_it_closing_${process.pid}`;
    // Two replicas sweep for proactive tickets at the same time.
    a = await startApi(db, env);
    b = await startApi(db, { ...env, API_INSTANCE_ID: `api-test-b-${process.pid}` });
    await insertCustomer(a.db, 'bank-a');
    await insertCustomer(a.db, 'bank-b');
    await insertCircuit(a.db, 'a-1', 'bank-a', ['bank-a-root']);
    await insertCircuit(a.db, 'a-2', 'bank-a', ['bank-a-root']);
    await insertCircuit(a.db, 'b-1', 'bank-b', ['bank-b-root']);
    await insertUser(a.db, 'a.admin', 'customer-admin', { customerId: 'bank-a' });
    await insertUser(a.db, 'b.admin', 'customer-admin', { customerId: 'bank-b' });
    await insertUser(a.db, 'noc', 'noc-operator');
    await insertUser(a.db, 'field.wang', 'field-engineer');
    await insertTeam(a.db, { _id: 'team-all', memberUserIds: ['user-field.wang'] });
    for (const u of ['a.admin', 'b.admin', 'noc', 'field.wang']) tokens[u] = await a.login(u);
  });

  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('closes a resolved ticket by itself when the customer does not answer', async () => {
    const created = (await (
      await send('POST', '/tickets', 'a.admin', {
        ticketType: 'fault',
        circuitId: 'a-2',
        impact: 'degraded',
        description: 'slow',
      })
    ).json()) as { id: string };
    expect(
      (await send('POST', `/tickets/${created.id}/status`, 'noc', { status: 'inProgress' })).status,
    ).toBe(200);
    expect(
      (
        await send('POST', `/tickets/${created.id}/status`, 'noc', {
          status: 'resolved',
          reason: 'port reset',
        })
      ).status,
    ).toBe(200);
    const closed = await eventually(async () => {
      const t = await tickets().findOne({ _id: created.id });
      return t?.status === 'closed' ? t : null;
    });
    expect(closed.result).toMatchObject({ autoClosed: true, confirmedBy: null });
    expect(closed.statusChangeHistory.at(-1)).toMatchObject({
      status: 'closed',
      changedBy: 'system',
    });
    expect(closed.statusChangeHistory.filter((h) => h.status === 'closed')).toHaveLength(1);
  }, 60_000);

  it('opens one proactive ticket for an unreported service-affecting alarm, which the customer sees', async () => {
    // Raised a minute ago (past the grace period), affecting a circuit of each bank.
    const raised = new Date(Date.now() - 60_000);
    await insertAlarm(a.db, 'al-pe-1', ['bank-a', 'bank-b'], ['a-1', 'b-1'], {
      alarmRaisedTime: raised,
      alarmChangedTime: raised,
    });
    const opened = await eventually(async () => {
      const rows = await tickets().find({ channel: 'proactive' }).toArray();
      return rows.length >= 2 ? rows : null;
    });
    // Let both replicas sweep a few more times: still one per customer.
    await new Promise((r) => setTimeout(r, 3000));
    const rows = await tickets().find({ channel: 'proactive' }).toArray();
    expect(rows.map((t) => t.customerId).sort()).toEqual(['bank-a', 'bank-b']);
    expect(opened.every((t) => t.rootCauseAlarmId === 'al-pe-1')).toBe(true);
    const mine = (await (await send('GET', '/tickets?status=open', 'a.admin')).json()) as {
      items: Array<{ id: string; channel: string; circuitIds: string[] }>;
    };
    const proactive = mine.items.filter((t) => t.channel === 'proactive');
    expect(proactive.map((t) => t.circuitIds)).toEqual([['a-1']]);

    // An alarm on a circuit that already has an open ticket opens nothing new.
    const before = await tickets().countDocuments({ channel: 'proactive' });
    await insertAlarm(a.db, 'al-pe-2', ['bank-a'], ['a-1'], {
      reductionKey: 'linkDown|x2',
      alarmRaisedTime: raised,
      alarmChangedTime: raised,
    });
    await new Promise((r) => setTimeout(r, 3000));
    expect(await tickets().countDocuments({ channel: 'proactive' })).toBe(before);
  }, 60_000);

  it("streams ticket changes to the ticket's customer, the NOC and its field engineer only", async () => {
    const streamA = await SseTestClient.open(a.baseUrl, tokens['a.admin']!);
    const streamB = await SseTestClient.open(b.baseUrl, tokens['b.admin']!);
    const streamField = await SseTestClient.open(b.baseUrl, tokens['field.wang']!);
    try {
      const created = (await (
        await send('POST', '/tickets', 'a.admin', {
          ticketType: 'complaint',
          description: 'invoice',
        })
      ).json()) as { id: string; version: number };
      await streamA.waitForEvent('ticket.created', created.id);
      const dispatched = await send('POST', `/tickets/${created.id}/dispatch`, 'noc', {
        teamId: 'team-all',
        engineerUserId: 'user-field.wang',
      });
      expect(dispatched.status).toBe(200);
      const frame = await streamField.waitForEvent('ticket.dispatched', created.id);
      expect(frame.data).toMatchObject({
        kind: 'ticket',
        data: { status: 'acknowledged', ticketType: 'complaint' },
      });
      await streamA.waitForEvent('ticket.dispatched', created.id);
      await new Promise((r) => setTimeout(r, 1000));
      expect(streamB.frames.filter((f) => f.event.startsWith('ticket.'))).toEqual([]);
      expect(streamField.frames.filter((f) => f.event === 'ticket.created')).toEqual([]);
    } finally {
      await streamA.close();
      await streamB.close();
      await streamField.close();
    }
  }, 60_000);
});
