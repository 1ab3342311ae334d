import { type ApiHarness, startApi } from './support/api-harness';

interface Health {
  status: 'up' | 'down';
  checks: Record<
    'kafka' | 'mongodb' | 'redis',
    { status: 'up' | 'down'; latencyMs: number; error?: string }
  >;
}

describe('GET /health', () => {
  let api: ApiHarness | undefined;

  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('reports Kafka, MongoDB and Redis up, without a token', async () => {
    api = await startApi(`api_it_health_${process.pid}`);
    const res = await api.get('/health');
    const body = (await res.json()) as Health;
    expect(body.checks.kafka).toMatchObject({ status: 'up' });
    expect(body.checks.mongodb).toMatchObject({ status: 'up' });
    expect(body.checks.redis).toMatchObject({ status: 'up' });
    expect(res.status).toBe(200);
    expect(body.status).toBe('up');
    for (const check of Object.values(body.checks))
      expect(check.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('answers 503 naming the dependencies that are down', async () => {
    // Nothing listens on port 1 of loopback: both connections are refused at once.
    api = await startApi(`api_it_health_down_${process.pid}`, {
      KAFKA_BROKERS: '127.0.0.1:1',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    const res = await api.get('/health');
    expect(res.status).toBe(503);
    const body = (await res.json()) as Health;
    expect(body.status).toBe('down');
    expect(body.checks.mongodb.status).toBe('up');
    for (const check of [body.checks.kafka, body.checks.redis]) {
      expect(check.status).toBe('down');
      expect(check.error).toMatch(/\S/);
    }
  });
});
