import { createActionGroup, props } from '@ngrx/store';

import type { TicketPageDto } from '../../generated/models/ticket-page-dto';
import type { Failure } from '../shared/loadable.model';

export const TicketsApiActions = createActionGroup({
  source: 'Tickets API',
  events: {
    'List Loaded': props<{ page: TicketPageDto }>(),
    'List Failed': props<{ error: Failure }>(),
  },
});
