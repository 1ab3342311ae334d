import {
  createParamDecorator,
  type ExecutionContext,
  InternalServerErrorException,
} from '@nestjs/common';
import type { Request } from 'express';

import { type AccessScope, scopeFor } from './access-scope';
import type { VerifiedPrincipal } from './principal';

export interface AuthenticatedRequest extends Request {
  principal?: VerifiedPrincipal;
}

function principalOf(ctx: ExecutionContext): VerifiedPrincipal {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) {
    // Only reachable if a public route asks for a principal: a programming error, never a client one.
    throw new InternalServerErrorException('no principal on an authenticated route');
  }
  return principal;
}

/** The verified caller. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  principalOf(ctx),
);

/** The caller's access scope, derived from the verified principal; pass it to repositories. */
export const CurrentScope = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AccessScope => scopeFor(principalOf(ctx)),
);
