import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { changeStreamKey, writerConnection } from './change-events.stream';

/**
 * The events' non-blocking Redis connection (publishing, stream tickets, replay reads).
 * The blocking stream reader has a connection of its own (ChangeEventsHub): a blocked
 * XREAD would otherwise hold every other command behind it.
 */
@Injectable()
export class EventsRedis implements OnApplicationShutdown {
  readonly client: Redis;
  readonly streamKey: string;
  /** Prefix of the other keys (`<MONGO_DB>:`), as for the rate-limit counters. */
  readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = writerConnection(config.REDIS_URL);
    this.streamKey = changeStreamKey(config.MONGO_DB);
    this.prefix = `${config.MONGO_DB}:`;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client.status !== 'end') await this.client.quit().catch(() => undefined);
  }
}
