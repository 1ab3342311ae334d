import { ConfigError, loadConfig } from './app-config';

const SECRET = 'x'.repeat(32);

describe('loadConfig', () => {
  it('applies the defaults', () => {
    const config = loadConfig({ JWT_SECRET: SECRET });
    expect(config).toMatchObject({
      API_PORT: 3000,
      MONGO_DB: 'circuitcare',
      KAFKA_BROKERS: ['localhost:9092'],
      INGEST_ENABLED: true,
    });
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        JWT_SECRET: 'short',
        API_PORT: '70000',
        MONGO_URL: 'http://db',
        INGEST_ENABLED: 'yes',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['JWT_SECRET', 'API_PORT', 'MONGO_URL', 'INGEST_ENABLED'])
      expect(message).toContain(name);
  });
});
