import { InjectionToken, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import {
  EMPTY,
  type Observable,
  catchError,
  exhaustMap,
  fromEvent,
  map,
  merge,
  of,
  switchMap,
  take,
  takeUntil,
  tap,
  timer,
} from 'rxjs';

import type { LoginResponseDto } from '../../generated/models/login-response-dto';
import type { SessionTokensDto } from '../../generated/models/session-tokens-dto';
import type { UserDto } from '../../generated/models/user-dto';
import { AuthService } from '../../generated/services/auth.service';
import { AuthApiActions } from './auth-api.actions';
import { loginErrorOf } from './login-error.model';
import { LoginPageActions } from './login-page.actions';
import { SessionTokens, sessionRefused } from './session-tokens.service';
import { SessionActions } from './session.actions';

function sessionTokensOf(answer: LoginResponseDto): SessionTokensDto | null {
  const { accessToken, refreshToken, expiresIn, refreshExpiresIn } = answer;
  if (!accessToken || !refreshToken) return null;
  return {
    accessToken,
    refreshToken,
    expiresIn: expiresIn ?? 0,
    refreshExpiresIn: refreshExpiresIn ?? 0,
    tokenType: 'Bearer',
  };
}

/** Password step: the session, or the second step's token. */
export const signIn = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService), tokens = inject(SessionTokens)) =>
    actions$.pipe(
      ofType(LoginPageActions.passwordSubmitted),
      exhaustMap(({ username, password }) =>
        auth.authLogin({ body: { username, password } }).pipe(
          switchMap((answer) => {
            if (answer.mfaRequired && answer.mfaToken) {
              tokens.holdMfaToken(answer.mfaToken);
              const expiresAt = new Date(
                Date.now() + (answer.mfaExpiresIn ?? 300) * 1000,
              ).toISOString();
              return of(AuthApiActions.secondFactorRequired({ username, expiresAt }));
            }
            const session = sessionTokensOf(answer);
            if (!session) throw new Error('sign-in answer without tokens');
            tokens.start(session);
            return me(auth, tokens).pipe(map((user) => AuthApiActions.signedIn({ user })));
          }),
          catchError((failure: unknown) =>
            of(AuthApiActions.signInFailed({ error: loginErrorOf(failure, 'password') })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** Second step: the TOTP code with the token of the first. */
export const verifyCode = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService), tokens = inject(SessionTokens)) =>
    actions$.pipe(
      ofType(LoginPageActions.codeSubmitted),
      exhaustMap(({ code }) => {
        const mfaToken = tokens.mfaToken();
        if (!mfaToken) return of(AuthApiActions.signInFailed({ error: { kind: 'mfa-expired' } }));
        return auth.authLoginTotp({ body: { mfaToken, code } }).pipe(
          switchMap((session) => {
            tokens.start(session);
            return me(auth, tokens).pipe(map((user) => AuthApiActions.signedIn({ user })));
          }),
          catchError((failure: unknown) =>
            of(AuthApiActions.signInFailed({ error: loginErrorOf(failure, 'totp') })),
          ),
        );
      }),
    ),
  { functional: true },
);

/** The profile, kept locally as the last known one for a start without a network. */
function me(auth: AuthService, tokens: SessionTokens): Observable<UserDto> {
  return auth.authMe().pipe(tap((user) => tokens.rememberProfile(user)));
}

/** A renewal of the kept session: the refreshed token, then the profile. */
function renew(auth: AuthService, tokens: SessionTokens): Observable<UserDto> {
  return tokens.refresh().pipe(switchMap(() => me(auth, tokens)));
}

/**
 * When a session kept offline tries again to reach the API: when the browser says it is
 * online, and every 30 s meanwhile (a phone may be "online" on a network that leads nowhere).
 */
export const SESSION_RETRY = new InjectionToken<Observable<unknown>>('SESSION_RETRY', {
  providedIn: 'root',
  factory: () =>
    typeof window === 'undefined'
      ? timer(30_000, 30_000)
      : merge(fromEvent(window, 'online'), timer(30_000, 30_000)),
});

/**
 * At page load: a refresh token kept from before (reload, deep link) renews the session.
 * Only a refusal (401) ends it; when the API cannot be reached (offline, 502/504) the
 * session is kept, with the last known profile, and the app opens offline.
 */
export const restoreSession = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService), tokens = inject(SessionTokens)) =>
    actions$.pipe(
      ofType(SessionActions.restoreRequested),
      exhaustMap(() => {
        if (!tokens.canRefresh()) return of(AuthApiActions.noSession());
        return renew(auth, tokens).pipe(
          map((user) => AuthApiActions.sessionRestored({ user })),
          catchError((error: unknown) => {
            const known = tokens.knownProfile();
            if (sessionRefused(error) || !known) {
              // Without a known profile nobody can be shown as signed in: the login page
              // opens, and only a refusal forgets the kept token.
              if (sessionRefused(error)) tokens.clear();
              return of(AuthApiActions.noSession());
            }
            return of(
              AuthApiActions.sessionKeptOffline({
                user: known.user,
                profileSavedAt: known.savedAt,
              }),
            );
          }),
        );
      }),
    ),
  { functional: true },
);

/** A session kept offline is renewed as soon as the API answers again. */
export const resumeSession = createEffect(
  (
    actions$ = inject(Actions),
    auth = inject(AuthService),
    tokens = inject(SessionTokens),
    retry$ = inject(SESSION_RETRY),
  ) =>
    actions$.pipe(
      ofType(AuthApiActions.sessionKeptOffline),
      switchMap(() =>
        retry$.pipe(
          exhaustMap(() =>
            renew(auth, tokens).pipe(
              map((user) => AuthApiActions.sessionRestored({ user })),
              catchError((error: unknown) => {
                if (!sessionRefused(error)) return EMPTY;
                // SessionTokens.refresh has cleared a refused token (and says so on
                // expired$); a refused profile read after a renewal is cleared here.
                tokens.clear();
                return of(AuthApiActions.sessionExpired());
              }),
            ),
          ),
          take(1),
          takeUntil(
            actions$.pipe(
              ofType(
                SessionActions.logoutRequested,
                AuthApiActions.signedIn,
                AuthApiActions.sessionExpired,
              ),
            ),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const signOut = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService), tokens = inject(SessionTokens)) =>
    actions$.pipe(
      ofType(SessionActions.logoutRequested),
      exhaustMap(() => {
        const refreshToken = tokens.clear();
        if (!refreshToken) return of(AuthApiActions.signedOut());
        // Always 204; a failure (network) must not keep the user signed in here.
        return auth.authLogout({ body: { refreshToken } }).pipe(
          map(() => AuthApiActions.signedOut()),
          catchError(() => of(AuthApiActions.signedOut())),
        );
      }),
    ),
  { functional: true },
);

/** A refresh that failed anywhere (the interceptor's included) ends the session here. */
export const sessionExpired = createEffect(
  (tokens = inject(SessionTokens)) =>
    tokens.expired$.pipe(map(() => AuthApiActions.sessionExpired())),
  { functional: true },
);

export const authEffects = {
  signIn,
  verifyCode,
  restoreSession,
  resumeSession,
  signOut,
  sessionExpired,
};
