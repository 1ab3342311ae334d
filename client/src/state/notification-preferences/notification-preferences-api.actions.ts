import { createActionGroup, props } from '@ngrx/store';

import type { NotificationPreferencesDto } from '../../generated/models/notification-preferences-dto';
import type { Failure } from '../shared/loadable.model';

export const NotificationPreferencesApiActions = createActionGroup({
  source: 'Notification Preferences API',
  events: {
    Loaded: props<{ preferences: NotificationPreferencesDto }>(),
    'Load Failed': props<{ error: Failure }>(),
    /** `preferences.webhookSecret` is there only when this save generated one. */
    Saved: props<{ preferences: NotificationPreferencesDto }>(),
    /** `fieldErrors`: the API's validation messages by field path (`webhookUrl`, `email`…). */
    'Save Failed': props<{ error: Failure; fieldErrors: Record<string, string[]> }>(),
  },
});
