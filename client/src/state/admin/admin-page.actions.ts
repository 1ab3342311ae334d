import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { AuditList$Params } from '../../generated/fn/audit/audit-list';
import type { UsersList$Params } from '../../generated/fn/users/users-list';
import type { CreateUserDto } from '../../generated/models/create-user-dto';

export type UserQuery = Pick<UsersList$Params, 'q' | 'role' | 'customerId' | 'disabled' | 'page'>;
export type AuditQuery = Pick<
  AuditList$Params,
  'action' | 'actor' | 'outcome' | 'customerId' | 'from' | 'to' | 'page'
>;

export const AdminPageActions = createActionGroup({
  source: 'Admin Page',
  events: {
    'Users Opened': props<{ query: UserQuery }>(),
    'User Query Changed': props<{ query: UserQuery }>(),
    'User Create Requested': props<{ user: CreateUserDto }>(),
    'User Disable Toggled': props<{ id: string; disabled: boolean }>(),
    'Audit Opened': props<{ query: AuditQuery }>(),
    'Audit Query Changed': props<{ query: AuditQuery }>(),
    Closed: emptyProps(),
  },
});
