import { COLLECTIONS } from '../src/database/collections';
import type { TicketDocument } from '../src/tickets/ticket.document';
import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import { insertCircuit, insertCustomer, insertUser } from './support/factories';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(300_000, 1),
]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03', 'latin1'), Buffer.alloc(2000, 0)]);

describe('ticket attachments: by content, in GridFS, scoped like the ticket', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};
  let ticketId = '';
  let closedId = '';

  const upload = (
    user: string,
    id: string,
    content: Buffer,
    name: string,
    declaredType: string,
    visibility?: string,
  ): Promise<Response> => {
    const form = new FormData();
    // A copy on its own ArrayBuffer: BlobPart (DOM typings) refuses a Buffer's ArrayBufferLike.
    form.append('file', new Blob([new Uint8Array(content)], { type: declaredType }), name);
    if (visibility) form.append('visibility', visibility);
    return fetch(`${api.baseUrl}/tickets/${id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[user]}` },
      body: form,
    });
  };
  const get = (user: string, path: string): Promise<Response> =>
    fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[user]}` } });
  const gridFsCounts = async (): Promise<[number, number]> => [
    await api.db.collection('attachments.files').countDocuments(),
    await api.db.collection('attachments.chunks').countDocuments(),
  ];

  beforeAll(async () => {
    api = await startApi(`api_it_attach_${process.pid}`, {
      ATTACHMENT_MAX_BYTES: String(512 * 1024),
      TICKET_PROACTIVE_SWEEP_SEC: '0',
    });
    await insertCustomer(api.db, 'bank-a');
    await insertCustomer(api.db, 'bank-b');
    await insertCircuit(api.db, 'a-1', 'bank-a', ['bank-a-root']);
    await insertUser(api.db, 'a.admin', 'customer-admin', { customerId: 'bank-a' });
    await insertUser(api.db, 'a.viewer', 'customer-viewer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-root',
    });
    await insertUser(api.db, 'b.admin', 'customer-admin', { customerId: 'bank-b' });
    await insertUser(api.db, 'noc', 'noc-operator');
    for (const u of ['a.admin', 'a.viewer', 'b.admin', 'noc']) tokens[u] = await api.login(u);
    const res = await fetch(`${api.baseUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['a.admin']}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ticketType: 'fault',
        circuitId: 'a-1',
        impact: 'down',
        description: 'CPE dark',
      }),
    });
    ticketId = ((await res.json()) as { id: string }).id;
    const other = await fetch(`${api.baseUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['a.admin']}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ticketType: 'complaint', description: 'to be cancelled' }),
    });
    closedId = ((await other.json()) as { id: string }).id;
    await fetch(`${api.baseUrl}/tickets/${closedId}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['a.admin']}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'cancelled', reason: 'filed by mistake' }),
    });
  });

  afterAll(async () => {
    await api.close();
  });

  it('stores a photo and serves it byte for byte to whoever sees the ticket', async () => {
    const res = await upload('a.admin', ticketId, PNG, '../../etc/cpe photo.png', 'image/png');
    expect(res.status).toBe(201);
    const ref = (await res.json()) as { id: string; name: string; mimeType: string; size: number };
    expect(ref).toMatchObject({ name: 'cpe photo.png', mimeType: 'image/png', size: PNG.length });
    for (const user of ['a.admin', 'a.viewer', 'noc']) {
      const dl = await get(user, `/attachments/${ref.id}`);
      expect(dl.status).toBe(200);
      expect(dl.headers.get('content-type')).toBe('image/png');
      expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await dl.arrayBuffer()).equals(PNG)).toBe(true);
    }
    // A name in Chinese, as a browser sends it (raw UTF-8), is kept as typed.
    const named = await upload('a.admin', ticketId, PNG, '机柜 照片.png', 'image/png');
    const namedRef = (await named.json()) as { id: string; name: string };
    expect(namedRef.name).toBe('机柜 照片.png');
    // Another bank: exactly like an attachment that does not exist.
    const foreign = await get('b.admin', `/attachments/${ref.id}`);
    const missing = await get('b.admin', '/attachments/att-0000000000000000');
    expect(foreign.status).toBe(404);
    expect((await problemOf(foreign)).detail.replace(ref.id, 'X')).toBe(
      (await problemOf(missing)).detail.replace('att-0000000000000000', 'X'),
    );
    expect((await upload('b.admin', ticketId, PDF, 'x.pdf', 'application/pdf')).status).toBe(404);
    const ticket = (await (await get('a.admin', `/tickets/${ticketId}`)).json()) as {
      attachment: Array<{ id: string }>;
    };
    expect(ticket.attachment.map((a) => a.id)).toEqual([ref.id, namedRef.id]);
  });

  it('keeps internal files from the customer', async () => {
    expect(
      (await upload('a.admin', ticketId, PDF, 'x.pdf', 'application/pdf', 'internal')).status,
    ).toBe(403);
    const res = await upload(
      'noc',
      ticketId,
      PDF,
      'vendor-report.pdf',
      'application/pdf',
      'internal',
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await get('noc', `/attachments/${id}`)).status).toBe(200);
    expect((await get('a.admin', `/attachments/${id}`)).status).toBe(404);
    const view = (await (await get('a.admin', `/tickets/${ticketId}`)).json()) as {
      attachment: Array<{ id: string }>;
    };
    expect(view.attachment.map((a) => a.id)).not.toContain(id);
  });

  it('refuses hostile files cleanly, leaving nothing behind', async () => {
    const before = await gridFsCounts();
    const version = (await api.db
      .collection<TicketDocument>(COLLECTIONS.tickets)
      .findOne({ _id: ticketId }))!.version;
    // An executable named and declared as a picture.
    const disguised = await upload('a.admin', ticketId, EXE, 'holiday.jpg', 'image/jpeg');
    expect(disguised.status).toBe(415);
    expect((await problemOf(disguised)).detail).toMatch(/by its bytes/);
    // Too large: cut off while streaming.
    const big = Buffer.concat([PNG, Buffer.alloc(600 * 1024)]);
    const oversized = await upload('a.admin', ticketId, big, 'big.png', 'image/png');
    expect(oversized.status).toBe(413);
    await problemOf(oversized);
    // No file, an unknown field, a viewer, a cancelled ticket.
    const form = new FormData();
    form.append('visibility', 'public');
    expect(
      (
        await fetch(`${api.baseUrl}/tickets/${ticketId}/attachments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens['a.admin']}` },
          body: form,
        })
      ).status,
    ).toBe(400);
    expect((await upload('a.admin', ticketId, PNG, 'x.png', 'image/png', 'secret')).status).toBe(
      400,
    );
    expect((await upload('a.viewer', ticketId, PNG, 'x.png', 'image/png')).status).toBe(403);
    expect((await upload('a.admin', closedId, PNG, 'x.png', 'image/png')).status).toBe(409);
    expect(await gridFsCounts()).toEqual(before);
    expect(
      (await api.db.collection<TicketDocument>(COLLECTIONS.tickets).findOne({ _id: ticketId }))!
        .version,
    ).toBe(version);
  });
});
