import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, exhaustMap, map, of, switchMap } from 'rxjs';

import { AnnouncementsService } from '../../generated/services/announcements.service';
import { failureOf } from '../shared/loadable.model';
import { AnnouncementsApiActions } from './announcements-api.actions';
import { AnnouncementsPageActions } from './announcements-page.actions';

export const loadAnnouncements = createEffect(
  (actions$ = inject(Actions), announcements = inject(AnnouncementsService)) =>
    actions$.pipe(
      ofType(AnnouncementsPageActions.opened),
      switchMap(({ all }) =>
        announcements.announcementsList({ pageSize: 100, ...(all ? { all: 'true' } : {}) }).pipe(
          map((page) => AnnouncementsApiActions.loaded({ all, page })),
          catchError((e: unknown) =>
            of(AnnouncementsApiActions.failed({ all, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** One publication at a time: a double click must not announce twice. */
export const publishAnnouncement = createEffect(
  (actions$ = inject(Actions), announcements = inject(AnnouncementsService)) =>
    actions$.pipe(
      ofType(AnnouncementsPageActions.publishRequested),
      exhaustMap(({ announcement }) =>
        announcements.announcementsCreate({ body: announcement }).pipe(
          map((a) => AnnouncementsApiActions.published({ announcement: a })),
          catchError((e: unknown) =>
            of(AnnouncementsApiActions.publishFailed({ error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const announcementsEffects = { loadAnnouncements, publishAnnouncement };
