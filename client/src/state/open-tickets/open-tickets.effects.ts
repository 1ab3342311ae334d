import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { catchError, debounceTime, filter, map, merge, of, switchMap } from 'rxjs';

import { TicketsService } from '../../generated/services/tickets.service';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { ofChangeKind } from '../live-events/live-events.effects';
import { failureOf } from '../shared/loadable.model';
import { OpenTicketsApiActions } from './open-tickets-api.actions';
import { OpenTicketsPageActions } from './open-tickets-page.actions';
import { openTicketsFeature } from './open-tickets.feature';

/** A phone shows one screen of them; the API sorts by the restore deadline. */
export const OPEN_TICKETS_PAGE_SIZE = 50;
/** A burst of ticket events (dispatch, arrival, note) is read once. */
export const OPEN_TICKETS_LIVE_DEBOUNCE_MS = 1000;

export const loadOpenTickets = createEffect(
  (actions$ = inject(Actions), store = inject(Store), tickets = inject(TicketsService)) =>
    merge(
      actions$.pipe(ofType(OpenTicketsPageActions.opened)),
      actions$.pipe(
        ofType(OpenTicketsPageActions.refreshRequested, LiveEventsActions.resync),
        concatLatestFrom(() => store.select(openTicketsFeature.selectIsOpen)),
        filter(([, open]) => open),
      ),
      actions$.pipe(
        ofType(LiveEventsActions.changeReceived),
        ofChangeKind('ticket'),
        debounceTime(OPEN_TICKETS_LIVE_DEBOUNCE_MS),
        concatLatestFrom(() => store.select(openTicketsFeature.selectIsOpen)),
        filter(([, open]) => open),
      ),
    ).pipe(
      switchMap(() =>
        tickets
          .ticketsList({ status: 'open', sort: 'restoreDueAt', pageSize: OPEN_TICKETS_PAGE_SIZE })
          .pipe(
            map((page) => OpenTicketsApiActions.loaded({ page })),
            catchError((e: unknown) =>
              of(OpenTicketsApiActions.loadFailed({ error: failureOf(e) })),
            ),
          ),
      ),
    ),
  { functional: true },
);

export const openTicketsEffects = { loadOpenTickets };
