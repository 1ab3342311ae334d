import { Module } from '@nestjs/common';

import { TicketsModule } from '../tickets/tickets.module';
import { TmfTroubleTicketController } from './tmf-trouble-ticket.controller';

/** TMF621 facade at /tmf-api/troubleTicket/v4 (outside the /api/v1 prefix, as the standard names it). */
@Module({ imports: [TicketsModule], controllers: [TmfTroubleTicketController] })
export class TmfModule {}
