import { Module } from '@nestjs/common';

import { AlarmsModule } from '../alarms/alarms.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SlaScheduler } from '../sla/sla-scheduler.service';
import { TopologyModule } from '../topology/topology.module';
import { TeamsService } from './teams.service';
import { TicketTimersProcessor } from './ticket-timers.processor';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

/** Trouble tickets: life cycle, NOC work, SLA clocks and their timers (docs/tickets.md). */
@Module({
  imports: [AlarmsModule, TopologyModule, NotificationsModule],
  controllers: [TicketsController],
  providers: [TicketsRepository, TicketsService, TeamsService, SlaScheduler, TicketTimersProcessor],
  exports: [TicketsService, TicketsRepository],
})
export class TicketsModule {}
