import { send, signIn } from './support/accounts-http';
import { type ApiHarness, problemOf, startApi, TEST_PASSWORD } from './support/api-harness';
import { insertUser } from './support/factories';

/**
 * Two API instances sharing one Redis (and database): a limit reached through one holds
 * on the other. The limits are set for this test only, through the environment.
 */
describe('rate limits across replicas', () => {
  const dbName = `api_it_rate_limit_${process.pid}_${Date.now()}`;
  const env = {
    RATE_LIMIT_WINDOW_SECONDS: '60',
    RATE_LIMIT_PER_ADDRESS: '1000',
    RATE_LIMIT_PER_USER: '6',
    RATE_LIMIT_AUTH_PER_ADDRESS: '4',
  };
  let a: ApiHarness;
  let b: ApiHarness;

  beforeAll(async () => {
    a = await startApi(dbName, env);
    b = await startApi(dbName, env);
    // After both started: each start drops the database.
    await insertUser(a.db, 'busy.user', 'noc-operator');
    await insertUser(a.db, 'other.user', 'noc-operator');
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const expect429 = async (res: Response): Promise<void> => {
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const problem = await problemOf(res);
    expect(problem).toMatchObject({
      type: 'urn:circuitcare:problem:too-many-requests',
      status: 429,
    });
    expect(problem.detail).toMatch(/^Too many requests; retry after \d+ s\.$/);
  };

  it('counts a user across both instances and all routes, not other users', async () => {
    const busy = (await signIn(a, 'busy.user', TEST_PASSWORD)).accessToken;
    const other = (await signIn(b, 'other.user', TEST_PASSWORD)).accessToken;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const api = i % 2 === 0 ? a : b;
      statuses.push((await api.get(i % 3 === 0 ? '/circuits' : '/alarms', busy)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    await expect429(await a.get('/circuits', busy));
    await expect429(await b.get('/alarms', busy));
    // Same address, another user: still served (the per-address limit is far away).
    expect((await b.get('/circuits', other)).status).toBe(200);
  });

  it('holds sign-in attempts per address to the stricter limit, on both instances', async () => {
    // Two logins were spent above; two more are allowed in this window.
    expect(
      (await send(a, 'POST', '/auth/login', { username: 'other.user', password: TEST_PASSWORD }))
        .status,
    ).toBe(200);
    expect((await send(b, 'POST', '/auth/refresh', { refreshToken: 'rt_nothing' })).status).toBe(
      401,
    );
    await expect429(
      await send(a, 'POST', '/auth/login', { username: 'other.user', password: TEST_PASSWORD }),
    );
    await expect429(
      await send(b, 'POST', '/auth/login', { username: 'nobody', password: 'whatever-at-all' }),
    );
    await expect429(await send(b, 'POST', '/auth/login/totp', { mfaToken: 'x', code: '123456' }));
  });

  it('limits an address on every route, public ones included', async () => {
    const strict = await startApi(`${dbName}_address`, { ...env, RATE_LIMIT_PER_ADDRESS: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await strict.get('/health')).status);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      await expect429(await strict.get('/health'));
    } finally {
      await strict.close();
    }
  });
});
