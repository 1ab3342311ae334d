import { createActionGroup, props } from '@ngrx/store';

import type { AnnouncementDto } from '../../generated/models/announcement-dto';
import type { AnnouncementPageDto } from '../../generated/models/announcement-page-dto';
import type { Failure } from '../shared/loadable.model';

export const AnnouncementsApiActions = createActionGroup({
  source: 'Announcements API',
  events: {
    Loaded: props<{ all: boolean; page: AnnouncementPageDto }>(),
    Failed: props<{ all: boolean; error: Failure }>(),
    Published: props<{ announcement: AnnouncementDto }>(),
    'Publish Failed': props<{ error: Failure }>(),
  },
});
