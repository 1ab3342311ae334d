import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { CreateTicketDto } from '../../generated/models/create-ticket-dto';

/** What the reporter enters; the photos themselves wait in PendingAttachments. */
export interface FaultReportForm {
  description: string;
  impact: NonNullable<CreateTicketDto['impact']>;
  severity?: CreateTicketDto['severity'];
  contactName?: string;
  contactPhone?: string;
}

export const FaultReportPageActions = createActionGroup({
  source: 'Fault Report Page',
  events: {
    /** `circuitId` given: the report starts from a circuit page (`/report?circuit=`). */
    Opened: props<{ circuitId: string | null }>(),
    Closed: emptyProps(),
    'Circuit Searched': props<{ q: string }>(),
    'Circuit Picked': props<{ circuitId: string }>(),
    'Circuit Cleared': emptyProps(),
    /** File a new ticket, then upload the photos attached (names for the record). */
    Submitted: props<{ form: FaultReportForm; attachments: string[] }>(),
    /** Follow an open ticket that covers the circuit already. */
    'Join Requested': props<{ ticketId: string }>(),
  },
});
