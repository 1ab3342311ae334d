import { createFeature, createReducer, on } from '@ngrx/store';

import type { AuditPageDto } from '../../generated/models/audit-page-dto';
import type { UserPageDto } from '../../generated/models/user-page-dto';
import {
  type Failure,
  type Loadable,
  failed,
  idle,
  loaded,
  loading,
} from '../shared/loadable.model';
import { AdminApiActions } from './admin-api.actions';
import { type AuditQuery, AdminPageActions, type UserQuery } from './admin-page.actions';

export interface AdminState {
  userQuery: UserQuery;
  users: Loadable<UserPageDto>;
  /** A change being saved (create, disable/enable) and why the last one failed. */
  saving: boolean;
  saveError: Failure | null;
  auditQuery: AuditQuery;
  audit: Loadable<AuditPageDto>;
}

export const initialAdminState: AdminState = {
  userQuery: {},
  users: idle(),
  saving: false,
  saveError: null,
  auditQuery: {},
  audit: idle(),
};

/** Answers are matched to the query they answer: a slow old one never overwrites a newer one. */
const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

export const adminFeature = createFeature({
  name: 'admin',
  reducer: createReducer(
    initialAdminState,
    on(
      AdminPageActions.usersOpened,
      AdminPageActions.userQueryChanged,
      (state, { query }): AdminState => ({
        ...state,
        userQuery: query,
        users: loading(state.users),
      }),
    ),
    on(AdminApiActions.usersLoaded, (state, { query, page }) =>
      same(query, state.userQuery) ? { ...state, users: loaded(page) } : state,
    ),
    on(AdminApiActions.usersFailed, (state, { query, error }) =>
      same(query, state.userQuery) ? { ...state, users: failed(state.users, error) } : state,
    ),
    on(
      AdminPageActions.userCreateRequested,
      AdminPageActions.userDisableToggled,
      (state): AdminState => ({ ...state, saving: true, saveError: null }),
    ),
    on(AdminApiActions.userSaved, (state, { user }): AdminState => {
      const page = state.users.data;
      if (!page) return { ...state, saving: false };
      const exists = page.items.some((u) => u.id === user.id);
      const items = exists
        ? page.items.map((u) => (u.id === user.id ? user : u))
        : [user, ...page.items];
      return {
        ...state,
        saving: false,
        users: { ...state.users, data: { ...page, items, total: page.total + (exists ? 0 : 1) } },
      };
    }),
    on(AdminApiActions.userSaveFailed, (state, { error }): AdminState => ({
      ...state,
      saving: false,
      saveError: error,
    })),
    on(
      AdminPageActions.auditOpened,
      AdminPageActions.auditQueryChanged,
      (state, { query }): AdminState => ({
        ...state,
        auditQuery: query,
        audit: loading(state.audit),
      }),
    ),
    on(AdminApiActions.auditLoaded, (state, { query, page }) =>
      same(query, state.auditQuery) ? { ...state, audit: loaded(page) } : state,
    ),
    on(AdminApiActions.auditFailed, (state, { query, error }) =>
      same(query, state.auditQuery) ? { ...state, audit: failed(state.audit, error) } : state,
    ),
  ),
});
