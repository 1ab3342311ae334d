import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { ChangeEventInput } from './change-event';
import { type ChangeEventSink, RedisChangeEventsWriter } from './change-events.stream';
import { EventsRedis } from './events-redis';

export type { ChangeEventInput } from './change-event';

/**
 * Publishes change events (alarms, circuits, tickets) to the Redis Stream that every
 * API replica reads and streams to its `GET /api/v1/events` clients. Call it after the
 * change is stored. It never throws (a Redis failure is logged, the change stands).
 */
@Injectable()
export class ChangeEventsPublisher implements ChangeEventSink {
  private readonly logger = new Logger(ChangeEventsPublisher.name);
  private readonly writer: RedisChangeEventsWriter;

  constructor(redis: EventsRedis, @Inject(APP_CONFIG) config: AppConfig) {
    this.writer = new RedisChangeEventsWriter(
      redis.client,
      redis.streamKey,
      config.API_INSTANCE_ID,
      { error: (obj, msg) => this.logger.error(obj, msg) },
    );
  }

  publish(events: readonly ChangeEventInput[]): Promise<void> {
    return this.writer.publish(events);
  }
}
