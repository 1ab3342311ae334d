import { HttpErrorResponse } from '@angular/common/http';

import { problemOf } from '../../problem-details';

/**
 * Why a sign-in step failed, in terms the login page words itself (zh-CN or en): the
 * API's English `detail` is not shown as such.
 */
export type LoginError =
  | { kind: 'bad-credentials' }
  | { kind: 'bad-code' }
  /** The mfaToken of the password step expired (5 minutes): start again. */
  | { kind: 'mfa-expired' }
  /** Too many failures: the username is locked until `until` (ISO time). */
  | { kind: 'locked'; until: string }
  /** The address or user sent too many requests: wait `retryAfterSeconds`. */
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'network' }
  | { kind: 'other'; status: number; detail: string };

export type LoginStep = 'password' | 'totp';

const LOCKED_UNTIL = /try again after (\d{4}-\d{2}-\d{2}T[\d:.]+Z)/;

export function loginErrorOf(failure: unknown, step: LoginStep): LoginError {
  if (!(failure instanceof HttpErrorResponse)) {
    return { kind: 'other', status: 0, detail: String(failure) };
  }
  if (failure.status === 0) return { kind: 'network' };
  const problem = problemOf(failure);
  const retryAfter = Number(failure.headers?.get('retry-after') ?? NaN);
  if (failure.status === 429) {
    const locked = LOCKED_UNTIL.exec(problem?.detail ?? '');
    if (locked?.[1]) return { kind: 'locked', until: locked[1] };
    return {
      kind: 'rate-limited',
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60,
    };
  }
  if (failure.status === 401) {
    if (step === 'password') return { kind: 'bad-credentials' };
    // The API answers 401 for a wrong code and for an expired first step; its detail tells which.
    return /expired/i.test(problem?.detail ?? '') ? { kind: 'mfa-expired' } : { kind: 'bad-code' };
  }
  return { kind: 'other', status: failure.status, detail: problem?.detail ?? failure.message };
}

/** The translation key (login.error.*) and its parameters for an error; web and mobile word it alike. */
export function loginErrorText(error: LoginError): {
  key: string;
  params: Record<string, unknown>;
} {
  switch (error.kind) {
    case 'locked':
      return { key: 'login.error.locked', params: { until: error.until } };
    case 'rate-limited':
      return { key: 'login.error.rateLimited', params: { seconds: error.retryAfterSeconds } };
    case 'other':
      return { key: 'login.error.other', params: { status: error.status } };
    case 'bad-credentials':
    case 'bad-code':
    case 'mfa-expired':
    case 'network':
      return { key: `login.error.${error.kind}`, params: {} };
  }
}
