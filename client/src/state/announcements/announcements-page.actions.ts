import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { CreateAnnouncementDto } from '../../generated/models/create-announcement-dto';

export const AnnouncementsPageActions = createActionGroup({
  source: 'Announcements Page',
  events: {
    /** `all`: also expired and future ones (operator staff). */
    Opened: props<{ all: boolean }>(),
    'Publish Requested': props<{ announcement: CreateAnnouncementDto }>(),
    Closed: emptyProps(),
  },
});
