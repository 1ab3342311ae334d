import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { ChangeEventMessageDto } from '../../generated/models/change-event-message-dto';

/** What the API's event stream says (GET /events), as actions every feature can react to. */
export const LiveEventsActions = createActionGroup({
  source: 'Live Events',
  events: {
    Connecting: emptyProps(),
    /** The subscription is in place; after a resume the missed events were replayed. */
    Ready: emptyProps(),
    'Change Received': props<{ name: string; message: ChangeEventMessageDto }>(),
    /** Events were lost: what is on screen must be read again. */
    Resync: emptyProps(),
    Stopped: emptyProps(),
  },
});
