import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The Redis connection of the rate limits and the login lockout: counters every
 * replica shares. Keys start with the database name (`<MONGO_DB>:`), so deployments
 * (or test runs) sharing one Redis never count together.
 */
@Injectable()
export class CountersRedis implements OnApplicationShutdown {
  readonly client: Redis;
  readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `${config.MONGO_DB}:`;
    this.client = new Redis(config.REDIS_URL, {
      // Fail a request fast rather than queue it while Redis is away.
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      lazyConnect: false,
    });
    // Without a listener ioredis logs every reconnect failure as an unhandled error event.
    this.client.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client.status !== 'end') {
      await this.client.quit().catch(() => undefined);
    }
  }
}

/** Global: the login lockout (auth) and the rate limits share this connection. */
@Global()
@Module({ providers: [CountersRedis], exports: [CountersRedis] })
export class CountersRedisModule {}
