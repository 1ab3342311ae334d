import { generateVAPIDKeys } from 'web-push';

import { circuitStateEvent } from '../src/alarms/alarm-change-events';
import { COLLECTIONS } from '../src/database/collections';
import { ChangeEventsPublisher } from '../src/events/change-events.publisher';
import type {
  NotificationLogDocument,
  NotificationPreferencesDocument,
} from '../src/notifications/notification.document';
import type { PushSubscriptionDocument } from '../src/notifications/push/push-subscription.document';
import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import { insertCircuit, insertCustomer, insertUser } from './support/factories';
import {
  type BrowserKeys,
  browserKeys,
  decryptPush,
  type PushService,
  type ReceivedPush,
  startPushService,
  verifyVapid,
} from './support/push-service';
import { eventually } from './support/ticket-fixtures';

/**
 * Web push end to end over the real application, FerretDB, Redis (the notification job
 * queue) and a loopback push service: a customer subscribes its "browser" (a key pair made
 * here), the NOC changes its ticket, and what reaches the push service carries the VAPID
 * signature and decrypts, as a browser would, to the notification; a 410 unsubscribes.
 */
describe('web push', () => {
  let api: ApiHarness;
  let push: PushService;
  const vapid = generateVAPIDKeys();
  const tokens: Record<string, string> = {};
  const send = (method: string, path: string, user: string, body?: unknown) =>
    fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const subscriptions = () =>
    api.db.collection<PushSubscriptionDocument>(COLLECTIONS.pushSubscriptions);
  const log = () => api.db.collection<NotificationLogDocument>(COLLECTIONS.notificationLog);
  const arrivals = (path: string): ReceivedPush[] => push.received.filter((r) => r.path === path);
  const otherSubscriptionId = async () =>
    (await subscriptions().findOne({ userId: 'user-a.other' }))!._id;

  let browser: BrowserKeys;
  let endpoint: string;
  let subscriptionId: string;
  let ticketId: string;

  beforeAll(async () => {
    push = await startPushService();
    api = await startApi(`api_it_push_${process.pid}`, {
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: 'mailto:noc@circuitcare.test',
      PUSH_TTL_SECONDS: '600',
    });
    await insertCustomer(api.db, 'bank-a');
    await insertCircuit(api.db, 'a-1', 'bank-a', ['bank-a-root']);
    await insertCustomer(api.db, 'bank-b');
    await insertUser(api.db, 'b.admin', 'customer-admin', { customerId: 'bank-b' });
    await insertUser(api.db, 'a.admin', 'customer-admin', { customerId: 'bank-a' });
    await insertUser(api.db, 'a.other', 'customer-admin', { customerId: 'bank-a' });
    await insertUser(api.db, 'noc', 'noc-operator');
    for (const u of ['a.admin', 'a.other', 'b.admin', 'noc']) tokens[u] = await api.login(u);
    browser = browserKeys();
    endpoint = `${push.origin}/push/a-admin-browser`;
  });

  afterAll(async () => {
    await api?.close();
    await push?.close();
  });

  it('gives the VAPID public key to signed-in users', async () => {
    const res = await send('GET', '/push/vapid-public-key', 'a.admin');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ enabled: true, publicKey: vapid.publicKey });
    expect((await fetch(`${api.baseUrl}/push/vapid-public-key`)).status).toBe(401);
  });

  it('refuses endpoints that are not https or loopback http, and keys that are not keys', async () => {
    const res = await send('POST', '/push/subscriptions', 'a.admin', {
      endpoint: 'http://push.example.com/x',
      keys: { p256dh: Buffer.alloc(65, 7).toString('base64url'), auth: 'short' },
    });
    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['keys.auth']);
    const second = await send('POST', '/push/subscriptions', 'a.admin', {
      endpoint: 'http://push.example.com/x',
      keys: { p256dh: Buffer.alloc(65, 7).toString('base64url'), auth: browser.auth },
    });
    expect(second.status).toBe(400);
    expect((await problemOf(second)).errors).toEqual([
      { path: 'endpoint', message: 'endpoint must be https (or http to a loopback address)' },
      { path: 'keys.p256dh', message: 'p256dh must be a P-256 public key' },
    ]);
    expect(await subscriptions().countDocuments({})).toBe(0);
  });

  it('subscribes the caller; nobody else can remove its subscription', async () => {
    const res = await send('POST', '/push/subscriptions', 'a.admin', {
      endpoint,
      expirationTime: null,
      keys: { p256dh: browser.p256dh, auth: browser.auth },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; subscriptions: number };
    expect(body.id).toMatch(/^ps-[0-9a-f]{32}$/);
    expect(body.subscriptions).toBe(1);
    subscriptionId = body.id;
    // Again from the same browser: the same subscription, renewed.
    const again = await send('POST', '/push/subscriptions', 'a.admin', {
      endpoint,
      keys: { p256dh: browser.p256dh, auth: browser.auth },
    });
    expect(((await again.json()) as { id: string }).id).toBe(subscriptionId);
    expect(await subscriptions().countDocuments({ userId: 'user-a.admin' })).toBe(1);

    const foreign = await send('DELETE', `/push/subscriptions/${subscriptionId}`, 'a.other');
    expect(foreign.status).toBe(404);
    const missing = await send('DELETE', '/push/subscriptions/ps-none', 'a.other');
    expect(missing.status).toBe(404);
    expect((await problemOf(foreign)).detail).toBe(
      `Push subscription ${subscriptionId} not found.`,
    );
    expect(await subscriptions().countDocuments({ _id: subscriptionId })).toBe(1);
  });

  it('pushes a change of my ticket: VAPID-signed, and it decrypts (RFC 8291) to the notification', async () => {
    const filed = await send('POST', '/tickets', 'a.admin', {
      ticketType: 'fault',
      circuitId: 'a-1',
      impact: 'down',
      description: 'Outlet a-1 is dark',
    });
    expect(filed.status).toBe(201);
    ticketId = ((await filed.json()) as { id: string }).id;
    const moved = await send('POST', `/tickets/${ticketId}/status`, 'noc', {
      status: 'inProgress',
    });
    expect(moved.status).toBe(200);

    const [message] = await eventually(() => {
      const got = arrivals('/push/a-admin-browser');
      return Promise.resolve(got.length > 0 ? got : null);
    });
    expect(message!.headers['content-encoding']).toBe('aes128gcm');
    expect(message!.headers.ttl).toBe('600');
    const claims = verifyVapid(message!.headers.authorization, vapid.publicKey);
    expect(claims).toMatchObject({ aud: push.origin, sub: 'mailto:noc@circuitcare.test' });
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());

    const { notification } = JSON.parse(decryptPush(message!.body, browser).toString('utf8')) as {
      notification: {
        title: string;
        body: string;
        tag: string;
        icon: string;
        timestamp: number;
        data: Record<string, unknown>;
      };
    };
    const url = `/tickets/${ticketId}`;
    expect(notification.title.startsWith(`${ticketId} 处理中: `)).toBe(true);
    expect(notification.body.length).toBeGreaterThan(0);
    expect(notification).toMatchObject({ tag: `ticket-${ticketId}`, icon: '/icons/icon-192.png' });
    expect(Math.abs(notification.timestamp - Date.now())).toBeLessThan(120_000);
    expect(notification.data).toEqual({
      kind: 'ticket-change',
      url,
      ticketId,
      seq: notification.data.seq,
      status: 'inProgress',
      onActionClick: { default: { operation: 'navigateLastFocusedOrOpen', url } },
    });
    expect(typeof notification.data.seq).toBe('number');
    // The filing was the user's own change: pushed once, for the NOC's move only.
    expect(arrivals('/push/a-admin-browser')).toHaveLength(1);
    const entry = await eventually(() =>
      log().findOne({ ticketId, channel: 'push', recipientUserId: 'user-a.admin', status: 'sent' }),
    );
    expect(entry.kind).toBe('ticket-change');
    expect((await subscriptions().findOne({ _id: subscriptionId }))?.lastSuccessAt).toBeTruthy();
  });

  it('respects the preferences: with status changes off, a public note is pushed but a move is not', async () => {
    const prefs = await send('PUT', '/notifications/preferences', 'a.admin', {
      events: { status: false, notes: true, field: true, sla: true },
    });
    expect(prefs.status).toBe(200);
    const before = arrivals('/push/a-admin-browser').length;
    expect(
      (
        await send('POST', `/tickets/${ticketId}/status`, 'noc', {
          status: 'pending',
          reason: 'Waiting for access to the branch',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send('POST', `/tickets/${ticketId}/notes`, 'noc', {
          text: 'Engineer booked for 14:00',
          visibility: 'public',
        })
      ).status,
    ).toBe(201);
    const got = await eventually(() => {
      const all = arrivals('/push/a-admin-browser');
      return Promise.resolve(all.length > before ? all : null);
    });
    const texts = got.slice(before).map((m) => decryptPush(m.body, browser).toString('utf8'));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('Engineer booked for 14:00');
    await send('PUT', '/notifications/preferences', 'a.admin', {
      events: { status: true, notes: true, field: true, sla: true },
    });
  });

  it("pushes a fault of the user's circuit (from the live stream), to that bank only", async () => {
    const other = browserKeys();
    const b = await send('POST', '/push/subscriptions', 'b.admin', {
      endpoint: `${push.origin}/push/b-admin-browser`,
      keys: { p256dh: other.p256dh, auth: other.auth },
    });
    expect(b.status).toBe(201);
    const before = arrivals('/push/a-admin-browser').length;
    await api.app.get(ChangeEventsPublisher).publish([
      circuitStateEvent({
        circuit: { _id: 'a-1', customerId: 'bank-a', orgPath: ['bank-a-root'] },
        from: 'up',
        to: 'down',
        since: new Date(),
        activeAlarmIds: [],
      }),
    ]);
    const got = await eventually(() => {
      const all = arrivals('/push/a-admin-browser');
      return Promise.resolve(all.length > before ? all : null);
    });
    const { notification } = JSON.parse(
      decryptPush(got[before]!.body, browser).toString('utf8'),
    ) as { notification: { title: string; data: Record<string, unknown> } };
    expect(notification.title).toMatch(/中断 \/ down$/);
    expect(notification.data).toMatchObject({
      kind: 'circuit-fault',
      circuitId: 'a-1',
      state: 'down',
      url: '/circuits/a-1',
    });
    expect(verifyVapid(got[before]!.headers.authorization, vapid.publicKey).aud).toBe(push.origin);
    // Once, though every replica reads the stream; nothing to the other bank.
    expect(arrivals('/push/a-admin-browser')).toHaveLength(before + 1);
    expect(arrivals('/push/b-admin-browser')).toHaveLength(0);
  });

  it('pushes no circuit fault to a user who turned circuitFaults off; a stored choice without it reads as on', async () => {
    // a.other's settings were stored before circuitFaults existed: read as on.
    await api.db
      .collection<NotificationPreferencesDocument>(COLLECTIONS.notificationPreferences)
      .insertOne({
        _id: 'user-a.other',
        email: 'other@bank-a.example',
        phone: null,
        emailEnabled: true,
        webhookUrl: null,
        webhookEnabled: false,
        webhookSecret: null,
        events: { status: true, notes: true, field: true, sla: true },
        updatedAt: new Date(),
      });
    const read = await send('GET', '/notifications/preferences', 'a.other');
    expect(((await read.json()) as { events: unknown }).events).toEqual({
      status: true,
      notes: true,
      field: true,
      sla: true,
      circuitFaults: true,
    });
    const otherBrowser = browserKeys();
    expect(
      (
        await send('POST', '/push/subscriptions', 'a.other', {
          endpoint: `${push.origin}/push/a-other-browser`,
          keys: { p256dh: otherBrowser.p256dh, auth: otherBrowser.auth },
        })
      ).status,
    ).toBe(201);

    const off = await send('PUT', '/notifications/preferences', 'a.admin', {
      events: { status: true, notes: true, field: true, sla: true, circuitFaults: false },
    });
    expect(off.status).toBe(200);
    expect(
      ((await off.json()) as { events: { circuitFaults: boolean } }).events.circuitFaults,
    ).toBe(false);
    // A client that sends the older four keeps the choice.
    const older = await send('PUT', '/notifications/preferences', 'a.admin', {
      events: { status: true, notes: true, field: true, sla: true },
    });
    expect(
      ((await older.json()) as { events: { circuitFaults: boolean } }).events.circuitFaults,
    ).toBe(false);
    const bad = await send('PUT', '/notifications/preferences', 'a.admin', {
      events: { status: true, notes: true, field: true, sla: true, circuitFaults: 'no' },
    });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(['events.circuitFaults']);

    const before = arrivals('/push/a-admin-browser').length;
    await api.app.get(ChangeEventsPublisher).publish([
      circuitStateEvent({
        circuit: { _id: 'a-1', customerId: 'bank-a', orgPath: ['bank-a-root'] },
        from: 'down',
        to: 'degraded',
        since: new Date(),
        activeAlarmIds: [],
      }),
    ]);
    // Recipients are served in user-id order, a.admin before a.other: once a.other has it,
    // a.admin's turn is over.
    const [toOther] = await eventually(() => {
      const got = arrivals('/push/a-other-browser');
      return Promise.resolve(got.length > 0 ? got : null);
    });
    const { notification } = JSON.parse(
      decryptPush(toOther!.body, otherBrowser).toString('utf8'),
    ) as { notification: { data: Record<string, unknown> } };
    expect(notification.data).toMatchObject({ kind: 'circuit-fault', state: 'degraded' });
    expect(arrivals('/push/a-admin-browser')).toHaveLength(before);

    // Back on, and a.other's browser gone, for the tests that follow.
    await send('PUT', '/notifications/preferences', 'a.admin', {
      events: { status: true, notes: true, field: true, sla: true, circuitFaults: true },
    });
    expect(
      (await send('DELETE', '/push/subscriptions/' + (await otherSubscriptionId()), 'a.other'))
        .status,
    ).toBe(204);
  });

  it('forgets a subscription the push service says is gone (410)', async () => {
    push.answer('/push/a-admin-browser', 410);
    const before = arrivals('/push/a-admin-browser').length;
    expect(
      (
        await send('POST', `/tickets/${ticketId}/notes`, 'noc', {
          text: 'Parts ordered',
          visibility: 'public',
        })
      ).status,
    ).toBe(201);
    await eventually(async () =>
      (await subscriptions().countDocuments({ _id: subscriptionId })) === 0 ? true : null,
    );
    expect(arrivals('/push/a-admin-browser').length).toBe(before + 1);
    const entry = await eventually(() =>
      log().findOne({ ticketId, channel: 'push', status: 'skipped' }),
    );
    expect(entry.lastError).toBe('subscriptions gone');
    // Gone: its owner's DELETE now finds nothing either.
    expect((await send('DELETE', `/push/subscriptions/${subscriptionId}`, 'a.admin')).status).toBe(
      404,
    );
  });

  it('unsubscribes: the owner removes its subscription', async () => {
    const other = browserKeys();
    const created = await send('POST', '/push/subscriptions', 'a.admin', {
      endpoint: `${push.origin}/push/second-browser`,
      keys: { p256dh: other.p256dh, auth: other.auth },
    });
    const { id } = (await created.json()) as { id: string };
    expect((await send('DELETE', `/push/subscriptions/${id}`, 'a.admin')).status).toBe(204);
    expect(await subscriptions().countDocuments({ _id: id })).toBe(0);
  });
});
