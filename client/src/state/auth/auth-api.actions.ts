import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { UserDto } from '../../generated/models/user-dto';
import type { LoginError } from './login-error.model';

export const AuthApiActions = createActionGroup({
  source: 'Auth API',
  events: {
    'Second Factor Required': props<{ username: string; expiresAt: string }>(),
    'Signed In': props<{ user: UserDto }>(),
    'Sign In Failed': props<{ error: LoginError }>(),
    'Session Restored': props<{ user: UserDto }>(),
    /** The API was unreachable at start: the session is kept with the last known profile. */
    'Session Kept Offline': props<{ user: UserDto; profileSavedAt: string }>(),
    'No Session': emptyProps(),
    'Session Expired': emptyProps(),
    'Signed Out': emptyProps(),
  },
});
