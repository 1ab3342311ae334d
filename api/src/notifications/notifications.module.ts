import { Module } from '@nestjs/common';

import { NotificationsController } from './notifications.controller';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsRepository } from './notifications.repository';
import { CircuitFaultWatcher } from './push/circuit-fault.watcher';
import { PushSender } from './push/push-sender';
import { PushSubscriptionsRepository } from './push/push-subscriptions.repository';
import { PushController } from './push/push.controller';
import { TicketNotifier } from './ticket-notifier.service';

/** Ticket notifications (e-mail, webhooks, web push), preferences and the delivery log. */
@Module({
  controllers: [NotificationsController, PushController],
  providers: [
    NotificationsRepository,
    TicketNotifier,
    NotificationsProcessor,
    PushSender,
    PushSubscriptionsRepository,
    CircuitFaultWatcher,
  ],
  exports: [TicketNotifier, NotificationsRepository],
})
export class NotificationsModule {}
