import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';

import { ApiConfiguration } from '../../generated/api-configuration';
import { SessionTokens } from './session-tokens.service';

/** Routes that authenticate themselves (body tokens) and must never trigger a refresh. */
const PUBLIC_PATHS = ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout'];

/**
 * Adds the bearer token to calls of our API and, on a 401, renews the session once and
 * repeats the call. Calls elsewhere (translations, assets) pass untouched.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const tokens = inject(SessionTokens);
  const root = inject(ApiConfiguration).rootUrl;
  const path = pathOf(req, root);
  if (path === null || PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`))) {
    return next(req);
  }
  const withToken = (token: string | null): HttpRequest<unknown> =>
    token ? req.clone({ setHeaders: { authorization: `Bearer ${token}` } }) : req;
  return next(withToken(tokens.accessToken())).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && tokens.canRefresh()) {
        return tokens.refresh().pipe(switchMap((token) => next(withToken(token))));
      }
      return throwError(() => error);
    }),
  );
};

/** The request's path below the API origin, or null when it is not a call of our API. */
function pathOf(req: HttpRequest<unknown>, root: string): string | null {
  const url = req.url;
  if (!url.startsWith(`${root}/api/`)) return null;
  const path = url.slice(root.length);
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}
