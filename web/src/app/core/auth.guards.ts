import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { filter, map, take } from 'rxjs';

import { type Role, authFeature, homeOf } from '@circuitcare/client';

/** Waits until the session question is settled (a reload restores it first). */
function settled() {
  const store = inject(Store);
  return store.select(authFeature.selectAuthState).pipe(
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

/** The login page is for signed-out users; the signed-in go home. */
export const signedOutGuard: CanActivateFn = () => {
  const router = inject(Router);
  return settled().pipe(
    map((auth) => (auth.status === 'signed-in' ? router.parseUrl(homeOf(auth.user?.role)) : true)),
  );
};

/** Only these roles; others land on their own home page (the API would refuse them anyway). */
export function rolesGuard(...roles: Role[]): CanActivateFn {
  return () => {
    const router = inject(Router);
    return settled().pipe(
      map((auth) => {
        const role = auth.user?.role;
        return role && roles.includes(role) ? true : router.parseUrl(homeOf(role));
      }),
    );
  };
}

/** `/`: the signed-in user's home. */
export const homeRedirect = () => {
  const store = inject(Store);
  const router = inject(Router);
  return store.select(authFeature.selectRole).pipe(
    take(1),
    map((role) => router.parseUrl(homeOf(role))),
  );
};
