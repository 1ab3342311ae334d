import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, exhaustMap, map, of, switchMap } from 'rxjs';

import type { LoginResponseDto } from '../../generated/models/login-response-dto';
import type { SessionTokensDto } from '../../generated/models/session-tokens-dto';
import { AuthService } from '../../generated/services/auth.service';
import { AuthApiActions } from './auth-api.actions';
import { loginErrorOf } from './login-error.model';
import { LoginPageActions } from './login-page.actions';
import { SessionTokens } from './session-tokens.service';
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
            return auth.authMe().pipe(map((user) => AuthApiActions.signedIn({ user })));
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
            return auth.authMe().pipe(map((user) => AuthApiActions.signedIn({ user })));
          }),
          catchError((failure: unknown) =>
            of(AuthApiActions.signInFailed({ error: loginErrorOf(failure, 'totp') })),
          ),
        );
      }),
    ),
  { functional: true },
);

/** At page load: a refresh token kept from before (reload, deep link) renews the session. */
export const restoreSession = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService), tokens = inject(SessionTokens)) =>
    actions$.pipe(
      ofType(SessionActions.restoreRequested),
      exhaustMap(() => {
        if (!tokens.canRefresh()) return of(AuthApiActions.noSession());
        return tokens.refresh().pipe(
          switchMap(() => auth.authMe()),
          map((user) => AuthApiActions.sessionRestored({ user })),
          catchError(() => {
            tokens.clear();
            return of(AuthApiActions.noSession());
          }),
        );
      }),
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

export const authEffects = { signIn, verifyCode, restoreSession, signOut, sessionExpired };
