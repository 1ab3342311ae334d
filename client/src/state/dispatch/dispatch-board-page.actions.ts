import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { TicketSummaryDto } from '../../generated/models/ticket-summary-dto';

export const DispatchBoardPageActions = createActionGroup({
  source: 'Dispatch Board Page',
  events: {
    Opened: emptyProps(),
    Closed: emptyProps(),
    'Refresh Requested': emptyProps(),
    /** Dropped on a team's column, or chosen in the card's dispatch form. */
    'Dispatch Requested': props<{
      ticketId: string;
      teamId: string;
      engineerUserId: string | null;
    }>(),
    'Transition Requested': props<{
      ticketId: string;
      status: TicketSummaryDto['status'];
      reason: string;
    }>(),
  },
});
