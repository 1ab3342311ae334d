import { createActionGroup, props } from '@ngrx/store';

import type { QueuesDto } from '../../generated/models/queues-dto';
import type { TeamDto } from '../../generated/models/team-dto';
import type { TicketDto } from '../../generated/models/ticket-dto';
import type { TicketPageDto } from '../../generated/models/ticket-page-dto';
import type { Failure } from '../shared/loadable.model';

export type DispatchPart = 'tickets' | 'queues' | 'teams';

export const DispatchApiActions = createActionGroup({
  source: 'Dispatch API',
  events: {
    'Tickets Loaded': props<{ page: TicketPageDto }>(),
    'Queues Loaded': props<{ queues: QueuesDto }>(),
    'Teams Loaded': props<{ teams: TeamDto[] }>(),
    /** Field engineers' names by user id (only for roles that may list users). */
    'Engineers Loaded': props<{ names: Record<string, string> }>(),
    'Load Failed': props<{ part: DispatchPart; error: Failure }>(),
    'Command Succeeded': props<{ ticket: TicketDto }>(),
    'Command Failed': props<{ ticketId: string; error: Failure }>(),
  },
});
