import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Logger, Module } from '@nestjs/common';
import {
  normalizeIp,
  type ThrottlerModuleOptions,
  ThrottlerModule,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request } from 'express';

import type { AuthenticatedRequest } from '../auth/current-principal.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CountersRedis, CountersRedisModule } from './counters-redis.module';
import { AUTH_RATE_LIMITED } from './rate-limit.decorator';

/**
 * If Redis is unreachable the limits are not enforced (logged) rather than every
 * request failing: availability of the portal over a limiter that protects it.
 */
class FailOpenStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private lastWarning = 0;

  constructor(private readonly inner: ThrottlerStorage) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    try {
      return await this.inner.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn(
          { err: (error as Error).message },
          'rate limits not enforced: Redis error',
        );
      }
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}

/** The client address; an IPv6 client counts per /64, as it usually owns the whole prefix. */
const addressOf = (req: Request): string =>
  normalizeIp(req.ip ?? req.socket.remoteAddress ?? 'unknown');

/**
 * Three limits per window (RATE_LIMIT_WINDOW_SECONDS), counted in Redis so that every
 * replica shares them: per client address on every route, per user on authenticated
 * routes, and a stricter per-address one on the sign-in routes (@AuthRateLimited).
 * Keys are global per limit (not per route): `<db>:rl:<limit>:<address|user id>`.
 */
export function rateLimitOptions(config: AppConfig, redis: CountersRedis): ThrottlerModuleOptions {
  const ttl = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const key =
    (name: string) =>
    (_context: unknown, tracker: string): string =>
      `${redis.prefix}rl:${name}:${tracker}`;
  return {
    storage: new FailOpenStorage(new ThrottlerStorageRedisService(redis.client)),
    setHeaders: false,
    throttlers: [
      {
        name: 'address',
        ttl,
        limit: config.RATE_LIMIT_PER_ADDRESS,
        getTracker: (req) => addressOf(req as Request),
        generateKey: key('address'),
      },
      {
        name: 'user',
        ttl,
        limit: config.RATE_LIMIT_PER_USER,
        // Runs after the auth guard, which has set the principal on protected routes.
        skipIf: (ctx) => !ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal,
        getTracker: (req) => (req as AuthenticatedRequest).principal?.userId ?? 'anonymous',
        generateKey: key('user'),
      },
      {
        name: 'auth',
        ttl,
        limit: config.RATE_LIMIT_AUTH_PER_ADDRESS,
        skipIf: (ctx) => Reflect.getMetadata(AUTH_RATE_LIMITED, ctx.getHandler()) !== true,
        getTracker: (req) => addressOf(req as Request),
        generateKey: key('auth'),
      },
    ],
  };
}

/** The guard itself is registered by AuthModule, after the auth guard (it needs the principal). */
@Module({
  imports: [
    CountersRedisModule,
    ThrottlerModule.forRootAsync({
      imports: [CountersRedisModule],
      inject: [APP_CONFIG, CountersRedis],
      useFactory: rateLimitOptions,
    }),
  ],
})
export class RateLimitModule {}
