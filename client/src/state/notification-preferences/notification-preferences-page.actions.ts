import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { UpdateNotificationPreferencesDto } from '../../generated/models/update-notification-preferences-dto';

export const NotificationPreferencesPageActions = createActionGroup({
  source: 'Notification Preferences Page',
  events: {
    Opened: emptyProps(),
    /** What changed; `rotateWebhookSecret: true` asks for a new signing secret. */
    'Save Requested': props<{ changes: UpdateNotificationPreferencesDto }>(),
    /** The new secret was copied or put away: it is not shown again. */
    'Secret Dismissed': emptyProps(),
    Closed: emptyProps(),
  },
});
