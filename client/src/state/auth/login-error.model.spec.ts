import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';

import { loginErrorOf } from './login-error.model';

const problem = (status: number, detail: string, headers?: Record<string, string>) =>
  new HttpErrorResponse({
    status,
    headers: new HttpHeaders(headers ?? {}),
    error: { type: 'urn:x', title: 't', status, detail, instance: '/api/v1/auth/login' },
  });

describe('loginErrorOf', () => {
  it('tells a lockout (with its end) from a rate limit (with Retry-After)', () => {
    expect(
      loginErrorOf(
        problem(
          429,
          'This account is temporarily locked after repeated failed sign-ins; try again after 2030-01-02T03:04:05.678Z.',
          { 'retry-after': '900' },
        ),
        'password',
      ),
    ).toEqual({ kind: 'locked', until: '2030-01-02T03:04:05.678Z' });
    expect(
      loginErrorOf(problem(429, 'Too many requests.', { 'retry-after': '17' }), 'password'),
    ).toEqual({ kind: 'rate-limited', retryAfterSeconds: 17 });
  });

  it('names a 401 by the step it answered', () => {
    expect(
      loginErrorOf(problem(401, 'The username or password is incorrect.'), 'password'),
    ).toEqual({
      kind: 'bad-credentials',
    });
    expect(
      loginErrorOf(problem(401, 'The code is incorrect or was already used.'), 'totp'),
    ).toEqual({
      kind: 'bad-code',
    });
    expect(loginErrorOf(problem(401, 'The sign-in step expired; sign in again.'), 'totp')).toEqual({
      kind: 'mfa-expired',
    });
  });

  it('calls an unreachable API a network error and keeps other statuses', () => {
    expect(loginErrorOf(new HttpErrorResponse({ status: 0 }), 'password')).toEqual({
      kind: 'network',
    });
    expect(loginErrorOf(problem(503, 'down'), 'password')).toEqual({
      kind: 'other',
      status: 503,
      detail: 'down',
    });
  });
});
