import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { TicketStatus } from './ticket-command.model';

/** A page showing one ticket: its timeline and what the caller may do to it. */
export const TicketDetailPageActions = createActionGroup({
  source: 'Ticket Detail Page',
  events: {
    Opened: props<{ ticketId: string }>(),
    Closed: emptyProps(),
    'Refresh Requested': emptyProps(),
    /** Confirm (closed), reopen, cancel…: one of the ticket's allowedTransitions. */
    'Transition Requested': props<{ status: TicketStatus; reason: string | null }>(),
    'Note Submitted': props<{ text: string }>(),
    'Rating Submitted': props<{ rating: 1 | 2 | 3 | 4 | 5; comment: string }>(),
    /** A file picked after filing; the Blob waits in AttachmentDrafts under `draftId`. */
    'Attachment Submitted': props<{
      draftId: string;
      name: string;
      visibility: 'public' | 'internal';
    }>(),
  },
});
