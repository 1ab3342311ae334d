import { createActionGroup, props } from '@ngrx/store';

import type { TicketDto } from '../../generated/models/ticket-dto';
import type { Failure } from '../shared/loadable.model';

export const TicketDetailApiActions = createActionGroup({
  source: 'Ticket Detail API',
  events: {
    Loaded: props<{ ticketId: string; ticket: TicketDto }>(),
    'Load Failed': props<{ ticketId: string; error: Failure }>(),
    /** A change went through: the API answers with the ticket as it is now. */
    'Command Succeeded': props<{ ticketId: string; ticket: TicketDto }>(),
    'Command Failed': props<{ ticketId: string; error: Failure }>(),
  },
});
