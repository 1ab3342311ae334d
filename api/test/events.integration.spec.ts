import { type Socket, connect } from 'node:net';

import { Redis } from 'ioredis';

import { COLLECTIONS } from '../src/database/collections';
import type { UserDocument } from '../src/database/documents';
import { ChangeEventsHub } from '../src/events/change-events.hub';
import { ChangeEventsPublisher } from '../src/events/change-events.publisher';
import { changeStreamKey } from '../src/events/change-events.stream';
import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import { SseTestClient, streamTicket } from './support/events-sse';
import { insertAlarm, insertCircuit, insertCustomer, insertUser } from './support/factories';

/**
 * Live events through the real stack (Redis Stream, FerretDB): NOC operations are
 * streamed to every client that may see them, redacted for it; tickets are single-use;
 * a disabled user's stream closes; Last-Event-ID resumes from the stream.
 */
describe('live events (GET /events)', () => {
  let api: ApiHarness;
  let noc: string;
  const WH = ['bank-a-root', 'bank-a-HB', 'bank-a-HB-WH'];
  const SZ = ['bank-a-root', 'bank-a-GD', 'bank-a-GD-SZ'];

  beforeAll(async () => {
    api = await startApi(`it_events_${process.pid}`, {
      EVENTS_USER_RECHECK_SEC: '1',
      EVENTS_CLIENT_BUFFER_BYTES: '65536',
    });
    const db = api.db;
    await insertCustomer(db, 'bank-a', {
      'bank-a-HB': 'bank-a-root',
      'bank-a-HB-WH': 'bank-a-HB',
      'bank-a-GD': 'bank-a-root',
      'bank-a-GD-SZ': 'bank-a-GD',
    });
    await insertCustomer(db, 'bank-b');
    await insertCircuit(db, 'ckt-wh', 'bank-a', WH);
    await insertCircuit(db, 'ckt-sz', 'bank-a', SZ);
    await insertCircuit(db, 'ckt-b', 'bank-b', ['bank-b-root']);
    await insertAlarm(db, 'alm-sz', ['bank-a'], ['ckt-sz'], { orgUnitIds: SZ });
    await insertAlarm(db, 'alm-b', ['bank-b'], ['ckt-b'], { orgUnitIds: ['bank-b-root'] });
    await insertAlarm(db, 'alm-shared', ['bank-a', 'bank-b'], ['ckt-wh', 'ckt-b'], {
      orgUnitIds: [...WH, 'bank-b-root'],
    });
    await insertAlarm(db, 'alm-wh', ['bank-a'], ['ckt-wh'], { orgUnitIds: WH });
    await insertUser(db, 'noc', 'noc-operator');
    await insertUser(db, 'b-admin', 'customer-admin', { customerId: 'bank-b' });
    await insertUser(db, 'wh-viewer', 'customer-viewer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-HB-WH',
    });
    await insertUser(db, 'wh-leaver', 'customer-viewer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-HB-WH',
    });
    await insertUser(db, 'fe', 'field-engineer');
    noc = await api.login('noc');
  });

  afterAll(async () => {
    await api?.close();
  });

  const post = (path: string, token: string, body?: unknown) =>
    fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });

  const ready = (c: SseTestClient) => c.waitFor((f) => f.event === 'ready', 'ready');

  it('streams each change to those who may see it, redacted for each', async () => {
    const clients = {
      noc: await SseTestClient.open(api.baseUrl, noc),
      bankB: await SseTestClient.open(api.baseUrl, await api.login('b-admin')),
      wuhan: await SseTestClient.open(api.baseUrl, await api.login('wh-viewer')),
      fieldEngineer: await SseTestClient.open(api.baseUrl, await api.login('fe')),
    };
    try {
      await Promise.all(Object.values(clients).map(ready));
      for (const id of ['alm-sz', 'alm-b', 'alm-shared']) {
        expect((await post(`/alarms/${id}/acknowledge`, noc)).status).toBe(200);
      }
      expect((await post('/alarms/alm-wh/comments', noc, { comment: 'on site' })).status).toBe(201);
      // The last change is seen by the NOC, and by Wuhan; bank-b's last is alm-shared.
      await clients.noc.waitForEvent('alarm.commented', 'alm-wh');
      await clients.wuhan.waitForEvent('alarm.commented', 'alm-wh');
      await clients.bankB.waitForEvent('alarm.acknowledged', 'alm-shared');

      const summary = (c: SseTestClient) =>
        c.messages().map((m) => `${m.action} ${m.id} ${String(m.data.circuitIds)}`);
      expect(summary(clients.noc)).toEqual([
        'acknowledged alm-sz ckt-sz',
        'acknowledged alm-b ckt-b',
        'acknowledged alm-shared ckt-wh,ckt-b',
        'commented alm-wh ckt-wh',
      ]);
      expect(summary(clients.bankB)).toEqual([
        'acknowledged alm-b ckt-b',
        'acknowledged alm-shared ckt-b',
      ]);
      expect(summary(clients.wuhan)).toEqual([
        'acknowledged alm-shared ckt-wh',
        'commented alm-wh ckt-wh',
      ]);
      // Nothing of bank-a reaches bank-b, not even inside the shared alarm's event.
      expect(JSON.stringify(clients.bankB.frames)).not.toMatch(/ckt-wh|ckt-sz|bank-a/);
      // Operator comments stay with the operators: the event says "commented", not what.
      expect(JSON.stringify(clients.wuhan.frames)).not.toContain('on site');
      expect(clients.fieldEngineer.messages()).toEqual([]);
      const ack = clients.noc.messages()[0]!;
      expect(ack).toMatchObject({
        kind: 'alarm',
        data: { state: 'raised', ackState: 'acknowledged', probableCause: 'linkDown' },
      });
      expect(ack.streamId).toMatch(/^\d+-\d+$/);
    } finally {
      await Promise.all(Object.values(clients).map((c) => c.close()));
    }
  });

  it('resumes after Last-Event-ID (header or query) with what was missed', async () => {
    const first = await SseTestClient.open(api.baseUrl, noc);
    await ready(first);
    expect((await post('/alarms/alm-b/comments', noc, { comment: 'one' })).status).toBe(201);
    const seen = await first.waitForEvent('alarm.commented', 'alm-b');
    await first.close();
    // Missed while disconnected:
    expect((await post('/alarms/alm-sz/comments', noc, { comment: 'two' })).status).toBe(201);
    expect((await post('/alarms/alm-wh/comments', noc, { comment: 'three' })).status).toBe(201);

    for (const lastEventIdQuery of [false, true]) {
      const resumed = await SseTestClient.open(api.baseUrl, noc, {
        lastEventId: seen.id!,
        lastEventIdQuery,
      });
      try {
        await ready(resumed);
        expect(resumed.messages().map((m) => `${m.action} ${m.id}`)).toEqual([
          'commented alm-sz',
          'commented alm-wh',
        ]);
      } finally {
        await resumed.close();
      }
    }
  });

  it('tells a client resuming from before the trimmed history to reload', async () => {
    const redis = new Redis(api.config.REDIS_URL);
    try {
      // Trim the stream to its newest entry, as MAXLEN does over time.
      await redis.xtrim(changeStreamKey(api.config.MONGO_DB), 'MAXLEN', 1);
    } finally {
      await redis.quit();
    }
    const resumed = await SseTestClient.open(api.baseUrl, noc, { lastEventId: '1-0' });
    try {
      await resumed.waitFor((f) => f.event === 'resync', 'resync');
    } finally {
      await resumed.close();
    }
  });

  it('opens a stream with a ticket once only, and never without one', async () => {
    const ticket = await streamTicket(api.baseUrl, noc);
    const controller = new AbortController();
    const first = await fetch(`${api.baseUrl}/events?ticket=${ticket}`, {
      signal: controller.signal,
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/event-stream/);
    controller.abort();
    const again = await fetch(`${api.baseUrl}/events?ticket=${ticket}`);
    expect(again.status).toBe(401);
    expect((await problemOf(again)).detail).toMatch(/ticket/);
    const forged = await fetch(`${api.baseUrl}/events?ticket=${'x'.repeat(43)}`);
    expect(forged.status).toBe(401);
    const none = await fetch(`${api.baseUrl}/events`);
    // No credential at all is a 401 like a bad one, naming what is missing.
    expect(none.status).toBe(401);
    expect((await problemOf(none)).detail).toMatch(/ticket .*required/);
    expect((await fetch(`${api.baseUrl}/events/ticket`, { method: 'POST' })).status).toBe(401);
  });

  it('closes the stream of a user who is disabled meanwhile', async () => {
    const client = await SseTestClient.open(api.baseUrl, await api.login('wh-leaver'));
    await ready(client);
    await api.db
      .collection<UserDocument>(COLLECTIONS.users)
      .updateOne({ username: 'wh-leaver' }, { $set: { disabled: true } });
    await Promise.race([
      client.ended,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('stream still open 10 s after disable')), 10000),
      ),
    ]);
    expect(client.isEnded).toBe(true);
  });

  it('drops a client that stops reading instead of buffering for it', async () => {
    const hub = api.app.get(ChangeEventsHub);
    const baseline = hub.subscriberCount;
    const ticket = await streamTicket(api.baseUrl, noc);
    const { port } = new URL(api.baseUrl);
    const server = api.app.getHttpServer();
    const accepted: Socket[] = [];
    const onConnection = (s: Socket) => accepted.push(s);
    server.on('connection', onConnection);
    // A raw socket that sends the request and then never reads a byte.
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `GET /api/v1/events?ticket=${ticket} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`,
    );
    socket.pause();
    await eventually(() => hub.subscriberCount > baseline, 'the stream did not open');
    // ~8 MB of events: far more than the kernel's socket buffers and the 64 KiB allowance.
    const publisher = api.app.get(ChangeEventsPublisher);
    const padding = 'x'.repeat(40_000);
    for (let batch = 0; batch < 20 && hub.subscriberCount > baseline; batch += 1) {
      await publisher.publish(
        Array.from({ length: 10 }, (_, i) => ({
          kind: 'alarm' as const,
          action: 'changed',
          id: `alm-bulk-${batch}-${i}`,
          customerIds: ['bank-a'],
          orgUnitIds: [],
          data: { padding },
        })),
      );
      await new Promise((r) => setTimeout(r, 50));
    }
    await eventually(
      () => hub.subscriberCount === baseline,
      `the slow client is still subscribed (${hub.subscriberCount})`,
    );
    // The server side is gone too, with what it had buffered (end() would wait for a drain).
    const serverSide = accepted.find((s) => s.remotePort === socket.localPort);
    server.off('connection', onConnection);
    expect(serverSide).toBeDefined();
    await eventually(() => serverSide!.destroyed, 'the server kept the socket');
    socket.destroy();
  });
});

async function eventually(check: () => boolean, what: string, limitMs = 15000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(what);
    await new Promise((r) => setTimeout(r, 100));
  }
}
