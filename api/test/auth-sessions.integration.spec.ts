import { randomBytes } from 'node:crypto';

import { totpCodeAt } from '../src/auth/totp';
import type { UserDocument } from '../src/database/documents';
import { send, signIn } from './support/accounts-http';
import { type ApiHarness, problemOf, startApi, TEST_PASSWORD } from './support/api-harness';
import { insertCustomer, insertUser } from './support/factories';

const LOCK_SECONDS = 2;

describe('sessions: lockout, refresh tokens, revocation, TOTP', () => {
  let api: ApiHarness;
  let admin: string;

  beforeAll(async () => {
    api = await startApi(`api_it_auth_sessions_${process.pid}`, {
      LOGIN_MAX_FAILURES: '3',
      LOGIN_FAILURE_WINDOW_SECONDS: '60',
      LOGIN_LOCK_SECONDS: String(LOCK_SECONDS),
      TOTP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    await insertCustomer(api.db, 'bank-a');
    await insertUser(api.db, 'admin', 'platform-admin');
    admin = (await signIn(api, 'admin', TEST_PASSWORD)).accessToken;
  });

  afterAll(async () => {
    await api?.close();
  });

  const login = (username: string, password: string) =>
    send(api, 'POST', '/auth/login', { username, password });
  const refresh = (refreshToken: string) => send(api, 'POST', '/auth/refresh', { refreshToken });

  describe('lockout', () => {
    it('locks a username after repeated failures, says until when, and refuses even the right password', async () => {
      await insertUser(api.db, 'locky', 'noc-operator');
      expect((await login('locky', 'wrong-password-1')).status).toBe(401);
      expect((await login('locky', 'wrong-password-2')).status).toBe(401);
      const third = await login('locky', 'wrong-password-3');
      expect(third.status).toBe(429);
      const retryAfter = Number(third.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(LOCK_SECONDS);
      const problem = await problemOf(third);
      expect(problem.detail).toMatch(
        /^This account is temporarily locked after repeated failed sign-ins; try again after \d{4}-\d\d-\d\dT[\d:.]+Z\.$/,
      );
      const until = new Date(/after (\S+)\.$/.exec(problem.detail)![1]!).getTime();
      expect(until).toBeGreaterThan(Date.now());
      expect(until).toBeLessThanOrEqual(Date.now() + LOCK_SECONDS * 1000);

      const right = await login('locky', TEST_PASSWORD);
      expect(right.status).toBe(429);
      expect(right.headers.get('retry-after')).not.toBeNull();

      await new Promise((r) => setTimeout(r, until - Date.now() + 200));
      expect((await login('locky', TEST_PASSWORD)).status).toBe(200);
    });

    it('treats an unknown username exactly like a known one', async () => {
      const known: Response[] = [];
      const unknown: Response[] = [];
      await insertUser(api.db, 'real.user', 'noc-operator');
      for (let i = 0; i < 3; i += 1) {
        known.push(await login('real.user', `bad-${i}-password`));
        unknown.push(await login('ghost.user', `bad-${i}-password`));
      }
      expect(known.map((r) => r.status)).toEqual([401, 401, 429]);
      expect(unknown.map((r) => r.status)).toEqual([401, 401, 429]);
      const strip = (p: { detail: string }) => p.detail.replace(/after \S+$/, 'after …');
      expect(strip(await problemOf(known[2]!))).toBe(strip(await problemOf(unknown[2]!)));
    });

    it('forgets earlier failures after a successful sign-in', async () => {
      await insertUser(api.db, 'forgetful', 'noc-operator');
      expect((await login('forgetful', 'bad-password-1')).status).toBe(401);
      expect((await login('forgetful', 'bad-password-2')).status).toBe(401);
      expect((await login('forgetful', TEST_PASSWORD)).status).toBe(200);
      expect((await login('forgetful', 'bad-password-3')).status).toBe(401);
      expect((await login('forgetful', 'bad-password-4')).status).toBe(401);
    });
  });

  describe('refresh tokens', () => {
    it('rotate on every use, and a reused one revokes the whole session', async () => {
      await insertUser(api.db, 'rotor', 'noc-operator');
      const first = await signIn(api, 'rotor', TEST_PASSWORD);
      expect(first.refreshToken).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);

      const res = await refresh(first.refreshToken);
      expect(res.status).toBe(200);
      const second = (await res.json()) as {
        accessToken: string;
        refreshToken: string;
        expiresIn: number;
      };
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.expiresIn).toBe(900);
      expect((await api.get('/circuits', second.accessToken)).status).toBe(200);

      // The spent token comes back (stolen copy): refused, and the live one dies with it.
      const reuse = await refresh(first.refreshToken);
      expect(reuse.status).toBe(401);
      expect((await problemOf(reuse)).detail).toBe(
        'The refresh token is invalid, expired or revoked.',
      );
      expect((await refresh(second.refreshToken)).status).toBe(401);

      const stored = await api.db
        .collection('refreshTokens')
        .find({ userId: 'user-rotor' })
        .toArray();
      expect(stored).toHaveLength(2);
      expect(stored.every((t) => t.revokedAt instanceof Date)).toBe(true);
      // Only hashes are stored.
      expect(JSON.stringify(stored)).not.toContain(first.refreshToken.slice(3));
      const audit = await api.db
        .collection('auditLog')
        .findOne({ action: 'auth.refresh.reuse', targetId: 'user-rotor' });
      expect(audit).toMatchObject({ outcome: 'failure', actorName: 'rotor' });
    });

    it('rotate exactly once when the same token is presented twice at the same time', async () => {
      await insertUser(api.db, 'racer', 'noc-operator');
      const session = await signIn(api, 'racer', TEST_PASSWORD);
      const statuses = (
        await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)])
      ).map((r) => r.status);
      expect(statuses.sort()).toEqual([200, 401]);
    });

    it('end with logout; an unknown token is answered the same', async () => {
      await insertUser(api.db, 'leaving', 'noc-operator');
      const session = await signIn(api, 'leaving', TEST_PASSWORD);
      expect(
        (await send(api, 'POST', '/auth/logout', { refreshToken: session.refreshToken })).status,
      ).toBe(204);
      expect((await refresh(session.refreshToken)).status).toBe(401);
      expect((await send(api, 'POST', '/auth/logout', { refreshToken: 'rt_unknown' })).status).toBe(
        204,
      );
      expect((await refresh('rt_unknown')).status).toBe(401);
    });

    it('die with the user disabled, an admin revocation or a password change, access tokens too', async () => {
      const users = ['disabled.one', 'revoked.one', 'changer.one'];
      for (const u of users) await insertUser(api.db, u, 'noc-operator');
      const [disabled, revoked, changer] = await Promise.all(
        users.map((u) => signIn(api, u, TEST_PASSWORD)),
      );

      expect(
        (await send(api, 'POST', '/users/user-disabled.one/disable', undefined, admin)).status,
      ).toBe(200);
      expect(
        (await send(api, 'DELETE', '/users/user-revoked.one/sessions', undefined, admin)).status,
      ).toBe(204);
      const weak = await send(
        api,
        'POST',
        '/auth/password',
        { currentPassword: TEST_PASSWORD, newPassword: 'short' },
        changer!.accessToken,
      );
      expect(weak.status).toBe(400);
      expect((await problemOf(weak)).errors).toEqual([
        { path: 'newPassword', message: 'newPassword must be at least 12 characters long' },
      ]);
      const wrong = await send(
        api,
        'POST',
        '/auth/password',
        { currentPassword: 'not-my-password', newPassword: 'a much longer passphrase' },
        changer!.accessToken,
      );
      expect((await problemOf(wrong)).errors?.[0]?.path).toBe('currentPassword');
      expect(
        (
          await send(
            api,
            'POST',
            '/auth/password',
            { currentPassword: TEST_PASSWORD, newPassword: 'a much longer passphrase' },
            changer!.accessToken,
          )
        ).status,
      ).toBe(204);

      for (const session of [disabled!, revoked!, changer!]) {
        expect((await api.get('/circuits', session.accessToken)).status).toBe(401);
        expect((await refresh(session.refreshToken)).status).toBe(401);
      }
      expect((await login('changer.one', TEST_PASSWORD)).status).toBe(401);
      const fresh = await signIn(api, 'changer.one', 'a much longer passphrase');
      expect((await api.get('/circuits', fresh.accessToken)).status).toBe(200);
      // A revoked user signs in again normally.
      expect(
        (await api.get('/circuits', (await signIn(api, 'revoked.one', TEST_PASSWORD)).accessToken))
          .status,
      ).toBe(200);
    });
  });

  describe('TOTP second factor', () => {
    const enrol = async (token: string): Promise<string> => {
      const res = await send(api, 'POST', '/auth/totp/enrol', undefined, token);
      expect(res.status).toBe(201);
      const body = (await res.json()) as { secret: string; otpauthUri: string };
      expect(body.otpauthUri).toContain(`secret=${body.secret}`);
      return body.secret;
    };

    it('enrols, confirms, then asks for a code at login, once per code', async () => {
      const user = await insertUser(api.db, 'two.factor', 'customer-admin', {
        customerId: 'bank-a',
        orgUnitId: 'bank-a-root',
      });
      const { accessToken } = await signIn(api, 'two.factor', TEST_PASSWORD);
      const secret = await enrol(accessToken);

      const stored = await api.db.collection<UserDocument>('users').findOne({ _id: user._id });
      expect(stored?.totp?.secret).toMatch(/^v1\./);
      expect(JSON.stringify(stored)).not.toContain(secret);
      // Not on until confirmed: login still needs the password only.
      expect(
        ((await (await login('two.factor', TEST_PASSWORD)).json()) as { mfaRequired: boolean })
          .mfaRequired,
      ).toBe(false);

      const bad = await send(api, 'POST', '/auth/totp/confirm', { code: '000000' }, accessToken);
      expect(bad.status).toBe(400);
      expect((await problemOf(bad)).errors?.[0]?.path).toBe('code');
      expect(
        (await send(api, 'POST', '/auth/totp/confirm', { code: 'abc' }, accessToken)).status,
      ).toBe(400);
      const confirmCode = totpCodeAt(secret, Date.now());
      expect(
        (await send(api, 'POST', '/auth/totp/confirm', { code: confirmCode }, accessToken)).status,
      ).toBe(204);
      const me = (await (await api.get('/auth/me', accessToken)).json()) as Record<string, unknown>;
      expect(me).toMatchObject({ username: 'two.factor', totpEnabled: true });
      expect(Object.keys(me)).not.toEqual(expect.arrayContaining(['passwordHash']));
      expect(JSON.stringify(me)).not.toMatch(/totp"?:\s*\{|secret|scrypt/);

      // Step one: the password gives an mfaToken only.
      const step1 = await login('two.factor', TEST_PASSWORD);
      const body = (await step1.json()) as {
        mfaRequired: boolean;
        mfaToken: string;
        accessToken?: string;
      };
      expect(body.mfaRequired).toBe(true);
      expect(body.accessToken).toBeUndefined();
      // The mfaToken opens nothing.
      expect((await api.get('/circuits', body.mfaToken)).status).toBe(401);
      // The confirmation's code is spent: a replay within its window is refused.
      const replayed = await send(api, 'POST', '/auth/login/totp', {
        mfaToken: body.mfaToken,
        code: confirmCode,
      });
      expect(replayed.status).toBe(401);
      expect((await problemOf(replayed)).detail).toBe('The code is incorrect or was already used.');

      // Step two with the next step's code (what the app shows 30 s later; accepted within ±1 step).
      const next = totpCodeAt(secret, Date.now() + 30_000);
      const step2 = await send(api, 'POST', '/auth/login/totp', {
        mfaToken: body.mfaToken,
        code: next,
      });
      expect(step2.status).toBe(200);
      const tokens = (await step2.json()) as { accessToken: string; refreshToken: string };
      expect((await api.get('/circuits', tokens.accessToken)).status).toBe(200);
      expect(
        (await send(api, 'POST', '/auth/login/totp', { mfaToken: body.mfaToken, code: next }))
          .status,
      ).toBe(401);
      expect(
        (await send(api, 'POST', '/auth/login/totp', { mfaToken: 'x.y.z', code: next })).status,
      ).toBe(401);
      // An access token is not an mfaToken either.
      expect(
        (await send(api, 'POST', '/auth/login/totp', { mfaToken: tokens.accessToken, code: next }))
          .status,
      ).toBe(401);

      // Enrolling again while on: refused. An admin removes it (lost phone).
      expect(
        (await send(api, 'POST', '/auth/totp/enrol', undefined, tokens.accessToken)).status,
      ).toBe(409);
      expect((await send(api, 'DELETE', `/users/${user._id}/totp`, undefined, admin)).status).toBe(
        204,
      );
      expect(
        ((await (await login('two.factor', TEST_PASSWORD)).json()) as { mfaRequired: boolean })
          .mfaRequired,
      ).toBe(false);
    });

    it('is turned off by its owner with a current code only', async () => {
      await insertUser(api.db, 'phone.owner', 'noc-operator');
      const { accessToken } = await signIn(api, 'phone.owner', TEST_PASSWORD);
      const secret = await enrol(accessToken);
      expect(
        (
          await send(
            api,
            'POST',
            '/auth/totp/confirm',
            { code: totpCodeAt(secret, Date.now()) },
            accessToken,
          )
        ).status,
      ).toBe(204);
      const current = new Set([-1, 0, 1].map((d) => totpCodeAt(secret, Date.now() + d * 30_000)));
      const wrongCode = ['123456', '654321', '111111', '222222'].find((c) => !current.has(c))!;
      expect(
        (await send(api, 'POST', '/auth/totp/disable', { code: wrongCode }, accessToken)).status,
      ).toBe(400);
      expect(
        (
          await send(
            api,
            'POST',
            '/auth/totp/disable',
            { code: totpCodeAt(secret, Date.now() + 30_000) },
            accessToken,
          )
        ).status,
      ).toBe(204);
      expect(
        ((await (await login('phone.owner', TEST_PASSWORD)).json()) as { mfaRequired: boolean })
          .mfaRequired,
      ).toBe(false);
    });

    it('counts wrong codes towards the lockout', async () => {
      await insertUser(api.db, 'guesser', 'noc-operator');
      const { accessToken } = await signIn(api, 'guesser', TEST_PASSWORD);
      const secret = await enrol(accessToken);
      expect(
        (
          await send(
            api,
            'POST',
            '/auth/totp/confirm',
            { code: totpCodeAt(secret, Date.now()) },
            accessToken,
          )
        ).status,
      ).toBe(204);
      const { mfaToken } = (await (await login('guesser', TEST_PASSWORD)).json()) as {
        mfaToken: string;
      };
      const valid = new Set([-1, 0, 1].map((d) => totpCodeAt(secret, Date.now() + d * 30_000)));
      const wrong = ['111111', '222222', '333333', '444444']
        .filter((c) => !valid.has(c))
        .slice(0, 3);
      const statuses: number[] = [];
      for (const code of wrong) {
        statuses.push((await send(api, 'POST', '/auth/login/totp', { mfaToken, code })).status);
      }
      expect(statuses).toEqual([401, 401, 429]);
    });
  });
});
