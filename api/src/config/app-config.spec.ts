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

  describe('web push (VAPID)', () => {
    // A real pair (npx web-push generate-vapid-keys), for these checks only.
    const PUBLIC =
      'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U';
    const PRIVATE = 'UUxI4O8-FbRouAevSmBQ6o18hgE4nSG3qwvJTfKc-ls';

    it('is off without keys and on with both', () => {
      const off = loadConfig({ JWT_SECRET: SECRET });
      expect(off.VAPID_PUBLIC_KEY).toBeUndefined();
      expect(off.VAPID_SUBJECT).toBe('mailto:noc@circuitcare.local');
      const on = loadConfig({
        JWT_SECRET: SECRET,
        VAPID_PUBLIC_KEY: PUBLIC,
        VAPID_PRIVATE_KEY: PRIVATE,
      });
      expect(on).toMatchObject({ VAPID_PUBLIC_KEY: PUBLIC, VAPID_PRIVATE_KEY: PRIVATE });
    });

    it('wants both keys, well formed, and says so without showing the private one', () => {
      expect(() => loadConfig({ JWT_SECRET: SECRET, VAPID_PUBLIC_KEY: PUBLIC })).toThrow(
        /VAPID_PRIVATE_KEY: must be set together with VAPID_PUBLIC_KEY/,
      );
      let message = '';
      try {
        loadConfig({
          JWT_SECRET: SECRET,
          VAPID_PUBLIC_KEY: 'short',
          VAPID_PRIVATE_KEY: `${PRIVATE}xx`,
          VAPID_SUBJECT: 'noc@example.com',
        });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/VAPID_PUBLIC_KEY: must be an uncompressed P-256 public key/);
      expect(message).toMatch(/VAPID_PRIVATE_KEY: must be a 32-byte P-256 private key/);
      expect(message).toMatch(/VAPID_SUBJECT: must be a mailto: or https: URL/);
      expect(message).not.toContain(PRIVATE);
    });
  });
});
