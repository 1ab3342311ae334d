import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { filter, map, take } from 'rxjs';

import { type Role, authFeature } from '@circuitcare/client';

import { mobileHomeOf } from './mobile-home';

function settled() {
  return inject(Store)
    .select(authFeature.selectAuthState)
    .pipe(
      filter((s) => s.status !== 'unknown' && s.status !== 'restoring'),
      take(1),
    );
}

/** Signed in, or off to the login page with the way back in `returnUrl`. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  return settled().pipe(
    map((auth) =>
      auth.status === 'signed-in'
        ? true
        : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } }),
    ),
  );
};

/** The login page is for signed-out users; the signed-in go to their tab. */
export const signedOutGuard: CanActivateFn = () => {
  const router = inject(Router);
  return settled().pipe(
    map((auth) =>
      auth.status === 'signed-in' ? router.parseUrl(mobileHomeOf(auth.user?.role)) : true,
    ),
  );
};

/** Only these roles; others land on their own tab (the API would refuse them anyway). */
export function rolesGuard(...roles: Role[]): CanActivateFn {
  return () => {
    const router = inject(Router);
    return settled().pipe(
      map((auth) => {
        const role = auth.user?.role;
        return role && roles.includes(role) ? true : router.parseUrl(mobileHomeOf(role));
      }),
    );
  };
}

/** `/`: the signed-in user's tab. */
export const homeRedirect = () => {
  const router = inject(Router);
  return inject(Store)
    .select(authFeature.selectRole)
    .pipe(
      take(1),
      map((role) => router.parseUrl(mobileHomeOf(role))),
    );
};
