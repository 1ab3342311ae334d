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

  it('defaults the session, lockout and rate-limit settings, and checks the TOTP key', () => {
    const config = loadConfig({ JWT_SECRET: SECRET });
    expect(config.TOTP_ENCRYPTION_KEY).toBeUndefined();
    expect(config).toMatchObject({
      JWT_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_SECONDS: 604800,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_LOCK_SECONDS: 900,
      RATE_LIMIT_PER_USER: 600,
    });
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ JWT_SECRET: SECRET, TOTP_ENCRYPTION_KEY: key }).TOTP_ENCRYPTION_KEY).toBe(
      key,
    );
    for (const bad of ['short', Buffer.alloc(16).toString('base64'), 'x'.repeat(44)]) {
      expect(() => loadConfig({ JWT_SECRET: SECRET, TOTP_ENCRYPTION_KEY: bad })).toThrow(
        /TOTP_ENCRYPTION_KEY: must be 32 bytes in base64/,
      );
    }
  });
});
