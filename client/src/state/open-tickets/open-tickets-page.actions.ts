import { createActionGroup, emptyProps } from '@ngrx/store';

/** A page listing the caller's open tickets (mobile home and tickets tab, field jobs). */
export const OpenTicketsPageActions = createActionGroup({
  source: 'Open Tickets Page',
  events: {
    Opened: emptyProps(),
    Closed: emptyProps(),
    'Refresh Requested': emptyProps(),
  },
});
