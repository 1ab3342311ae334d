import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { catchError, debounceTime, filter, map, merge, of, switchMap } from 'rxjs';

import { TicketsService } from '../../generated/services/tickets.service';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { ofChangeKind } from '../live-events/live-events.effects';
import { failureOf } from '../shared/loadable.model';
import { TicketListPageActions } from './ticket-list-page.actions';
import { statusFilterOf, ticketListFeature } from './ticket-list.feature';
import { TicketsApiActions } from './tickets-api.actions';

export const TICKET_LIST_PAGE_SIZE = 50;
export const TICKETS_LIVE_DEBOUNCE_MS = 800;

export const loadTicketList = createEffect(
  (actions$ = inject(Actions), store = inject(Store), tickets = inject(TicketsService)) =>
    merge(
      actions$.pipe(
        ofType(TicketListPageActions.queryChanged),
        map(({ query }) => query),
      ),
      merge(
        actions$.pipe(ofType(TicketListPageActions.refreshRequested, LiveEventsActions.resync)),
        actions$.pipe(
          ofType(LiveEventsActions.changeReceived),
          ofChangeKind('ticket'),
          debounceTime(TICKETS_LIVE_DEBOUNCE_MS),
        ),
      ).pipe(
        concatLatestFrom(() => store.select(ticketListFeature.selectTicketListState)),
        filter(([, s]) => s.open),
        map(([, s]) => s.query),
      ),
    ).pipe(
      switchMap((query) => {
        const status = statusFilterOf(query.status);
        return tickets
          .ticketsList({
            ...(status ? { status } : {}),
            ...(query.customerId ? { customerId: query.customerId } : {}),
            ...(query.circuitId ? { circuitId: query.circuitId } : {}),
            ...(query.breached ? { breached: true } : {}),
            sort: query.sort,
            page: query.page,
            pageSize: TICKET_LIST_PAGE_SIZE,
          })
          .pipe(
            map((page) => TicketsApiActions.listLoaded({ page })),
            catchError((e: unknown) => of(TicketsApiActions.listFailed({ error: failureOf(e) }))),
          );
      }),
    ),
  { functional: true },
);

export const ticketsEffects = { loadTicketList };
