import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { tap } from 'rxjs';

import { AuthApiActions } from '@circuitcare/client';

import { mobileHomeOf, safeReturnUrl } from './mobile-home';

/** Where the mobile app goes when the session starts or ends. */
export const afterSignIn = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) =>
    actions$.pipe(
      ofType(AuthApiActions.signedIn),
      tap(({ user }) => {
        const asked: unknown = router.parseUrl(router.url).queryParams['returnUrl'];
        const returnUrl = safeReturnUrl(typeof asked === 'string' ? asked : null);
        void router.navigateByUrl(returnUrl ?? mobileHomeOf(user.role), { replaceUrl: true });
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
        void router.navigate(['/login'], {
          replaceUrl: true,
          ...(keep ? { queryParams: { returnUrl: here } } : {}),
        });
      }),
    ),
  { functional: true, dispatch: false },
);

export const navigationEffects = { afterSignIn, afterSignOut };
