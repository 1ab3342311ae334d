import { SetMetadata } from '@nestjs/common';

import type { Role } from '../database/documents';

export const ALLOWED_ROLES = 'circuitcare:allowedRoles';

/**
 * Restricts a route (or a controller) to the given roles; the global auth guard answers
 * 403 to any other authenticated caller. Scope still applies on top of it: a role that
 * may call a route sees only what its AccessScope lets it see.
 */
export const Roles = (...roles: readonly Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOWED_ROLES, roles);

/** Operator staff who work the network: NOC operators and platform admins. */
export const OPERATOR_ROLES: readonly Role[] = ['noc-operator', 'platform-admin'];
