import { createActionGroup, props } from '@ngrx/store';

import type { AuditPageDto } from '../../generated/models/audit-page-dto';
import type { UserDto } from '../../generated/models/user-dto';
import type { UserPageDto } from '../../generated/models/user-page-dto';
import type { Failure } from '../shared/loadable.model';
import type { AuditQuery, UserQuery } from './admin-page.actions';

export const AdminApiActions = createActionGroup({
  source: 'Admin API',
  events: {
    'Users Loaded': props<{ query: UserQuery; page: UserPageDto }>(),
    'Users Failed': props<{ query: UserQuery; error: Failure }>(),
    'User Saved': props<{ user: UserDto }>(),
    'User Save Failed': props<{ error: Failure }>(),
    'Audit Loaded': props<{ query: AuditQuery; page: AuditPageDto }>(),
    'Audit Failed': props<{ query: AuditQuery; error: Failure }>(),
  },
});
