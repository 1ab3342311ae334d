import { createHash } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CountersRedis } from '../rate-limit/counters-redis.module';

/** Counts a failure; locks (and returns the lock's end, ms) when the threshold is reached. */
const RECORD_FAILURE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if n >= tonumber(ARGV[2]) then
  local lockedUntil = tonumber(ARGV[4]) + tonumber(ARGV[3])
  redis.call('SET', KEYS[2], lockedUntil, 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return lockedUntil
end
return 0
`;

/**
 * Login lockout per username, in Redis so that every replica sees the same count.
 * It is kept for any username typed, known or not: an unknown name locks exactly like
 * a real one, so the lock message does not reveal which accounts exist. Usernames are
 * stored hashed. A Redis outage disables the lockout (logged) rather than all logins.
 */
@Injectable()
export class LoginLockoutService {
  private readonly logger = new Logger(LoginLockoutService.name);

  constructor(
    private readonly redis: CountersRedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** When the username's lock ends, or null if it is not locked. */
  async lockedUntil(username: string): Promise<Date | null> {
    try {
      const value = await this.redis.client.get(this.keys(username).lock);
      const until = value === null ? NaN : Number(value);
      return Number.isFinite(until) && until > Date.now() ? new Date(until) : null;
    } catch (error) {
      this.warn(error);
      return null;
    }
  }

  /** Counts a failed attempt; returns the lock's end if this failure locked the username. */
  async recordFailure(username: string): Promise<Date | null> {
    const { failures, lock } = this.keys(username);
    try {
      const result = await this.redis.client.eval(
        RECORD_FAILURE,
        2,
        failures,
        lock,
        this.config.LOGIN_FAILURE_WINDOW_SECONDS * 1000,
        this.config.LOGIN_MAX_FAILURES,
        this.config.LOGIN_LOCK_SECONDS * 1000,
        Date.now(),
      );
      return typeof result === 'number' && result > 0 ? new Date(result) : null;
    } catch (error) {
      this.warn(error);
      return null;
    }
  }

  /** A successful sign-in forgets the failures. */
  async reset(username: string): Promise<void> {
    try {
      await this.redis.client.del(this.keys(username).failures);
    } catch (error) {
      this.warn(error);
    }
  }

  private keys(username: string): { failures: string; lock: string } {
    const id = createHash('sha256').update(username.toLowerCase()).digest('base64url');
    return {
      failures: `${this.redis.prefix}login:failures:${id}`,
      lock: `${this.redis.prefix}login:lock:${id}`,
    };
  }

  private warn(error: unknown): void {
    this.logger.warn({ err: (error as Error).message }, 'login lockout unavailable: Redis error');
  }
}
