import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UsersRepository } from '../users/users.repository';
import type { AccessTokenClaims } from './access-token';
import type { LoginResponseDto } from './dto/login-response.dto';
import { hashPassword, verifyPassword } from './password-hasher';

const BAD_CREDENTIALS = 'The username or password is incorrect.';

@Injectable()
export class AuthService {
  /** A hash of nothing anyone knows: unknown users cost the same scrypt work as known ones. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<LoginResponseDto> {
    const user = await this.users.findForLogin(username);
    const usable = user !== null && !user.disabled;
    const ok = await verifyPassword(password, usable ? user.passwordHash : await this.decoy());
    if (!usable || !ok) {
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    const claims: AccessTokenClaims = { sub: user._id, username: user.username, role: user.role };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS };
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
    return this.decoyHash;
  }
}
