import { createActionGroup, props } from '@ngrx/store';

import type { TicketPageDto } from '../../generated/models/ticket-page-dto';
import type { Failure } from '../shared/loadable.model';

export const OpenTicketsApiActions = createActionGroup({
  source: 'Open Tickets API',
  events: {
    Loaded: props<{ page: TicketPageDto }>(),
    'Load Failed': props<{ error: Failure }>(),
  },
});
