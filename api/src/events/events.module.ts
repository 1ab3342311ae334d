import { Global, Module } from '@nestjs/common';

import { UsersModule } from '../users/users.module';
import { ChangeEventsHub } from './change-events.hub';
import { ChangeEventsPublisher } from './change-events.publisher';
import { EventTicketsService } from './event-tickets.service';
import { EventsRedis } from './events-redis';
import { EventsStreamService } from './events-stream.service';
import { EventsController } from './events.controller';

/**
 * Change events: the publisher every feature that changes alarms, circuits or tickets
 * calls (global), and this replica's live stream (`GET /events`, docs/adr/0013).
 */
@Global()
@Module({
  imports: [UsersModule],
  controllers: [EventsController],
  providers: [
    EventsRedis,
    ChangeEventsPublisher,
    ChangeEventsHub,
    EventTicketsService,
    EventsStreamService,
  ],
  // The hub and its Redis connection also serve in-process readers (web push of circuit faults).
  exports: [ChangeEventsPublisher, ChangeEventsHub, EventsRedis],
})
export class EventsModule {}
