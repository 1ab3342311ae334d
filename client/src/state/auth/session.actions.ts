import { createActionGroup, emptyProps } from '@ngrx/store';

/** What the app shell asks of the session: restore it at start, end it on request. */
export const SessionActions = createActionGroup({
  source: 'Session',
  events: {
    'Restore Requested': emptyProps(),
    'Logout Requested': emptyProps(),
  },
});
