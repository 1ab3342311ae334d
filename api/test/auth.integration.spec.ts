import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type ApiHarness, problemOf, startApi, TEST_PASSWORD } from './support/api-harness';
import { insertCircuit, insertCustomer, insertUser } from './support/factories';

const PUBLIC_PATHS = new Set([
  '/health',
  '/auth/login',
  '/auth/login/totp',
  '/auth/refresh',
  '/auth/logout',
  // Authenticated by a single-use ticket (EventSource cannot send headers): checked below.
  '/events',
]);

describe('authentication', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(`api_it_auth_${process.pid}`);
    await insertCustomer(api.db, 'bank-a');
    await insertCircuit(api.db, 'a-1', 'bank-a', ['bank-a-root']);
    await insertUser(api.db, 'bank-a.admin', 'customer-admin', {
      customerId: 'bank-a',
      orgUnitId: 'bank-a-root',
    });
    await insertUser(api.db, 'gone.user', 'noc-operator', { disabled: true });
  });

  afterAll(async () => {
    await api?.close();
  });

  const login = (body: unknown, contentType = 'application/json'): Promise<Response> =>
    fetch(`${api.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('issues a bearer token for the right password, which then opens the API', async () => {
    const res = await login({ username: 'bank-a.admin', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      mfaRequired: boolean;
      accessToken: string;
      tokenType: string;
      expiresIn: number;
    };
    expect(body.mfaRequired).toBe(false);
    expect(body.tokenType).toBe('Bearer');
    expect(body.expiresIn).toBe(900);
    expect(body.accessToken.split('.')).toHaveLength(3);
    const header = JSON.parse(
      Buffer.from(body.accessToken.split('.')[0]!, 'base64url').toString(),
    ) as { alg: string };
    expect(header.alg).toBe('HS256');
    const circuits = await api.get('/circuits', body.accessToken);
    expect(circuits.status).toBe(200);
  });

  it('answers a wrong password and an unknown user identically with 401 problem+json', async () => {
    const wrong = await login({ username: 'bank-a.admin', password: 'nope-nope' });
    const unknown = await login({ username: 'nobody', password: 'nope-nope' });
    const disabled = await login({ username: 'gone.user', password: TEST_PASSWORD });
    const bodies = await Promise.all([wrong, unknown, disabled].map((r) => problemOf(r)));
    for (const [i, res] of [wrong, unknown, disabled].entries()) {
      expect(res.status).toBe(401);
      expect(bodies[i]).toEqual({
        type: 'urn:circuitcare:problem:unauthorized',
        title: 'Unauthorized',
        status: 401,
        detail: 'The username or password is incorrect.',
        instance: '/api/v1/auth/login',
      });
    }
  });

  it('rejects a login body with missing or extra fields, naming them', async () => {
    const res = await login({ username: 'bank-a.admin', role: 'noc-operator' });
    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect([...new Set(problem.errors?.map((e) => e.path))].sort()).toEqual(['password', 'role']);
  });

  it('answers 401 to an event stream without a valid ticket, bearer token or not', async () => {
    for (const query of ['', '?ticket=not-a-ticket-0123456789abcdef']) {
      const res = await fetch(`${api.baseUrl}/events${query}`, {
        headers: { authorization: 'Bearer not.a.jwt' },
      });
      expect({ query, status: res.status }).toEqual({ query, status: 401 });
      expect((await problemOf(res)).status).toBe(401);
    }
  });

  it('rejects malformed JSON with a problem, not a stack trace', async () => {
    const res = await login('{"username": ', 'application/json');
    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect(problem.detail).not.toMatch(/at |node_modules|SyntaxError/);
  });

  it('requires a valid bearer token on every route of the OpenAPI document except health and login', async () => {
    const doc = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => [m, path] as const),
    );
    const protectedRoutes = routes.filter(
      ([, path]) => !PUBLIC_PATHS.has(path.replace(/^\/api\/v1/, '')),
    );
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(4);
    const forged = `${((await (await login({ username: 'bank-a.admin', password: TEST_PASSWORD })).json()) as { accessToken: string }).accessToken.slice(0, -4)}AAAA`;
    for (const [method, path] of protectedRoutes) {
      // Paths in the document are absolute (the TMF621 facade lives outside /api/v1).
      const url = `${new URL(api.baseUrl).origin}${path.replace('{id}', 'a-1')}`;
      for (const authorization of [
        undefined,
        'Bearer',
        'Basic YWRtaW46YWRtaW4=',
        `Bearer ${forged}`,
        'Bearer not.a.jwt',
      ]) {
        const res = await fetch(url, {
          method: method.toUpperCase(),
          headers: authorization ? { authorization } : {},
        });
        expect({ method, path, authorization, status: res.status }).toEqual({
          method,
          path,
          authorization,
          status: 401,
        });
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        const problem = await problemOf(res);
        expect(problem.status).toBe(401);
      }
    }
  });

  it('rejects tokens signed with another secret or of a user disabled since', async () => {
    const { JwtService } = await import('@nestjs/jwt');
    const other = new JwtService({ secret: 'another-secret-another-secret-another!' });
    const token = await other.signAsync(
      { sub: 'user-bank-a.admin', username: 'bank-a.admin', role: 'noc-operator' },
      { issuer: 'circuitcare', audience: 'circuitcare-api', expiresIn: 600 },
    );
    expect((await api.get('/circuits', token)).status).toBe(401);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"user-bank-a.admin"}').toString('base64url')}.`;
    expect((await api.get('/circuits', none)).status).toBe(401);

    await insertUser(api.db, 'leaver', 'noc-operator');
    const leaverToken = await api.login('leaver');
    expect((await api.get('/circuits', leaverToken)).status).toBe(200);
    await api.db
      .collection('users')
      .updateOne({ username: 'leaver' }, { $set: { disabled: true } });
    expect((await api.get('/circuits', leaverToken)).status).toBe(401);
  });

  it('keeps health, login and the OpenAPI document public', async () => {
    expect([200, 503]).toContain((await api.get('/health')).status);
    const openapi = await api.get('/openapi.json');
    expect(openapi.status).toBe(200);
    expect(((await openapi.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  });
});
