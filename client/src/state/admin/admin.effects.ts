import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { type Observable, catchError, map, mergeMap, of, switchMap } from 'rxjs';

import type { UserDto } from '../../generated/models/user-dto';
import { AuditService } from '../../generated/services/audit.service';
import { UsersService } from '../../generated/services/users.service';
import { failureOf } from '../shared/loadable.model';
import { AdminApiActions } from './admin-api.actions';
import { AdminPageActions } from './admin-page.actions';

export const ADMIN_PAGE_SIZE = 50;

/** Drops the empty filters: the API reads an empty `q` as a filter. */
function defined<T extends object>(query: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as Partial<T>;
}

export const loadUsers = createEffect(
  (actions$ = inject(Actions), users = inject(UsersService)) =>
    actions$.pipe(
      ofType(AdminPageActions.usersOpened, AdminPageActions.userQueryChanged),
      switchMap(({ query }) =>
        users.usersList({ ...defined(query), pageSize: ADMIN_PAGE_SIZE }).pipe(
          map((page) => AdminApiActions.usersLoaded({ query, page })),
          catchError((e: unknown) =>
            of(AdminApiActions.usersFailed({ query, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const saveUser = createEffect(
  (actions$ = inject(Actions), users = inject(UsersService)) => {
    const saved = (call: Observable<UserDto>) =>
      call.pipe(
        map((user) => AdminApiActions.userSaved({ user })),
        catchError((e: unknown) => of(AdminApiActions.userSaveFailed({ error: failureOf(e) }))),
      );
    return actions$.pipe(
      ofType(AdminPageActions.userCreateRequested, AdminPageActions.userDisableToggled),
      mergeMap((action) =>
        action.type === AdminPageActions.userCreateRequested.type
          ? saved(users.usersCreate({ body: action.user }))
          : saved(
              action.disabled
                ? users.usersDisable({ id: action.id })
                : users.usersEnable({ id: action.id }),
            ),
      ),
    );
  },
  { functional: true },
);

export const loadAudit = createEffect(
  (actions$ = inject(Actions), audit = inject(AuditService)) =>
    actions$.pipe(
      ofType(AdminPageActions.auditOpened, AdminPageActions.auditQueryChanged),
      switchMap(({ query }) =>
        audit.auditList({ ...defined(query), pageSize: ADMIN_PAGE_SIZE }).pipe(
          map((page) => AdminApiActions.auditLoaded({ query, page })),
          catchError((e: unknown) =>
            of(AdminApiActions.auditFailed({ query, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const adminEffects = { loadUsers, saveUser, loadAudit };
