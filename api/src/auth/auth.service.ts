import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import { AuditService } from '../audit/audit.service';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import type { UserDocument } from '../database/documents';
import { UsersRepository } from '../users/users.repository';
import {
  MFA_TOKEN_AUDIENCE,
  MFA_TOKEN_TTL_SECONDS,
  type MfaTokenClaims,
  TOKEN_ISSUER,
} from './access-token';
import { AccountLockedException } from './account-locked.exception';
import type { LoginResponseDto, SessionTokensDto } from './dto/login-response.dto';
import { LoginLockoutService } from './login-lockout.service';
import { hashPassword, verifyPassword } from './password-hasher';
import { passwordProblems } from './password-policy';
import { type VerifiedPrincipal, principalFromUser } from './principal';
import { epochOf, newEpoch, SessionsService } from './sessions.service';
import { TotpService } from './totp.service';

const BAD_CREDENTIALS = 'The username or password is incorrect.';
const BAD_CODE = 'The code is incorrect or was already used.';
const BAD_MFA_TOKEN = 'The sign-in step expired; sign in again.';

@Injectable()
export class AuthService {
  /** A hash of nothing anyone knows: unknown users cost the same scrypt work as known ones. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly lockout: LoginLockoutService,
    private readonly sessions: SessionsService,
    private readonly totp: TotpService,
    private readonly audit: AuditService,
  ) {}

  async login(username: string, password: string, ip: string | null): Promise<LoginResponseDto> {
    const locked = await this.lockout.lockedUntil(username);
    if (locked) {
      // No password check while locked: not even the right one gets in (nor learns it is right).
      await this.recordFailure(username, null, 'locked', ip);
      throw new AccountLockedException(locked);
    }
    const user = await this.users.findForLogin(username);
    const usable = user !== null && !user.disabled;
    const ok = await verifyPassword(password, usable ? user.passwordHash : await this.decoy());
    if (!usable || !ok) {
      await this.recordFailure(username, user, user?.disabled ? 'disabled' : 'bad-credentials', ip);
      const lockedNow = await this.lockout.recordFailure(username);
      if (lockedNow) throw new AccountLockedException(lockedNow);
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    if (this.totp.required(user)) {
      const claims: MfaTokenClaims = { sub: user._id, se: epochOf(user) };
      const mfaToken = await this.jwt.signAsync(claims, {
        audience: MFA_TOKEN_AUDIENCE,
        expiresIn: MFA_TOKEN_TTL_SECONDS,
      });
      return { mfaRequired: true, mfaToken, mfaExpiresIn: MFA_TOKEN_TTL_SECONDS };
    }
    return { mfaRequired: false, ...(await this.signedIn(user, 'password', ip)) };
  }

  /** Second step: the mfaToken of the password step and a TOTP code. */
  async loginTotp(mfaToken: string, code: string, ip: string | null): Promise<SessionTokensDto> {
    let claims: MfaTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<MfaTokenClaims>(mfaToken, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: MFA_TOKEN_AUDIENCE,
      });
    } catch {
      throw new UnauthorizedException(BAD_MFA_TOKEN);
    }
    const user =
      typeof claims.sub === 'string' ? await this.users.findEnabledById(claims.sub) : null;
    if (!user || epochOf(user) !== claims.se || !this.totp.required(user)) {
      throw new UnauthorizedException(BAD_MFA_TOKEN);
    }
    const locked = await this.lockout.lockedUntil(user.username);
    if (locked) {
      await this.recordFailure(user.username, user, 'locked', ip);
      throw new AccountLockedException(locked);
    }
    if (!(await this.totp.check(user, code))) {
      // Wrong codes count towards the same lockout as wrong passwords: 10^6 codes are guessable otherwise.
      await this.recordFailure(user.username, user, 'bad-totp', ip);
      const lockedNow = await this.lockout.recordFailure(user.username);
      if (lockedNow) throw new AccountLockedException(lockedNow);
      throw new UnauthorizedException(BAD_CODE);
    }
    return this.signedIn(user, 'totp', ip);
  }

  refresh(refreshToken: string, ip: string | null): Promise<SessionTokensDto> {
    return this.sessions.refresh(refreshToken, ip);
  }

  async logout(refreshToken: string, ip: string | null): Promise<void> {
    const userId = await this.sessions.logout(refreshToken);
    if (userId) {
      const user = await this.users.findEnabledById(userId);
      await this.audit.record({
        actor: user ? principalFromUser(user) : null,
        actorName: user ? undefined : userId,
        action: 'auth.logout',
        customerId: user?.customerId ?? null,
        target: { type: 'user', id: userId },
        outcome: 'success',
        ip,
      });
    }
  }

  /** The user's own password change: checks the current one, ends every other session. */
  async changePassword(
    principal: VerifiedPrincipal,
    currentPassword: string,
    newPassword: string,
    ip: string | null,
  ): Promise<void> {
    const user = await this.users.findEnabledById(principal.userId);
    if (!user) {
      throw new UnauthorizedException('The access token is invalid or expired.');
    }
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      await this.audit.record({
        actor: principal,
        action: 'user.password.change',
        customerId: user.customerId,
        target: { type: 'user', id: user._id },
        outcome: 'failure',
        detail: { reason: 'wrong current password' },
        ip,
      });
      throw new RequestValidationException([
        { path: 'currentPassword', message: 'currentPassword is incorrect' },
      ]);
    }
    const problems = passwordProblems(newPassword, user.username, 'newPassword');
    if (problems.length > 0) {
      throw new RequestValidationException(problems);
    }
    await this.users.setPasswordHash(
      user._id,
      await hashPassword(newPassword),
      newEpoch(),
      new Date(),
    );
    await this.sessions.revokeAll(user._id);
    await this.audit.record({
      actor: principal,
      action: 'user.password.change',
      customerId: user.customerId,
      target: { type: 'user', id: user._id },
      outcome: 'success',
      ip,
    });
  }

  async enrolTotp(
    principal: VerifiedPrincipal,
    ip: string | null,
  ): Promise<{ secret: string; otpauthUri: string }> {
    const user = await this.self(principal);
    const enrolment = await this.totp.enrol(user);
    await this.audit.record({
      actor: principal,
      action: 'user.totp.enrol',
      customerId: user.customerId,
      target: { type: 'user', id: user._id },
      outcome: 'success',
      ip,
    });
    return enrolment;
  }

  async confirmTotp(principal: VerifiedPrincipal, code: string, ip: string | null): Promise<void> {
    const user = await this.self(principal);
    if (!user.totp) {
      throw new ConflictException('No enrolment to confirm; start one first.');
    }
    if (user.totp.confirmed) {
      throw new ConflictException('The second factor is already enabled.');
    }
    const ok = await this.totp.check(user, code, true);
    await this.audit.record({
      actor: principal,
      action: 'user.totp.confirm',
      customerId: user.customerId,
      target: { type: 'user', id: user._id },
      outcome: ok ? 'success' : 'failure',
      ip,
    });
    if (!ok) {
      throw new RequestValidationException([{ path: 'code', message: BAD_CODE }]);
    }
  }

  /** The user turns its own factor off, proving possession with a current code. */
  async disableTotp(principal: VerifiedPrincipal, code: string, ip: string | null): Promise<void> {
    const user = await this.self(principal);
    if (!this.totp.required(user)) {
      throw new ConflictException('No second factor is enabled.');
    }
    const ok = await this.totp.check(user, code);
    await this.audit.record({
      actor: principal,
      action: 'user.totp.disable',
      customerId: user.customerId,
      target: { type: 'user', id: user._id },
      outcome: ok ? 'success' : 'failure',
      ip,
    });
    if (!ok) {
      throw new RequestValidationException([{ path: 'code', message: BAD_CODE }]);
    }
    await this.users.clearTotp(user._id, new Date());
  }

  async self(principal: VerifiedPrincipal): Promise<UserDocument> {
    const user = await this.users.findEnabledById(principal.userId);
    if (!user) {
      throw new UnauthorizedException('The access token is invalid or expired.');
    }
    return user;
  }

  private async signedIn(
    user: UserDocument,
    method: 'password' | 'totp',
    ip: string | null,
  ): Promise<SessionTokensDto> {
    await this.lockout.reset(user.username);
    const tokens = await this.sessions.start(user);
    await this.audit.record({
      actor: principalFromUser(user),
      action: 'auth.login',
      customerId: user.customerId,
      target: { type: 'user', id: user._id },
      outcome: 'success',
      detail: { method },
      ip,
    });
    return tokens;
  }

  private async recordFailure(
    username: string,
    user: UserDocument | null,
    reason: 'bad-credentials' | 'bad-totp' | 'disabled' | 'locked',
    ip: string | null,
  ): Promise<void> {
    await this.audit.record({
      actor: null,
      actorName: username,
      action: 'auth.login.failed',
      // A customer-admin sees its users' failures; unknown names are operator-only.
      customerId: user?.customerId ?? null,
      ...(user ? { target: { type: 'user', id: user._id } } : {}),
      outcome: 'failure',
      detail: { reason },
      ip,
    });
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
    return this.decoyHash;
  }
}
