import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import {
  EMPTY,
  type Observable,
  catchError,
  concatMap,
  debounceTime,
  filter,
  map,
  merge,
  of,
  switchMap,
} from 'rxjs';

import type { TicketDto } from '../../generated/models/ticket-dto';
import { TicketsService } from '../../generated/services/tickets.service';
import { UsersService } from '../../generated/services/users.service';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { ofChangeKind } from '../live-events/live-events.effects';
import { failureOf } from '../shared/loadable.model';
import { DispatchApiActions, type DispatchPart } from './dispatch-api.actions';
import { DispatchBoardPageActions } from './dispatch-board-page.actions';
import { dispatchBoardFeature } from './dispatch-board.feature';

/** The board holds every open ticket the NOC sees (the demo's few hundred at most). */
export const BOARD_PAGE_SIZE = 200;
export const BOARD_LIVE_DEBOUNCE_MS = 1000;

const fail = (part: DispatchPart) => (e: unknown) =>
  of(DispatchApiActions.loadFailed({ part, error: failureOf(e) }));

export const loadBoard = createEffect(
  (actions$ = inject(Actions), store = inject(Store), tickets = inject(TicketsService)) =>
    merge(
      actions$.pipe(ofType(DispatchBoardPageActions.opened)),
      merge(
        actions$.pipe(ofType(DispatchBoardPageActions.refreshRequested, LiveEventsActions.resync)),
        actions$.pipe(
          ofType(LiveEventsActions.changeReceived),
          ofChangeKind('ticket'),
          debounceTime(BOARD_LIVE_DEBOUNCE_MS),
        ),
      ).pipe(
        concatLatestFrom(() => store.select(dispatchBoardFeature.selectOpen)),
        filter(([, open]) => open),
      ),
    ).pipe(
      switchMap(() =>
        merge(
          tickets
            .ticketsList({ status: 'open', sort: 'restoreDueAt', pageSize: BOARD_PAGE_SIZE })
            .pipe(
              map((page) => DispatchApiActions.ticketsLoaded({ page })),
              catchError(fail('tickets')),
            ),
          tickets.ticketsQueues().pipe(
            map((queues) => DispatchApiActions.queuesLoaded({ queues })),
            catchError(fail('queues')),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** Teams change rarely: read once per opening of the board. */
export const loadTeams = createEffect(
  (actions$ = inject(Actions), tickets = inject(TicketsService), users = inject(UsersService)) =>
    actions$.pipe(
      ofType(DispatchBoardPageActions.opened),
      switchMap(() =>
        merge(
          tickets.ticketsListTeams().pipe(
            map((teams) => DispatchApiActions.teamsLoaded({ teams })),
            catchError(fail('teams')),
          ),
          // Names of the engineers for the picker; a NOC operator may not list users, and
          // then the picker shows their ids.
          users.usersList({ role: 'field-engineer', pageSize: 200 }).pipe(
            map((page) =>
              DispatchApiActions.engineersLoaded({
                names: Object.fromEntries(page.items.map((u) => [u.id, u.displayName])),
              }),
            ),
            catchError(() => EMPTY),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** Each command against the version on the board; a stale one (409/412) re-reads the board. */
export const boardCommands = createEffect(
  (actions$ = inject(Actions), store = inject(Store), tickets = inject(TicketsService)) =>
    actions$.pipe(
      ofType(
        DispatchBoardPageActions.dispatchRequested,
        DispatchBoardPageActions.transitionRequested,
      ),
      concatLatestFrom(() => store.select(dispatchBoardFeature.selectTickets)),
      concatMap(([action, list]) => {
        const version = list.data?.find((t) => t.id === action.ticketId)?.version;
        const id = action.ticketId;
        let call: Observable<TicketDto>;
        if (action.type === DispatchBoardPageActions.dispatchRequested.type) {
          call = tickets.ticketsDispatch({
            id,
            body: {
              teamId: action.teamId,
              ...(action.engineerUserId ? { engineerUserId: action.engineerUserId } : {}),
              ...(version !== undefined ? { version } : {}),
            },
          });
        } else {
          call = tickets.ticketsTransition({
            id,
            body: {
              status: action.status,
              ...(action.reason.trim() ? { reason: action.reason.trim() } : {}),
              ...(version !== undefined ? { version } : {}),
            },
          });
        }
        return call.pipe(
          map((ticket) => DispatchApiActions.commandSucceeded({ ticket })),
          catchError((e: unknown) => {
            const error = failureOf(e);
            const failedAction = DispatchApiActions.commandFailed({ ticketId: id, error });
            return error.status === 409 || error.status === 412
              ? of(failedAction, DispatchBoardPageActions.refreshRequested())
              : of(failedAction);
          }),
        );
      }),
    ),
  { functional: true },
);

export const dispatchBoardEffects = { loadBoard, loadTeams, boardCommands };
