import type { Role } from '../database/documents';

/** Claims of our access tokens. Scope is NOT taken from them: the guard reloads the user. */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: Role;
  /** The user's sessionEpoch at issue; the guard refuses the token once it changed. */
  se: string;
}

/** Claims of the short-lived token between the password step and the TOTP step. */
export interface MfaTokenClaims {
  sub: string;
  se: string;
}

export const TOKEN_ISSUER = 'circuitcare';
export const TOKEN_AUDIENCE = 'circuitcare-api';
/** A different audience: an MFA token is never accepted as an access token, nor the reverse. */
export const MFA_TOKEN_AUDIENCE = 'circuitcare-mfa';
export const MFA_TOKEN_TTL_SECONDS = 300;
