import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import { insertCircuit, insertCustomer, insertUser } from './support/factories';

const TMF = '/tmf-api/troubleTicket/v4/troubleTicket';

describe('TMF621 facade onto the ticket service', () => {
  let api: ApiHarness;
  let origin = '';
  const tokens: Record<string, string> = {};
  const call = (
    method: string,
    path: string,
    user: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> =>
    fetch(`${origin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[user]}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    api = await startApi(`api_it_tmf_${process.pid}`, { TICKET_PROACTIVE_SWEEP_SEC: '0' });
    origin = new URL(api.baseUrl).origin;
    await insertCustomer(api.db, 'bank-a');
    await insertCustomer(api.db, 'bank-b');
    await insertCircuit(api.db, 'a-1', 'bank-a', ['bank-a-root']);
    await insertUser(api.db, 'a.admin', 'customer-admin', { customerId: 'bank-a' });
    await insertUser(api.db, 'b.admin', 'customer-admin', { customerId: 'bank-b' });
    await insertUser(api.db, 'noc', 'noc-operator');
    for (const u of ['a.admin', 'b.admin', 'noc']) tokens[u] = await api.login(u);
  });

  afterAll(async () => {
    await api.close();
  });

  it('creates, lists, reads and patches a TroubleTicket', async () => {
    const created = await call('POST', TMF, 'a.admin', {
      '@type': 'TroubleTicket',
      ticketType: 'fault',
      severity: 'critical',
      description: 'Outlet offline',
      relatedEntity: [{ id: 'a-1', '@referredType': 'Circuit', role: 'affected' }],
      note: [{ text: 'Reported through the bank ITSM' }],
    });
    expect(created.status).toBe(201);
    const tt = (await created.json()) as {
      id: string;
      href: string;
      status: string;
      channel: { name: string };
      note: Array<{ text: string }>;
      priority: string;
    };
    expect(tt).toMatchObject({
      status: 'acknowledged',
      channel: { name: 'tmf-api' },
      priority: 'P1',
    });
    expect(tt.href).toBe(`${TMF}/${tt.id}`);
    expect(tt.note.map((n) => n.text)).toEqual(['Reported through the bank ITSM']);

    // The same ticket through /api/v1.
    const native = (await (
      await fetch(`${api.baseUrl}/tickets/${tt.id}`, {
        headers: { authorization: `Bearer ${tokens['a.admin']}` },
      })
    ).json()) as { channel: string };
    expect(native.channel).toBe('tmf-api');

    const list = await call('GET', `${TMF}?fields=status,name`, 'a.admin');
    expect(list.headers.get('x-total-count')).toBe('1');
    expect(await list.json()).toEqual([
      {
        id: tt.id,
        href: tt.href,
        '@type': 'TroubleTicket',
        status: 'acknowledged',
        name: expect.any(String) as unknown,
      },
    ]);
    expect(await (await call('GET', TMF, 'b.admin')).json()).toEqual([]);
    expect((await call('GET', `${TMF}/${tt.id}`, 'b.admin')).status).toBe(404);

    // A customer may not set priority: refused, and the note of the same request is not added.
    expect(
      (await call('PATCH', `${TMF}/${tt.id}`, 'a.admin', { priority: 'P4', note: [{ text: 'x' }] }))
        .status,
    ).toBe(403);
    // Illegal status: 409 problem, nothing applied.
    const illegal = await call('PATCH', `${TMF}/${tt.id}`, 'a.admin', {
      status: 'closed',
      note: [{ text: 'y' }],
    });
    expect(illegal.status).toBe(409);
    await problemOf(illegal);
    expect(
      (
        await call(
          'PATCH',
          `${TMF}/${tt.id}`,
          'noc',
          { status: 'inProgress' },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(412);
    const patched = await call('PATCH', `${TMF}/${tt.id}`, 'noc', {
      status: 'inProgress',
      priority: 'P2',
      note: [{ text: 'Engineer on the way' }],
    });
    expect(patched.status).toBe(200);
    const after = (await patched.json()) as {
      status: string;
      priority: string;
      note: Array<{ text: string }>;
      statusChangeHistory: Array<{ status: string }>;
    };
    expect(after).toMatchObject({ status: 'inProgress', priority: 'P2' });
    expect(after.note.map((n) => n.text)).toEqual([
      'Reported through the bank ITSM',
      'Engineer on the way',
    ]);
    expect(after.statusChangeHistory.map((h) => h.status)).toEqual(['acknowledged', 'inProgress']);
  });

  it('is in the OpenAPI document under its standard path', async () => {
    const doc = (await (await fetch(`${api.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([TMF, `${TMF}/{id}`]));
  });
});
