import { SetMetadata } from '@nestjs/common';

export const AUTH_RATE_LIMITED = 'circuitcare:authRateLimited';

/**
 * Puts a route under the stricter per-address limit of the sign-in routes (login,
 * TOTP, refresh): RATE_LIMIT_AUTH_PER_ADDRESS per window, on top of the general ones.
 */
export const AuthRateLimited = (): MethodDecorator => SetMetadata(AUTH_RATE_LIMITED, true);
