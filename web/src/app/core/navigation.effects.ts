import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { tap } from 'rxjs';

import { AuthApiActions, homeOf } from '@circuitcare/client';

/** Only a path of this app: an absolute or protocol-relative URL is not followed. */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) {
    return null;
  }
  return value;
}

/** Where the web app goes when the session starts or ends (the mobile app has its own). */
export const afterSignIn = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) =>
    actions$.pipe(
      ofType(AuthApiActions.signedIn),
      tap(({ user }) => {
        const asked: unknown = router.parseUrl(router.url).queryParams['returnUrl'];
        const returnUrl = safeReturnUrl(typeof asked === 'string' ? asked : null);
        void router.navigateByUrl(returnUrl ?? homeOf(user.role));
      }),
    ),
  { functional: true, dispatch: false },
);

export const afterSignOut = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) =>
    actions$.pipe(
      ofType(AuthApiActions.signedOut, AuthApiActions.sessionExpired),
      tap((action) => {
        const here = router.url;
        const keep = action.type === AuthApiActions.sessionExpired.type && safeReturnUrl(here);
        void router.navigate(['/login'], keep ? { queryParams: { returnUrl: here } } : {});
      }),
    ),
  { functional: true, dispatch: false },
);

export const navigationEffects = { afterSignIn, afterSignOut };
