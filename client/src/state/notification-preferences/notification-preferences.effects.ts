import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, exhaustMap, map, of, switchMap } from 'rxjs';

import { NotificationsService } from '../../generated/services/notifications.service';
import { fieldErrorsOf } from '../../problem-details';
import { failureOf } from '../shared/loadable.model';
import { NotificationPreferencesApiActions } from './notification-preferences-api.actions';
import { NotificationPreferencesPageActions } from './notification-preferences-page.actions';

export const loadNotificationPreferences = createEffect(
  (actions$ = inject(Actions), notifications = inject(NotificationsService)) =>
    actions$.pipe(
      ofType(NotificationPreferencesPageActions.opened),
      switchMap(() =>
        notifications.notificationsPreferences().pipe(
          map((preferences) => NotificationPreferencesApiActions.loaded({ preferences })),
          catchError((e: unknown) =>
            of(NotificationPreferencesApiActions.loadFailed({ error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** One save at a time: a double click must not generate two secrets, one of them never seen. */
export const saveNotificationPreferences = createEffect(
  (actions$ = inject(Actions), notifications = inject(NotificationsService)) =>
    actions$.pipe(
      ofType(NotificationPreferencesPageActions.saveRequested),
      exhaustMap(({ changes }) =>
        notifications.notificationsUpdate({ body: changes }).pipe(
          map((preferences) => NotificationPreferencesApiActions.saved({ preferences })),
          catchError((e: unknown) =>
            of(
              NotificationPreferencesApiActions.saveFailed({
                error: failureOf(e),
                fieldErrors: Object.fromEntries(fieldErrorsOf(e)),
              }),
            ),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const notificationPreferencesEffects = {
  loadNotificationPreferences,
  saveNotificationPreferences,
};
