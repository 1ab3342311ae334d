import { AuditRepository } from '../src/audit/audit.repository';
import { send, signIn } from './support/accounts-http';
import { type ApiHarness, problemOf, startApi, TEST_PASSWORD } from './support/api-harness';
import { insertCustomer, insertUser } from './support/factories';

interface Entry {
  id: string;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  customerId: string | null;
  target: { type: string; id: string } | null;
  outcome: 'success' | 'failure';
  detail: Record<string, unknown>;
  ip: string | null;
}
interface Page {
  items: Entry[];
  total: number;
  page: number;
  pageSize: number;
}

describe('audit log', () => {
  let api: ApiHarness;
  let admin: string;
  let bankA: string;
  let start: string;

  beforeAll(async () => {
    api = await startApi(`api_it_audit_${process.pid}`);
    await insertCustomer(api.db, 'bank-a');
    await insertCustomer(api.db, 'bank-b');
    await insertUser(api.db, 'admin', 'platform-admin');
    await insertUser(api.db, 'bank-a.admin', 'customer-admin', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-root',
    });
    await insertUser(api.db, 'bank-b.admin', 'customer-admin', {
      customerId: 'bank-b',
      orgUnitId: 'bank-b-root',
    });
    await insertUser(api.db, 'noc.li', 'noc-operator');
    start = new Date().toISOString();
    admin = (await signIn(api, 'admin', TEST_PASSWORD)).accessToken;
    bankA = (await signIn(api, 'bank-a.admin', TEST_PASSWORD)).accessToken;
    await signIn(api, 'bank-b.admin', TEST_PASSWORD);
    // Failures: a wrong password of a bank-b user, an unknown name.
    await send(api, 'POST', '/auth/login', {
      username: 'bank-b.admin',
      password: 'wrong-password-b',
    });
    await send(api, 'POST', '/auth/login', {
      username: 'nobody.here',
      password: 'wrong-password-x',
    });
    // A change by bank-a's admin (the password is in the request, never in the log).
    const created = await send(
      api,
      'POST',
      '/users',
      {
        username: 'bank-a.new',
        displayName: 'New',
        role: 'customer-viewer',
        password: 'secret passphrase 2026',
      },
      bankA,
    );
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await api?.close();
  });

  const audit = async (token: string, query = ''): Promise<Page> => {
    const res = await api.get(`/audit${query}`, token);
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };

  it('records logins, failures and changes, newest first, with nothing secret', async () => {
    const page = await audit(admin, '?pageSize=500');
    const actions = page.items.map((e) => `${e.action}:${e.actorName}:${e.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.login:admin:success',
        'auth.login:bank-a.admin:success',
        'auth.login:bank-b.admin:success',
        'auth.login.failed:bank-b.admin:failure',
        'auth.login.failed:nobody.here:failure',
        'user.create:bank-a.admin:success',
      ]),
    );
    const times = page.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const failed = page.items.find(
      (e) => e.action === 'auth.login.failed' && e.actorName === 'bank-b.admin',
    )!;
    expect(failed).toMatchObject({
      customerId: 'bank-b',
      target: { type: 'user', id: 'user-bank-b.admin' },
      detail: { reason: 'bad-credentials' },
    });
    expect(failed.ip).toMatch(/127\.0\.0\.1/);
    const create = page.items.find((e) => e.action === 'user.create')!;
    expect(create).toMatchObject({
      customerId: 'bank-a',
      actorRole: 'customer-admin',
      detail: { username: 'bank-a.new' },
    });
    const text = JSON.stringify(page);
    for (const secret of [
      TEST_PASSWORD,
      'wrong-password-b',
      'secret passphrase 2026',
      'scrypt$',
      'rt_',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("shows a customer-admin only its own customer's entries", async () => {
    const page = await audit(bankA, '?pageSize=500');
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    expect(new Set(page.items.map((e) => e.customerId))).toEqual(new Set(['bank-a']));
    expect(page.items.map((e) => e.actorName)).not.toContain('nobody.here');
    // A filter on another customer narrows to nothing rather than widening the scope.
    expect((await audit(bankA, '?customerId=bank-b')).total).toBe(0);
    expect((await audit(admin, '?customerId=bank-b')).total).toBeGreaterThanOrEqual(2);
  });

  it('filters by action, actor, outcome, target and time, and pages', async () => {
    const failures = await audit(admin, '?outcome=failure');
    expect(failures.items.every((e) => e.outcome === 'failure')).toBe(true);
    expect(failures.total).toBe(2);
    expect((await audit(admin, '?action=user.create')).items.map((e) => e.actorName)).toEqual([
      'bank-a.admin',
    ]);
    expect((await audit(admin, '?actor=bank-b.admin')).total).toBe(2);
    expect((await audit(admin, '?targetType=user&targetId=user-bank-b.admin')).total).toBe(2);
    expect((await audit(admin, `?from=${encodeURIComponent(start)}&action=auth.login`)).total).toBe(
      3,
    );
    expect((await audit(admin, `?to=${encodeURIComponent(start)}`)).total).toBe(0);
    const first = await audit(admin, '?pageSize=2&page=1');
    const second = await audit(admin, '?pageSize=2&page=2');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(second.total);
    expect(second.items.map((e) => e.id)).not.toEqual(
      expect.arrayContaining(first.items.map((e) => e.id)),
    );
  });

  it('answers 403 to roles that do not administer, and names bad filters', async () => {
    const noc = (await signIn(api, 'noc.li', TEST_PASSWORD)).accessToken;
    expect((await api.get('/audit', noc)).status).toBe(403);
    const bad = await api.get('/audit?from=yesterday&outcome=maybe', admin);
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors?.map((e) => e.path).sort()).toEqual(['from', 'outcome']);
    const reversed = await api.get(
      '/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z',
      admin,
    );
    expect((await problemOf(reversed)).errors).toEqual([
      { path: 'to', message: 'to must be after from' },
    ]);
  });

  it('is append-only: the repository has no way to change or remove an entry', () => {
    const methods = Object.getOwnPropertyNames(AuditRepository.prototype).filter(
      (m) => m !== 'constructor',
    );
    expect(methods.sort()).toEqual(['ensureIndexes', 'insert', 'list', 'onModuleInit']);
  });
});
