import { send, signIn } from './support/accounts-http';
import { type ApiHarness, problemOf, startApi, TEST_PASSWORD } from './support/api-harness';
import { insertCustomer, insertUser } from './support/factories';

const STRONG = 'a long enough passphrase';

interface UserBody {
  id: string;
  username: string;
  role: string;
  customerId: string | null;
  orgUnitId: string | null;
  assignedCustomerIds: string[];
  disabled: boolean;
}

describe('user administration', () => {
  let api: ApiHarness;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi(`api_it_users_${process.pid}`);
    await insertCustomer(api.db, 'bank-a', {
      'bank-a-HB': 'bank-a-root',
      'bank-a-HB-WH': 'bank-a-HB',
    });
    await insertCustomer(api.db, 'bank-b', { 'bank-b-GD': 'bank-b-root' });
    await insertUser(api.db, 'admin', 'platform-admin');
    await insertUser(api.db, 'bank-a.admin', 'customer-admin', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-root',
    });
    await insertUser(api.db, 'bank-a.eng', 'customer-engineer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-HB',
    });
    await insertUser(api.db, 'bank-b.admin', 'customer-admin', {
      customerId: 'bank-b',
      orgUnitId: 'bank-b-root',
    });
    await insertUser(api.db, 'bank-b.eng', 'customer-engineer', {
      customerId: 'bank-b',
      orgUnitId: 'bank-b-GD',
    });
    await insertUser(api.db, 'noc.li', 'noc-operator');
    await insertUser(api.db, 'am.zhang', 'account-manager', { assignedCustomerIds: ['bank-a'] });
    await insertUser(api.db, 'bank-a.viewer', 'customer-viewer', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-root',
    });
    for (const u of [
      'admin',
      'bank-a.admin',
      'bank-a.eng',
      'noc.li',
      'am.zhang',
      'bank-a.viewer',
    ]) {
      token[u] = (await signIn(api, u, TEST_PASSWORD)).accessToken;
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  const as = (user: string) => ({
    get: (path: string) => send(api, 'GET', path, undefined, token[user]),
    post: (path: string, body?: unknown) => send(api, 'POST', path, body, token[user]),
    patch: (path: string, body: unknown) => send(api, 'PATCH', path, body, token[user]),
    delete: (path: string) => send(api, 'DELETE', path, undefined, token[user]),
  });

  it.each(['noc.li', 'am.zhang', 'bank-a.eng', 'bank-a.viewer'])(
    'answers 403 to %s on every route',
    async (user) => {
      const calls = [
        as(user).get('/users'),
        as(user).get('/users/user-bank-a.eng'),
        as(user).post('/users', {
          username: 'x.y',
          displayName: 'x',
          role: 'customer-viewer',
          password: STRONG,
        }),
        as(user).patch('/users/user-bank-a.eng', { displayName: 'x' }),
        as(user).post('/users/user-bank-a.eng/disable'),
        as(user).post('/users/user-bank-a.eng/enable'),
        as(user).post('/users/user-bank-a.eng/password', { password: STRONG }),
        as(user).delete('/users/user-bank-a.eng/sessions'),
        as(user).delete('/users/user-bank-a.eng/totp'),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(403);
        expect((await problemOf(res)).detail).toBe('Your role may not use this operation.');
      }
    },
  );

  it("lists only the customer-admin's own customer, never a hash", async () => {
    const res = await as('bank-a.admin').get('/users?pageSize=500');
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: UserBody[]; total: number };
    expect(page.items.map((u) => u.username).sort()).toEqual([
      'bank-a.admin',
      'bank-a.eng',
      'bank-a.viewer',
    ]);
    expect(page.total).toBe(3);
    expect(JSON.stringify(page)).not.toMatch(/passwordHash|scrypt|totp"|sessionEpoch/);
    // Asking for another customer narrows the scope, it does not widen it.
    const other = (await (await as('bank-a.admin').get('/users?customerId=bank-b')).json()) as {
      total: number;
    };
    expect(other.total).toBe(0);

    const all = (await (await as('admin').get('/users?pageSize=500')).json()) as {
      items: UserBody[];
    };
    expect(all.items).toHaveLength(8);
    const engineers = (await (await as('admin').get('/users?role=customer-engineer')).json()) as {
      items: UserBody[];
    };
    expect(engineers.items.map((u) => u.username)).toEqual(['bank-a.eng', 'bank-b.eng']);
  });

  it("answers 404 to a customer-admin for every route on another customer's or an operator's user", async () => {
    for (const id of [
      'user-bank-b.eng',
      'user-bank-b.admin',
      'user-noc.li',
      'user-admin',
      'no-such-user',
    ]) {
      const calls = [
        as('bank-a.admin').get(`/users/${id}`),
        as('bank-a.admin').patch(`/users/${id}`, { displayName: 'pwned' }),
        as('bank-a.admin').post(`/users/${id}/disable`),
        as('bank-a.admin').post(`/users/${id}/enable`),
        as('bank-a.admin').post(`/users/${id}/password`, { password: STRONG }),
        as('bank-a.admin').delete(`/users/${id}/sessions`),
        as('bank-a.admin').delete(`/users/${id}/totp`),
      ];
      for (const res of await Promise.all(calls)) {
        expect({ id, status: res.status }).toEqual({ id, status: 404 });
        expect((await problemOf(res)).detail).toBe('No such user.');
      }
    }
    const untouched = await api.db.collection('users').findOne({ username: 'bank-b.eng' });
    expect(untouched).toMatchObject({ displayName: 'bank-b.eng', disabled: false });
  });

  it('lets a customer-admin create customer users in its own org units only', async () => {
    const created = await as('bank-a.admin').post('/users', {
      username: 'bank-a.wuhan',
      displayName: 'Wuhan engineer',
      role: 'customer-engineer',
      orgUnitId: 'bank-a-HB-WH',
      password: STRONG,
    });
    expect(created.status).toBe(201);
    const user = (await created.json()) as UserBody;
    expect(user).toMatchObject({
      username: 'bank-a.wuhan',
      role: 'customer-engineer',
      customerId: 'bank-a',
      orgUnitId: 'bank-a-HB-WH',
      disabled: false,
      totpEnabled: false,
    });
    expect(Object.keys(user).sort()).toEqual(
      [
        'assignedCustomerIds',
        'createdAt',
        'customerId',
        'disabled',
        'displayName',
        'id',
        'orgUnitId',
        'role',
        'totpEnabled',
        'updatedAt',
        'username',
      ].sort(),
    );
    const wuhan = await signIn(api, 'bank-a.wuhan', STRONG);
    expect((await api.get('/circuits', wuhan.accessToken)).status).toBe(200);

    // No unit given: the customer's root.
    const viewer = (await (
      await as('bank-a.admin').post('/users', {
        username: 'bank-a.viewer2',
        displayName: 'Viewer',
        role: 'customer-viewer',
        password: STRONG,
      })
    ).json()) as UserBody;
    expect(viewer.orgUnitId).toBe('bank-a-root');

    const duplicate = await as('bank-a.admin').post('/users', {
      username: 'bank-a.wuhan',
      displayName: 'again',
      role: 'customer-viewer',
      password: STRONG,
    });
    expect(duplicate.status).toBe(409);
    expect((await problemOf(duplicate)).detail).toBe('The username bank-a.wuhan is taken.');
  });

  it('forbids a customer-admin to grant operator roles or place users in another customer', async () => {
    for (const role of ['noc-operator', 'platform-admin', 'account-manager', 'field-engineer']) {
      const res = await as('bank-a.admin').post('/users', {
        username: `bank-a.${role}`,
        displayName: 'x',
        role,
        password: STRONG,
      });
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
    }
    const otherCustomer = await as('bank-a.admin').post('/users', {
      username: 'bank-a.spy',
      displayName: 'x',
      role: 'customer-admin',
      customerId: 'bank-b',
      password: STRONG,
    });
    expect(otherCustomer.status).toBe(403);
    // Another customer's org unit reads exactly like a missing one.
    for (const orgUnitId of ['bank-b-GD', 'nowhere']) {
      const res = await as('bank-a.admin').post('/users', {
        username: 'bank-a.spy',
        displayName: 'x',
        role: 'customer-viewer',
        orgUnitId,
        password: STRONG,
      });
      expect(res.status).toBe(400);
      expect((await problemOf(res)).errors).toEqual([
        { path: 'orgUnitId', message: "orgUnitId names no org unit of the user's customer" },
      ]);
    }
    const promote = await as('bank-a.admin').patch('/users/user-bank-a.eng', {
      role: 'noc-operator',
    });
    expect(promote.status).toBe(403);
    const move = await as('bank-a.admin').patch('/users/user-bank-a.eng', {
      orgUnitId: 'bank-b-GD',
    });
    expect(move.status).toBe(400);
    expect(
      await api.db
        .collection('users')
        .countDocuments({ username: /spy|noc-operator|platform-admin/ }),
    ).toBe(0);
  });

  it('validates the password and the body, naming the fields', async () => {
    const res = await as('bank-a.admin').post('/users', {
      username: 'Bad Name',
      displayName: '',
      role: 'root',
      password: 'short',
      passwordHash: 'x',
    });
    expect(res.status).toBe(400);
    const paths = new Set((await problemOf(res)).errors?.map((e) => e.path));
    expect([...paths].sort()).toEqual(['displayName', 'passwordHash', 'role', 'username']);
    const weak = await as('bank-a.admin').post('/users', {
      username: 'bank-a.weak',
      displayName: 'x',
      role: 'customer-viewer',
      password: 'bank-a.weak-password',
    });
    expect((await problemOf(weak)).errors).toEqual([
      { path: 'password', message: 'password must not contain the username' },
    ]);
  });

  it('lets a platform-admin manage every role, with assigned customers for account managers', async () => {
    const am = await as('admin').post('/users', {
      username: 'am.new',
      displayName: 'AM',
      role: 'account-manager',
      assignedCustomerIds: ['bank-a'],
      password: STRONG,
    });
    expect(am.status).toBe(201);
    const unknown = await as('admin').post('/users', {
      username: 'am.bad',
      displayName: 'AM',
      role: 'account-manager',
      assignedCustomerIds: ['bank-a', 'bank-zz'],
      password: STRONG,
    });
    expect((await problemOf(unknown)).errors).toEqual([
      { path: 'assignedCustomerIds.1', message: 'names no customer' },
    ]);
    const nocWithCustomer = await as('admin').post('/users', {
      username: 'noc.bad',
      displayName: 'x',
      role: 'noc-operator',
      customerId: 'bank-a',
      password: STRONG,
    });
    expect((await problemOf(nocWithCustomer)).errors?.map((e) => e.path)).toEqual(['customerId']);
    expect(
      (
        await as('admin').post('/users', {
          username: 'noc.new',
          displayName: 'x',
          role: 'noc-operator',
          password: STRONG,
        })
      ).status,
    ).toBe(201);

    // Move a bank-b engineer to bank-a (root unless a unit is named).
    const moved = await as('admin').patch('/users/user-bank-b.eng', { customerId: 'bank-a' });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ customerId: 'bank-a', orgUnitId: 'bank-a-root' });
    const back = await as('admin').patch('/users/user-bank-b.eng', {
      customerId: 'bank-b',
      orgUnitId: 'bank-b-GD',
    });
    expect(await back.json()).toMatchObject({ customerId: 'bank-b', orgUnitId: 'bank-b-GD' });
    // A customer-admin may not move users between customers.
    expect(
      (await as('bank-a.admin').patch('/users/user-bank-a.eng', { customerId: 'bank-b' })).status,
    ).toBe(403);
  });

  it('disables and enables, resets passwords, and refuses to disable oneself', async () => {
    const before = await signIn(api, 'bank-a.eng', TEST_PASSWORD);
    const disabled = await as('bank-a.admin').post('/users/user-bank-a.eng/disable');
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as UserBody).disabled).toBe(true);
    expect(
      (await send(api, 'POST', '/auth/login', { username: 'bank-a.eng', password: TEST_PASSWORD }))
        .status,
    ).toBe(401);
    expect((await api.get('/circuits', before.accessToken)).status).toBe(401);
    expect((await as('bank-a.admin').post('/users/user-bank-a.eng/enable')).status).toBe(200);
    expect(
      (await as('bank-a.admin').post('/users/user-bank-a.eng/password', { password: 'short' }))
        .status,
    ).toBe(400);
    expect(
      (await as('bank-a.admin').post('/users/user-bank-a.eng/password', { password: STRONG }))
        .status,
    ).toBe(204);
    await signIn(api, 'bank-a.eng', STRONG);

    const self = await as('bank-a.admin').post('/users/user-bank-a.admin/disable');
    expect(self.status).toBe(409);
    expect((await as('admin').patch('/users/user-admin', { role: 'noc-operator' })).status).toBe(
      409,
    );
  });
});
