import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import { insertCircuit, insertCustomer, insertUser } from './support/factories';

/** Bad HTTP input gets a clear RFC 9457 answer naming the failing field. */
describe('errors as problem+json', () => {
  let api: ApiHarness;
  let token: string;

  beforeAll(async () => {
    api = await startApi(`api_it_errors_${process.pid}`);
    await insertCustomer(api.db, 'bank-a');
    await insertCircuit(api.db, 'a-1', 'bank-a', ['bank-a-root']);
    await insertUser(api.db, 'noc.li', 'noc-operator');
    token = await api.login('noc.li');
  });

  afterAll(async () => {
    await api?.close();
  });

  const errorsOf = async (path: string): Promise<Array<{ path: string; message: string }>> => {
    const res = await api.get(path, token);
    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect(problem).toMatchObject({
      type: 'urn:circuitcare:problem:validation-error',
      title: 'Invalid request',
      status: 400,
      instance: `/api/v1${path.split('?')[0]}`,
    });
    return problem.errors ?? [];
  };

  it.each([
    ['/circuits?pageSize=501', 'pageSize'],
    ['/circuits?pageSize=0', 'pageSize'],
    ['/circuits?page=abc', 'page'],
    ['/circuits?product=fax', 'product'],
    ['/circuits?sort=passwordHash', 'sort'],
    ['/circuits?sort=name,-secret', 'sort'],
    ['/circuits?tenant=bank-b', 'tenant'],
    ['/alarms?state=open', 'state'],
    ['/alarms?severity=bad', 'severity'],
    ['/alarms?circuitId=a%20b', 'circuitId'],
    ['/circuits/a-1/performance?from=yesterday', 'from'],
    ['/circuits/a-1/performance?from=2026-11-20T00:00:00Z&to=2026-13-01T00:00:00Z', 'to'],
    ['/circuits/a-1/performance?from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z', 'from'],
    ['/circuits/a-1/performance?from=2025-01-01T00:00:00Z&to=2026-11-19T00:00:00Z', 'to'],
    ['/circuits/a%20b', 'id'],
  ])('%s names %s', async (path, field) => {
    const errors = await errorsOf(path);
    expect(errors.map((e) => e.path)).toContain(field);
    for (const e of errors) expect(e.message).toEqual(expect.any(String));
  });

  it('lists every failing field at once', async () => {
    const errors = await errorsOf('/circuits?page=0&pageSize=9999&state=sideways');
    expect(errors.map((e) => e.path).sort()).toEqual(['page', 'pageSize', 'state']);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await api.get('/nowhere', token);
    expect(res.status).toBe(404);
    expect(await problemOf(res)).toMatchObject({
      status: 404,
      title: 'Not Found',
      instance: '/api/v1/nowhere',
    });
  });

  it('hides the cause of a server error', async () => {
    // Make the database refuse a query: a circuit whose stored shape the API cannot map.
    await api.db
      .collection('circuits')
      .insertOne({ _id: 'broken' as never, customerId: 'bank-a', orgPath: ['bank-a-root'] });
    const res = await api.get('/circuits/broken', token);
    expect(res.status).toBe(500);
    const problem = await problemOf(res);
    expect(problem).toEqual({
      type: 'urn:circuitcare:problem:internal-error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred.',
      instance: '/api/v1/circuits/broken',
    });
  });
});
