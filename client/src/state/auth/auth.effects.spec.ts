import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, Subject, firstValueFrom, toArray } from 'rxjs';

import type { UserDto } from '../../generated/models/user-dto';
import { problemBody, setUpApiTestBed } from '../testing/api-test-bed';
import { AuthApiActions } from './auth-api.actions';
import {
  SESSION_RETRY,
  resumeSession,
  restoreSession,
  signIn,
  signOut,
  verifyCode,
} from './auth.effects';
import { LoginPageActions } from './login-page.actions';
import { SESSION_STORE, type SessionStore, memorySessionStore } from './session-store.port';
import { SessionTokens } from './session-tokens.service';
import { SessionActions } from './session.actions';

const user = { id: 'u1', username: 'noc.li', role: 'noc-operator' } as UserDto;
const tokens = (n: number) => ({
  accessToken: `access-${n}`,
  refreshToken: `rt_${n}`,
  expiresIn: 900,
  refreshExpiresIn: 604800,
  tokenType: 'Bearer' as const,
});

describe('auth effects', () => {
  let actions$: ReplaySubject<Action>;
  let store: SessionStore;

  let retry$: Subject<void>;

  const setUp = (kept: string | null = null, profile: string | null = null) => {
    actions$ = new ReplaySubject<Action>();
    retry$ = new Subject<void>();
    store = memorySessionStore();
    store.save(kept);
    store.saveProfile(profile);
    const http = setUpApiTestBed({
      actions$: () => actions$,
      providers: [
        { provide: SESSION_STORE, useValue: store },
        { provide: SESSION_RETRY, useValue: retry$ },
      ],
    });
    return { http, tokens: TestBed.inject(SessionTokens) };
  };

  afterEach(() => TestBed.inject(SessionTokens).clear());

  it('signs in with the password, keeps the refresh token, and loads the user with the new bearer', async () => {
    const { http, tokens: session } = setUp();
    const result = TestBed.runInInjectionContext(() => firstValueFrom(signIn()));
    actions$.next(
      LoginPageActions.passwordSubmitted({ username: 'noc.li', password: 'Demo#2026' }),
    );

    const login = http.expectOne('/api/v1/auth/login');
    expect(login.request.method).toBe('POST');
    expect(login.request.body).toEqual({ username: 'noc.li', password: 'Demo#2026' });
    expect(login.request.headers.has('authorization')).toBe(false);
    login.flush({ mfaRequired: false, ...tokens(1) });

    const me = http.expectOne('/api/v1/auth/me');
    expect(me.request.headers.get('authorization')).toBe('Bearer access-1');
    me.flush(user);

    expect(await result).toEqual(AuthApiActions.signedIn({ user }));
    expect(store.load()).toBe('rt_1');
    // The profile is kept for a later start without a network.
    expect(session.knownProfile()?.user).toEqual(user);
    expect(session.accessToken()).toBe('access-1');
    http.verify();
  });

  it('asks for the second factor, then signs in with the code and the first step token', async () => {
    const { http } = setUp();
    const first = TestBed.runInInjectionContext(() => firstValueFrom(signIn()));
    actions$.next(LoginPageActions.passwordSubmitted({ username: 'noc.li', password: 'p' }));
    http
      .expectOne('/api/v1/auth/login')
      .flush({ mfaRequired: true, mfaToken: 'mfa-1', mfaExpiresIn: 300 });
    const step = await first;
    expect(step.type).toBe(AuthApiActions.secondFactorRequired.type);
    expect(store.load()).toBeNull();

    const second = TestBed.runInInjectionContext(() => firstValueFrom(verifyCode()));
    actions$.next(LoginPageActions.codeSubmitted({ code: '123456' }));
    const totp = http.expectOne('/api/v1/auth/login/totp');
    expect(totp.request.body).toEqual({ mfaToken: 'mfa-1', code: '123456' });
    totp.flush(tokens(2));
    http.expectOne('/api/v1/auth/me').flush(user);
    expect(await second).toEqual(AuthApiActions.signedIn({ user }));
    http.verify();
  });

  it('turns a lockout answer into a locked error with its end time', async () => {
    const { http } = setUp();
    const result = TestBed.runInInjectionContext(() => firstValueFrom(signIn()));
    actions$.next(LoginPageActions.passwordSubmitted({ username: 'x', password: 'y' }));
    http
      .expectOne('/api/v1/auth/login')
      .flush(
        problemBody(
          429,
          'This account is temporarily locked after repeated failed sign-ins; try again after 2030-01-01T00:15:00.000Z.',
        ),
        { status: 429, statusText: 'Too Many Requests', headers: { 'retry-after': '900' } },
      );
    expect(await result).toEqual(
      AuthApiActions.signInFailed({ error: { kind: 'locked', until: '2030-01-01T00:15:00.000Z' } }),
    );
  });

  it('restores a kept session at load by refreshing it, and says so when there is none', async () => {
    const { http } = setUp('rt_kept');
    const result = TestBed.runInInjectionContext(() => firstValueFrom(restoreSession()));
    actions$.next(SessionActions.restoreRequested());
    const refresh = http.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'rt_kept' });
    refresh.flush(tokens(3));
    const me = http.expectOne('/api/v1/auth/me');
    expect(me.request.headers.get('authorization')).toBe('Bearer access-3');
    me.flush(user);
    expect(await result).toEqual(AuthApiActions.sessionRestored({ user }));
    expect(store.load()).toBe('rt_3');
  });

  it('ends up signed out when the kept token was spent or revoked', async () => {
    const { http } = setUp('rt_spent');
    const result = TestBed.runInInjectionContext(() => firstValueFrom(restoreSession()));
    actions$.next(SessionActions.restoreRequested());
    http
      .expectOne('/api/v1/auth/refresh')
      .flush(problemBody(401, 'spent'), { status: 401, statusText: 'Unauthorized' });
    expect(await result).toEqual(AuthApiActions.noSession());
    expect(store.load()).toBeNull();
  });

  it('signs out: the refresh token goes to /auth/logout and is forgotten even if that fails', async () => {
    const { http, tokens: session } = setUp();
    session.start(tokens(4));
    const result = TestBed.runInInjectionContext(() => firstValueFrom(signOut().pipe(toArray())));
    actions$.next(SessionActions.logoutRequested());
    actions$.complete();
    const logout = http.expectOne('/api/v1/auth/logout');
    expect(logout.request.body).toEqual({ refreshToken: 'rt_4' });
    logout.error(new ProgressEvent('error'));
    expect(await result).toEqual([AuthApiActions.signedOut()]);
    expect(store.load()).toBeNull();
    expect(session.accessToken()).toBeNull();
  });

  const known = JSON.stringify({ user, savedAt: '2026-12-07T08:00:00.000Z' });
  const offline = (req: { error: (e: ProgressEvent) => void }) =>
    req.error(new ProgressEvent('error'));

  it('keeps the session at load when the network fails: tokens stay, the user is the last known profile', async () => {
    const { http, tokens: session } = setUp('rt_kept', known);
    const result = TestBed.runInInjectionContext(() => firstValueFrom(restoreSession()));
    actions$.next(SessionActions.restoreRequested());
    offline(http.expectOne('/api/v1/auth/refresh'));
    expect(await result).toEqual(
      AuthApiActions.sessionKeptOffline({ user, profileSavedAt: '2026-12-07T08:00:00.000Z' }),
    );
    expect(store.load()).toBe('rt_kept');
    expect(session.canRefresh()).toBe(true);
    expect(session.knownProfile()?.user).toEqual(user);
    http.verify();
  });

  it('keeps the session when a gateway answers 504 instead of the API', async () => {
    const { http } = setUp('rt_kept', known);
    const result = TestBed.runInInjectionContext(() => firstValueFrom(restoreSession()));
    actions$.next(SessionActions.restoreRequested());
    http
      .expectOne('/api/v1/auth/refresh')
      .flush('upstream timed out', { status: 504, statusText: 'Gateway Timeout' });
    expect((await result).type).toBe(AuthApiActions.sessionKeptOffline.type);
    expect(store.load()).toBe('rt_kept');
  });

  it('keeps the session when the profile read after a renewal fails on the network', async () => {
    const { http } = setUp('rt_kept', known);
    const result = TestBed.runInInjectionContext(() => firstValueFrom(restoreSession()));
    actions$.next(SessionActions.restoreRequested());
    http.expectOne('/api/v1/auth/refresh').flush(tokens(5));
    offline(http.expectOne('/api/v1/auth/me'));
    expect((await result).type).toBe(AuthApiActions.sessionKeptOffline.type);
    expect(store.load()).toBe('rt_5');
  });

  it('opens the login page offline without a known profile, but does not forget the token', async () => {
    const { http } = setUp('rt_kept', null);
    const result = TestBed.runInInjectionContext(() => firstValueFrom(restoreSession()));
    actions$.next(SessionActions.restoreRequested());
    offline(http.expectOne('/api/v1/auth/refresh'));
    expect(await result).toEqual(AuthApiActions.noSession());
    expect(store.load()).toBe('rt_kept');
  });

  it('a refusal at load forgets the token and the kept profile', async () => {
    const { http } = setUp('rt_spent', known);
    const result = TestBed.runInInjectionContext(() => firstValueFrom(restoreSession()));
    actions$.next(SessionActions.restoreRequested());
    http
      .expectOne('/api/v1/auth/refresh')
      .flush(problemBody(401, 'spent'), { status: 401, statusText: 'Unauthorized' });
    expect(await result).toEqual(AuthApiActions.noSession());
    expect(store.load()).toBeNull();
    expect(store.loadProfile()).toBeNull();
  });

  it('renews a session kept offline once the API answers again; failures in between keep trying', async () => {
    const { http, tokens: session } = setUp('rt_kept', known);
    const result = TestBed.runInInjectionContext(() => firstValueFrom(resumeSession()));
    actions$.next(
      AuthApiActions.sessionKeptOffline({ user, profileSavedAt: '2026-12-07T08:00:00.000Z' }),
    );
    retry$.next();
    offline(http.expectOne('/api/v1/auth/refresh'));
    expect(store.load()).toBe('rt_kept');
    retry$.next();
    http.expectOne('/api/v1/auth/refresh').flush(tokens(6));
    const fresh = { ...user, displayName: 'Li (renamed)' };
    http.expectOne('/api/v1/auth/me').flush(fresh);
    expect(await result).toEqual(AuthApiActions.sessionRestored({ user: fresh }));
    expect(session.accessToken()).toBe('access-6');
    expect(session.knownProfile()?.user).toEqual(fresh);
    http.verify();
  });

  it('a session kept offline and refused when the API answers again ends as expired', async () => {
    const { http } = setUp('rt_revoked', known);
    const result = TestBed.runInInjectionContext(() => firstValueFrom(resumeSession()));
    actions$.next(
      AuthApiActions.sessionKeptOffline({ user, profileSavedAt: '2026-12-07T08:00:00.000Z' }),
    );
    retry$.next();
    http
      .expectOne('/api/v1/auth/refresh')
      .flush(problemBody(401, 'revoked'), { status: 401, statusText: 'Unauthorized' });
    expect(await result).toEqual(AuthApiActions.sessionExpired());
    expect(store.load()).toBeNull();
    expect(store.loadProfile()).toBeNull();
  });
});
