import { COLLECTIONS } from '../src/database/collections';
import type { TicketDocument } from '../src/tickets/ticket.document';
import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import { insertAlarm, insertCircuit, insertCustomer, insertUser } from './support/factories';
import { SmtpSink } from './support/smtp-sink';
import { eventually, insertTeam } from './support/ticket-fixtures';

interface Ticket {
  id: string;
  version: number;
  status: string;
  teamId: string | null;
  note: Array<{ text: string; visibility: string; author: string }>;
  timeline: Array<{ type: string; visibility: string; actor: string; summary: string }>;
  relatedParty: Array<{ role: string; name: string; email: string | null; phone: string | null }>;
  assignment: { engineerName: string | null; engineerUserId: string | null };
  fieldReport: { arrivedAt: string | null; causeCode: string | null; fixCode: string | null };
  sla: {
    paused: boolean;
    response: { stoppedAt: string | null; met: boolean | null };
    restore: { dueAt: string | null; met: boolean | null };
  };
  result: {
    mttrMinutes: number | null;
    reopenCount: number;
    restoreMet: boolean | null;
    closedAt: string | null;
    autoClosed: boolean;
  };
  satisfaction: { rating: number } | null;
  allowedTransitions: string[];
}

describe('tickets: the closed loop through HTTP, role by role', () => {
  let api: ApiHarness;
  let smtp: SmtpSink;
  const tokens: Record<string, string> = {};

  const send = (
    method: string,
    path: string,
    user: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> =>
    fetch(`${api.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[user]}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const json = async <T>(res: Response, status: number): Promise<T> => {
    const text = await res.text();
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  const stored = (id: string): Promise<TicketDocument | null> =>
    api.db.collection<TicketDocument>(COLLECTIONS.tickets).findOne({ _id: id });

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    api = await startApi(`api_it_tickets_${process.pid}`, {
      SMTP_URL: smtp.url,
      TICKET_PROACTIVE_SWEEP_SEC: '0',
    });
    const { db } = api;
    await insertCustomer(db, 'bank-a', { 'bank-a-HB': 'bank-a-root', 'bank-a-HB-WH': 'bank-a-HB' });
    await insertCustomer(db, 'bank-b');
    await insertCircuit(db, 'a-wh-1', 'bank-a', ['bank-a-root', 'bank-a-HB', 'bank-a-HB-WH'], {
      state: 'down',
      activeAlarmIds: ['al-wh-1'],
    });
    await insertCircuit(db, 'b-1', 'bank-b', ['bank-b-root']);
    await insertAlarm(db, 'al-wh-1', ['bank-a'], ['a-wh-1']);
    await insertUser(db, 'a.admin', 'customer-admin', { customerId: 'bank-a' });
    await insertUser(db, 'a.wuhan', 'customer-engineer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-HB-WH',
    });
    await insertUser(db, 'a.viewer', 'customer-viewer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-root',
    });
    await insertUser(db, 'b.admin', 'customer-admin', { customerId: 'bank-b' });
    await insertUser(db, 'noc', 'noc-operator');
    await insertUser(db, 'noc.lead', 'noc-operator');
    await insertUser(db, 'field.wang', 'field-engineer');
    await insertUser(db, 'field.other', 'field-engineer');
    await insertUser(db, 'am', 'account-manager', { assignedCustomerIds: ['bank-a'] });
    await insertTeam(db, {
      _id: 'team-gz',
      regions: ['Guangzhou'],
      memberUserIds: ['user-field.wang', 'user-field.other'],
      leadUserId: 'user-noc.lead',
    });
    for (const u of [
      'a.admin',
      'a.wuhan',
      'a.viewer',
      'b.admin',
      'noc',
      'field.wang',
      'field.other',
      'am',
    ]) {
      tokens[u] = await api.login(u);
    }
    await json(
      await send('PUT', '/notifications/preferences', 'a.wuhan', {
        email: 'wuhan@bank-a.example',
        phone: '13812345678',
      }),
      200,
    );
    await json(
      await send('PUT', '/notifications/preferences', 'b.admin', { email: 'admin@bank-b.example' }),
      200,
    );
  });

  afterAll(async () => {
    await api.close();
    await smtp.close();
  });

  it('walks a fault from the report to the rating', async () => {
    // What is known first: the circuit is down, an alarm is raised, no open ticket yet.
    const known = await json<{
      operatorAware: boolean;
      circuits: Array<{ state: string; activeAlarms: Array<{ id: string }> }>;
      openTickets: unknown[];
    }>(await send('GET', '/tickets/pre-check?circuitId=a-wh-1', 'a.wuhan'), 200);
    expect(known.operatorAware).toBe(true);
    expect(known.circuits[0]!.state).toBe('down');
    expect(known.circuits[0]!.activeAlarms.map((a) => a.id)).toEqual(['al-wh-1']);
    expect(known.openTickets).toEqual([]);
    expect((await send('GET', '/tickets/pre-check?circuitId=a-wh-1', 'b.admin')).status).toBe(404);

    // The viewer may not file; the engineer files with an on-site contact.
    expect(
      (
        await send('POST', '/tickets', 'a.viewer', {
          ticketType: 'fault',
          circuitId: 'a-wh-1',
          impact: 'down',
          description: 'x',
        })
      ).status,
    ).toBe(403);
    const filed = await json<Ticket>(
      await send('POST', '/tickets', 'a.wuhan', {
        ticketType: 'fault',
        circuitId: 'a-wh-1',
        impact: 'down',
        description: '网点无法访问核心系统',
        contact: { name: '李经理', phone: '13900001111', email: 'li@bank-a.example' },
      }),
      201,
    );
    expect(filed.status).toBe('acknowledged');
    expect(filed.teamId).toBeNull(); // internal to the operator
    expect(filed.sla.restore.dueAt).not.toBeNull();
    expect(filed.allowedTransitions).toEqual(['cancelled']);
    const id = filed.id;

    // Another bank never sees it; the pre-check now offers it to join.
    expect((await send('GET', `/tickets/${id}`, 'b.admin')).status).toBe(404);
    expect(
      (await json<{ total: number }>(await send('GET', '/tickets', 'b.admin'), 200)).total,
    ).toBe(0);
    const again = await json<{ openTickets: Array<{ id: string }> }>(
      await send('GET', '/tickets/pre-check?circuitId=a-wh-1', 'a.admin'),
      200,
    );
    expect(again.openTickets.map((t) => t.id)).toEqual([id]);
    const joined = await json<Ticket>(await send('POST', `/tickets/${id}/join`, 'a.admin'), 200);
    expect(joined.relatedParty.map((p) => p.role).sort()).toEqual([
      'contact',
      'reporter',
      'watcher',
    ]);

    // Illegal and not-yours transitions are 409 problems; nothing is written.
    const before = (await stored(id))!.version;
    const illegal = await send('POST', `/tickets/${id}/status`, 'a.wuhan', { status: 'closed' });
    expect(illegal.status).toBe(409);
    expect((await problemOf(illegal)).detail).toMatch(/cannot become closed/);
    expect(
      (await send('POST', `/tickets/${id}/status`, 'a.wuhan', { status: 'inProgress' })).status,
    ).toBe(409);
    expect((await stored(id))!.version).toBe(before);

    // NOC sees it in the Guangzhou queue, with contact data masked (number shield).
    const nocView = await json<Ticket>(await send('GET', `/tickets/${id}`, 'noc'), 200);
    expect(nocView.teamId).toBe('team-gz');
    const contact = nocView.relatedParty.find((p) => p.role === 'contact')!;
    expect(contact.phone).toBe('139****1111');
    expect(contact.email).toBe('l***@bank-a.example');
    const queues = await json<{ queues: Array<{ teamId: string; open: number }> }>(
      await send('GET', '/tickets/queues', 'noc'),
      200,
    );
    expect(queues.queues).toEqual([expect.objectContaining({ teamId: 'team-gz', open: 1 })]);
    expect((await send('GET', '/tickets/queues', 'a.admin')).status).toBe(403);

    // Field engineers see nothing until dispatched.
    expect((await send('GET', `/tickets/${id}`, 'field.wang')).status).toBe(404);
    // Stale version: 409 by body, 412 by If-Match; the ticket stays as it was.
    expect(
      (
        await send('POST', `/tickets/${id}/dispatch`, 'noc', {
          teamId: 'team-gz',
          engineerUserId: 'user-field.wang',
          version: 1,
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await send(
          'POST',
          `/tickets/${id}/dispatch`,
          'noc',
          { teamId: 'team-gz', engineerUserId: 'user-field.wang' },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(412);
    expect((await stored(id))!.assignment.engineerUserId).toBeNull();
    const dispatched = await json<Ticket>(
      await send('POST', `/tickets/${id}/dispatch`, 'noc', {
        teamId: 'team-gz',
        engineerUserId: 'user-field.wang',
        version: nocView.version,
      }),
      200,
    );
    expect(dispatched.assignment.engineerName).toBe('field.wang');
    expect(dispatched.sla.response.stoppedAt).not.toBeNull();

    // Only the engineer it is dispatched to sees it; he sees the contact in clear.
    expect((await send('GET', `/tickets/${id}`, 'field.other')).status).toBe(404);
    expect(
      (await json<{ total: number }>(await send('GET', '/tickets', 'field.other'), 200)).total,
    ).toBe(0);
    const fieldView = await json<Ticket>(await send('GET', `/tickets/${id}`, 'field.wang'), 200);
    expect(fieldView.relatedParty.find((p) => p.role === 'contact')!.phone).toBe('13900001111');
    expect(
      (await send('POST', `/tickets/${id}/status`, 'field.other', { status: 'inProgress' })).status,
    ).toBe(404);

    await json<Ticket>(
      await send('POST', `/tickets/${id}/status`, 'field.wang', { status: 'inProgress' }),
      200,
    );
    await json<Ticket>(
      await send('POST', `/tickets/${id}/field-reports`, 'field.wang', { kind: 'arrival' }),
      201,
    );
    await json<Ticket>(
      await send('POST', `/tickets/${id}/notes`, 'noc', {
        text: 'Vendor case 4711 opened',
        visibility: 'internal',
      }),
      201,
    );
    expect(
      (await send('POST', `/tickets/${id}/notes`, 'a.wuhan', { text: 'x', visibility: 'internal' }))
        .status,
    ).toBe(403);
    const pending = await json<Ticket>(
      await send('POST', `/tickets/${id}/status`, 'field.wang', {
        status: 'pending',
        reason: '需要客户开门 / need access to the room',
      }),
      200,
    );
    expect(pending.sla.paused).toBe(true);
    // The customer answers: the ticket leaves pending.
    await json<Ticket>(
      await send('POST', `/tickets/${id}/notes`, 'a.wuhan', { text: '机房已开门' }),
      201,
    );
    await json<Ticket>(
      await send('POST', `/tickets/${id}/status`, 'a.wuhan', { status: 'inProgress' }),
      200,
    );
    await json<Ticket>(
      await send('POST', `/tickets/${id}/field-reports`, 'field.wang', {
        kind: 'cause',
        causeCode: 'FIBER_CUT',
        fixCode: 'SPLICE',
      }),
      201,
    );
    expect(
      (await send('POST', `/tickets/${id}/status`, 'field.wang', { status: 'resolved' })).status,
    ).toBe(400);
    const resolved = await json<Ticket>(
      await send('POST', `/tickets/${id}/status`, 'field.wang', {
        status: 'resolved',
        reason: '光缆已熔接',
      }),
      200,
    );
    expect(resolved.result.mttrMinutes).not.toBeNull();

    // The customer sees public matter only, and operators as "operator".
    const custView = await json<Ticket>(await send('GET', `/tickets/${id}`, 'a.wuhan'), 200);
    expect(custView.note.map((n) => n.text)).toEqual(['机房已开门']);
    expect(custView.timeline.every((e) => e.visibility === 'public')).toBe(true);
    expect(custView.timeline.map((e) => e.actor)).not.toContain('field.wang');
    expect(custView.fieldReport).toMatchObject({ causeCode: 'FIBER_CUT', fixCode: 'SPLICE' });
    expect(custView.allowedTransitions.sort()).toEqual(['closed', 'reopened']);

    // Reopen needs a reason; then the fix holds and the customer confirms and rates.
    expect(
      (await send('POST', `/tickets/${id}/status`, 'a.wuhan', { status: 'reopened' })).status,
    ).toBe(400);
    await json<Ticket>(
      await send('POST', `/tickets/${id}/status`, 'a.wuhan', {
        status: 'reopened',
        reason: '仍然丢包',
      }),
      200,
    );
    await json<Ticket>(
      await send('POST', `/tickets/${id}/status`, 'field.wang', {
        status: 'resolved',
        reason: '更换光模块',
      }),
      200,
    );
    expect((await send('POST', `/tickets/${id}/status`, 'noc', { status: 'closed' })).status).toBe(
      409,
    );
    const closed = await json<Ticket>(
      await send('POST', `/tickets/${id}/status`, 'a.wuhan', { status: 'closed' }),
      200,
    );
    expect(closed.result).toMatchObject({ reopenCount: 1, restoreMet: true, autoClosed: false });
    expect(closed.result.closedAt).not.toBeNull();
    expect(
      (await send('POST', `/tickets/${id}/status`, 'a.wuhan', { status: 'reopened', reason: 'x' }))
        .status,
    ).toBe(409);
    const rated = await json<Ticket>(
      await send('POST', `/tickets/${id}/satisfaction`, 'a.wuhan', {
        rating: 5,
        comment: '很及时',
      }),
      200,
    );
    expect(rated.satisfaction?.rating).toBe(5);
    expect(
      (await send('POST', `/tickets/${id}/satisfaction`, 'a.wuhan', { rating: 1 })).status,
    ).toBe(409);

    // The reporter was told by e-mail over real SMTP; the other bank never was.
    // The reporter was told of every public change it did not make itself, over real SMTP;
    // the on-site contact too; the other bank never was.
    await smtp.waitFor(() =>
      smtp.to('li@bank-a.example').some((m) => m.text.includes('Status: 已关闭 (closed)')),
    );
    const toReporter = smtp.to('wuhan@bank-a.example').map((m) => m.text);
    expect(toReporter.some((t) => t.includes('Dispatched to field engineer field.wang'))).toBe(
      true,
    );
    expect(toReporter.some((t) => t.includes('光缆已熔接'))).toBe(true);
    expect(toReporter.some((t) => t.includes('Vendor case 4711'))).toBe(false);
    expect(toReporter.some((t) => t.includes('机房已开门'))).toBe(false); // its own note
    expect(smtp.to('admin@bank-b.example')).toEqual([]);
    const mine = await eventually(async () => {
      const page = await json<{
        items: Array<{ ticketId: string; status: string; channel: string }>;
      }>(await send('GET', '/notifications', 'a.wuhan'), 200);
      return page.items.some((i) => i.status === 'sent') ? page : null;
    });
    expect(mine.items.every((i) => i.ticketId === id && i.channel === 'email')).toBe(true);
    expect(
      (await json<{ total: number }>(await send('GET', '/notifications', 'b.admin'), 200)).total,
    ).toBe(0);
  });

  it('lets the NOC merge a duplicate and link the root-cause alarm', async () => {
    const first = await json<Ticket>(
      await send('POST', '/tickets', 'a.admin', {
        ticketType: 'fault',
        circuitId: 'a-wh-1',
        impact: 'degraded',
        description: 'slow',
      }),
      201,
    );
    const dup = await json<Ticket>(
      await send('POST', '/tickets', 'a.wuhan', {
        ticketType: 'fault',
        circuitId: 'a-wh-1',
        impact: 'down',
        description: 'down',
      }),
      201,
    );
    const b = await json<Ticket>(
      await send('POST', '/tickets', 'b.admin', {
        ticketType: 'complaint',
        description: 'billing',
      }),
      201,
    );
    expect((await send('POST', `/tickets/${dup.id}/merge`, 'noc', { targetId: b.id })).status).toBe(
      400,
    );
    expect(
      (await send('POST', `/tickets/${dup.id}/merge`, 'a.admin', { targetId: first.id })).status,
    ).toBe(403);
    const merged = await json<Ticket & { mergedInto: string }>(
      await send('POST', `/tickets/${dup.id}/merge`, 'noc', { targetId: first.id }),
      200,
    );
    expect(merged).toMatchObject({ status: 'cancelled', mergedInto: first.id });
    await json<Ticket>(
      await send('POST', `/tickets/${first.id}/alarms`, 'noc', {
        alarmId: 'al-wh-1',
        rootCause: true,
      }),
      200,
    );
    const target = await json<Ticket & { mergedTicketIds: string[]; rootCauseAlarmId: string }>(
      await send('GET', `/tickets/${first.id}`, 'a.wuhan'),
      200,
    );
    expect(target.mergedTicketIds).toEqual([dup.id]);
    expect(target.rootCauseAlarmId).toBe('al-wh-1');
    expect(target.relatedParty.some((p) => p.name === 'a.wuhan')).toBe(true);
  });

  it('turns a self-service bandwidth request into a provisioning ticket that changes the circuit', async () => {
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const t = await json<
      Ticket & { provisioning: { stages: Array<{ name: string; status: string }> } }
    >(
      await send('POST', '/tickets/provisioning-requests', 'a.wuhan', {
        kind: 'temporary-bandwidth',
        circuitId: 'a-wh-1',
        bandwidthBps: 50_000_000,
        until,
      }),
      201,
    );
    expect(t.provisioning.stages.map((s) => s.status)).toEqual([
      'skipped',
      'skipped',
      'pending',
      'pending',
      'pending',
    ]);
    expect(
      (await send('POST', `/tickets/${t.id}/stages`, 'noc', { stage: 'handover', status: 'done' }))
        .status,
    ).toBe(409);
    for (const stage of ['configuration', 'test', 'handover']) {
      await json<Ticket>(
        await send('POST', `/tickets/${t.id}/stages`, 'noc', { stage, status: 'done' }),
        200,
      );
    }
    const circuit = await api.db
      .collection(COLLECTIONS.circuits)
      .findOne({ _id: 'a-wh-1' as never });
    expect(circuit?.bandwidthBps).toBe(50_000_000);
    const view = await json<Ticket>(await send('GET', `/tickets/${t.id}`, 'a.wuhan'), 200);
    expect(view.timeline.map((e) => e.type)).toContain('circuit-changed');
    expect(
      (
        await send('POST', '/tickets/provisioning-requests', 'b.admin', {
          kind: 'bandwidth-change',
          circuitId: 'a-wh-1',
          bandwidthBps: 20_000_000,
        })
      ).status,
    ).toBe(400);
  });
});
