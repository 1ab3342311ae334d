import type { Role } from '../database/documents';

/** Claims of our access tokens. Scope is NOT taken from them: the guard reloads the user. */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: Role;
}

export const TOKEN_ISSUER = 'circuitcare';
export const TOKEN_AUDIENCE = 'circuitcare-api';
