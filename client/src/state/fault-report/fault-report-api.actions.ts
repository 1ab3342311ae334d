import { createActionGroup, props } from '@ngrx/store';

import type { CircuitSummaryDto } from '../../generated/models/circuit-summary-dto';
import type { PreCheckDto } from '../../generated/models/pre-check-dto';
import type { TicketDto } from '../../generated/models/ticket-dto';
import type { Failure } from '../shared/loadable.model';

export const FaultReportApiActions = createActionGroup({
  source: 'Fault Report API',
  events: {
    'Circuits Found': props<{ q: string; circuits: CircuitSummaryDto[] }>(),
    'Circuits Failed': props<{ q: string; error: Failure }>(),
    'Pre Check Loaded': props<{ circuitId: string; preCheck: PreCheckDto }>(),
    'Pre Check Failed': props<{ circuitId: string; error: Failure }>(),
    Filed: props<{ ticket: TicketDto }>(),
    Joined: props<{ ticket: TicketDto }>(),
    'Submit Failed': props<{ error: Failure }>(),
    'Attachment Uploaded': props<{ ticketId: string; name: string }>(),
    'Attachment Failed': props<{ ticketId: string; name: string; error: Failure }>(),
    /** Filed (or joined) and every photo handled: the ticket page takes over. */
    Completed: props<{ ticketId: string }>(),
  },
});
