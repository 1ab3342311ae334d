import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Response } from 'express';

import type { Role } from '../database/documents';
import { UsersRepository } from '../users/users.repository';
import { type AccessTokenClaims, TOKEN_AUDIENCE, TOKEN_ISSUER } from './access-token';
import type { AuthenticatedRequest } from './current-principal.decorator';
import { principalFromUser } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { ALLOWED_ROLES } from './roles.decorator';
import { epochOf } from './sessions.service';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(), and
 * a role listed by @Roles() when the route has one.
 * The user is reloaded on each request so that disabling a user or changing its
 * role or customer takes effect at once, not when the token expires.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
        context.getHandler(),
        context.getClass(),
      ])
    ) {
      return true;
    }
    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    const res = http.getResponse<Response>();
    const fail = (detail: string): never => {
      res.setHeader('WWW-Authenticate', 'Bearer realm="circuitcare"');
      throw new UnauthorizedException(detail);
    };
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+)$/.exec(header);
    if (!match?.[1]) {
      return fail('A bearer access token is required.');
    }
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(match[1], {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
      });
    } catch {
      return fail('The access token is invalid or expired.');
    }
    const user =
      typeof claims.sub === 'string' ? await this.users.findEnabledById(claims.sub) : null;
    // A changed epoch means the user's sessions were revoked (password change, disable, admin).
    if (!user || (claims.se ?? '') !== epochOf(user)) {
      return fail('The access token is invalid or expired.');
    }
    req.principal = principalFromUser(user);
    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (allowed && !allowed.includes(user.role)) {
      throw new ForbiddenException('Your role may not use this operation.');
    }
    return true;
  }
}
