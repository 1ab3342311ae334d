import { Module } from '@nestjs/common';

import { NotificationsController } from './notifications.controller';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsRepository } from './notifications.repository';
import { TicketNotifier } from './ticket-notifier.service';

/** Ticket notifications (e-mail, webhooks), preferences and the delivery log. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, TicketNotifier, NotificationsProcessor],
  exports: [TicketNotifier, NotificationsRepository],
})
export class NotificationsModule {}
