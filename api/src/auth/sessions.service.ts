import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { UserDocument } from '../database/documents';
import { UsersRepository } from '../users/users.repository';
import type { AccessTokenClaims } from './access-token';
import type { SessionTokensDto } from './dto/login-response.dto';
import { principalFromUser } from './principal';
import { RefreshTokensRepository } from './refresh-tokens.repository';

const BAD_REFRESH = 'The refresh token is invalid, expired or revoked.';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export const epochOf = (user: UserDocument): string => user.sessionEpoch ?? '';

/**
 * Sessions: a short access token (JWT) and an opaque refresh token, rotated on every
 * use. Presenting a rotated token again means it leaked (or a client misbehaves):
 * the whole family is revoked, so the thief's copy dies with the victim's.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly tokens: RefreshTokensRepository,
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new session (a new family) for a user who just signed in. */
  async start(user: UserDocument): Promise<SessionTokensDto> {
    const now = new Date();
    await this.tokens.deleteExpired(user._id, new Date(now.getTime() - 86_400_000));
    return this.issue(user, randomUUID(), now);
  }

  async refresh(refreshToken: string, ip: string | null): Promise<SessionTokensDto> {
    const now = new Date();
    const id = hashToken(refreshToken);
    const token = await this.tokens.consume(id, now);
    if (!token) {
      const known = await this.tokens.findById(id);
      if (known?.usedAt && !known.revokedAt) {
        await this.tokens.revokeFamily(known.familyId, now);
        const user = await this.users.findEnabledById(known.userId);
        await this.audit.record({
          actor: user ? principalFromUser(user) : null,
          actorName: user ? undefined : known.userId,
          action: 'auth.refresh.reuse',
          customerId: user?.customerId ?? null,
          target: { type: 'user', id: known.userId },
          outcome: 'failure',
          detail: { reason: 'rotated refresh token presented again; session revoked' },
          ip,
        });
      }
      throw new UnauthorizedException(BAD_REFRESH);
    }
    const user = await this.users.findEnabledById(token.userId);
    if (!user || token.expiresAt <= now || epochOf(user) !== token.sessionEpoch) {
      await this.tokens.revokeFamily(token.familyId, now);
      throw new UnauthorizedException(BAD_REFRESH);
    }
    return this.issue(user, token.familyId, now);
  }

  /** Ends the session of this refresh token (its family). Unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<string | null> {
    const token = await this.tokens.findById(hashToken(refreshToken));
    if (!token) {
      return null;
    }
    await this.tokens.revokeFamily(token.familyId, new Date());
    return token.userId;
  }

  /**
   * Ends every session of the user: refresh tokens revoked and a new epoch, which the
   * auth guard compares with each access token's, so those die at once too.
   */
  async revokeAll(userId: string): Promise<number> {
    const now = new Date();
    await this.users.setSessionEpoch(userId, newEpoch(), now);
    return this.tokens.revokeUser(userId, now);
  }

  private async issue(user: UserDocument, familyId: string, now: Date): Promise<SessionTokensDto> {
    const claims: AccessTokenClaims = {
      sub: user._id,
      username: user.username,
      role: user.role,
      se: epochOf(user),
    };
    const accessToken = await this.jwt.signAsync(claims);
    const refreshToken = `rt_${randomBytes(32).toString('base64url')}`;
    await this.tokens.insert({
      _id: hashToken(refreshToken),
      familyId,
      userId: user._id,
      sessionEpoch: epochOf(user),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
      usedAt: null,
      revokedAt: null,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.JWT_TTL_SECONDS,
      refreshToken,
      refreshExpiresIn: this.config.REFRESH_TOKEN_TTL_SECONDS,
    };
  }
}

export function newEpoch(): string {
  return randomUUID();
}
