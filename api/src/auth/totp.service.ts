import { ConflictException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { UserDocument } from '../database/documents';
import { UsersRepository } from '../users/users.repository';
import { open, seal } from './secret-box';
import { newTotpSecret, totpStepOf } from './totp';

/** The TOTP second factor: enrolment, and checking codes once (a replay is refused). */
@Injectable()
export class TotpService {
  private readonly key: Buffer | null;

  constructor(
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = config.TOTP_ENCRYPTION_KEY
      ? Buffer.from(config.TOTP_ENCRYPTION_KEY, 'base64')
      : null;
  }

  /** Whether a login of this user needs the second step. */
  required(user: UserDocument): boolean {
    return user.totp?.confirmed === true;
  }

  /** Starts enrolment: a new secret, unconfirmed until a correct code arrives. */
  async enrol(user: UserDocument): Promise<{ secret: string; otpauthUri: string }> {
    const key = this.requireKey();
    if (user.totp?.confirmed) {
      throw new ConflictException('A second factor is already enabled; disable it first.');
    }
    const { secret, otpauthUri } = newTotpSecret(user.username);
    const started = await this.users.startTotp(user._id, {
      secret: seal(secret, key, user._id),
      confirmed: false,
      lastStep: 0,
      enrolledAt: new Date(),
    });
    if (!started) {
      throw new ConflictException('A second factor is already enabled; disable it first.');
    }
    return { secret, otpauthUri };
  }

  /**
   * Checks a code of the user's (enrolled) factor and consumes its time step. False for
   * a wrong code, a replayed one, or no enrolment. `confirm` completes an enrolment.
   */
  async check(user: UserDocument, code: string, confirm = false): Promise<boolean> {
    if (!user.totp) {
      return false;
    }
    const secret = open(user.totp.secret, this.requireKey(), user._id);
    if (secret === null) {
      // Sealed under another key (rotated without re-enrolment): unusable, never a match.
      return false;
    }
    const step = totpStepOf(secret, code, Date.now());
    return step !== null && (await this.users.acceptTotpStep(user._id, step, confirm));
  }

  private requireKey(): Buffer {
    if (!this.key) {
      throw new ServiceUnavailableException('The second factor is not configured on this server.');
    }
    return this.key;
  }
}
